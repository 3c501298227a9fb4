/**
 * What counts as a child being "known" to the partnership's panels and plans, and which of a
 * child's recorded actions are read as signs of possible coercion. Both are local practice, kept
 * as data: the services pass them to the analytics as parameters, and a partnership can change
 * them in configuration (KNOWN_REFERRAL_TYPES, KNOWN_CARE_STATUSES).
 */

export interface KnownDefinition {
  /** Referral types that make a child known once made (the model's REFERRAL_TYPE codes). */
  referralTypes: string[];
  /** Care statuses that mean a plan is open (the model's CARE_STATUS codes). */
  careStatuses: string[];
}

/**
 * A referral counts as open for this many days after it was made (referrals carry no closing
 * date): a child referred within the year before a critical moment is already known then.
 */
export const KNOWN_REFERRAL_OPEN_DAYS = 365;

/** Involvement roles that make a moment the child's own (a witness or reporter is not excluded or arrested). */
export const MOMENT_ROLES = ['subject', 'victim', 'suspect'];

/** Panel, MACE and NRM referrals; a child protection plan or being looked after. */
export const DEFAULT_KNOWN: KnownDefinition = {
  referralTypes: ['PANEL', 'MACE', 'NRM'],
  careStatuses: ['CPP', 'CLA'],
};

/**
 * Offences where a child recorded as suspect or subject may be acting under coercion (supply,
 * weapons, robbery): a safeguarding signal about the child, never an offender score.
 */
export const COERCION_OFFENCES = ['drug_supply', 'possession_with_intent', 'possession_of_weapon', 'robbery'];

/** Three or more missing episodes within 30 days: a common trigger for a strategy meeting. */
export const REPEAT_MISSING = { episodes: 3, withinDays: 30 };

/** Signs of exploitation in words: safeguarding signals about the child, never suspicion of the child. */
export const CONCERN_INDICATOR_LABEL: Record<string, string> = {
  possibleCoercionInOffence: 'recorded in supply, weapons or robbery (possible coercion)',
  linkedToCountyLine: 'linked to a county line',
  targetedByAdult: 'targeted by an adult',
  foundOutOfBorough: 'found out of borough',
  missingWithCountyLinesConcern: 'missing with a county-lines concern',
  repeatMissing: 'repeat missing',
  foundWithUnexplainedItems: 'found with money, phones, goods or travel they cannot account for',
};
