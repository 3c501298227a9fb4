/**
 * Code lists of the model (see shared DOMAIN.md). Defined once: the Cypher schema, import
 * validation, GraphQL enums and client styles all read them from here.
 */
import supportProgrammes from './support-programmes.json';

/** ONS Census 2021 ethnicity, 19 categories plus "not stated". */
export const ETHNICITY = {
  ASIAN_BANGLADESHI: 'Asian/Asian British: Bangladeshi',
  ASIAN_CHINESE: 'Asian/Asian British: Chinese',
  ASIAN_INDIAN: 'Asian/Asian British: Indian',
  ASIAN_PAKISTANI: 'Asian/Asian British: Pakistani',
  ASIAN_OTHER: 'Asian/Asian British: Other Asian',
  BLACK_AFRICAN: 'Black/Black British/Caribbean/African: African',
  BLACK_CARIBBEAN: 'Black/Black British/Caribbean/African: Caribbean',
  BLACK_OTHER: 'Black/Black British/Caribbean/African: Other Black',
  MIXED_WHITE_ASIAN: 'Mixed/Multiple: White and Asian',
  MIXED_WHITE_BLACK_AFRICAN: 'Mixed/Multiple: White and Black African',
  MIXED_WHITE_BLACK_CARIBBEAN: 'Mixed/Multiple: White and Black Caribbean',
  MIXED_OTHER: 'Mixed/Multiple: Other Mixed',
  WHITE_BRITISH: 'White: English/Welsh/Scottish/Northern Irish/British',
  WHITE_IRISH: 'White: Irish',
  WHITE_GYPSY_IRISH_TRAVELLER: 'White: Gypsy or Irish Traveller',
  WHITE_ROMA: 'White: Roma',
  WHITE_OTHER: 'White: Other White',
  OTHER_ARAB: 'Other: Arab',
  OTHER_ANY: 'Other: Any other',
  NOT_STATED: 'Not stated',
} as const;

/** Broad ONS groups used for disproportionality with small numbers. */
export const ETHNICITY_GROUP: Record<keyof typeof ETHNICITY, string> = {
  ASIAN_BANGLADESHI: 'Asian', ASIAN_CHINESE: 'Asian', ASIAN_INDIAN: 'Asian',
  ASIAN_PAKISTANI: 'Asian', ASIAN_OTHER: 'Asian',
  BLACK_AFRICAN: 'Black', BLACK_CARIBBEAN: 'Black', BLACK_OTHER: 'Black',
  MIXED_WHITE_ASIAN: 'Mixed', MIXED_WHITE_BLACK_AFRICAN: 'Mixed',
  MIXED_WHITE_BLACK_CARIBBEAN: 'Mixed', MIXED_OTHER: 'Mixed',
  WHITE_BRITISH: 'White', WHITE_IRISH: 'White', WHITE_GYPSY_IRISH_TRAVELLER: 'White',
  WHITE_ROMA: 'White', WHITE_OTHER: 'White',
  OTHER_ARAB: 'Other', OTHER_ANY: 'Other', NOT_STATED: 'Not stated',
};

export const SEX = { FEMALE: 'Female', MALE: 'Male', UNKNOWN: 'Not known' } as const;

/** SEN provision: E EHC plan, K SEN support, N none. */
export const SEN = { E: 'EHC plan', K: 'SEN support', N: 'No SEN' } as const;

export const CARE_STATUS = {
  NONE: 'No care status',
  CIN: 'Child in need',
  CPP: 'Child protection plan',
  CLA: 'Looked after (CLA)',
  CARE_LEAVER: 'Care leaver',
} as const;

/**
 * Fairness fields, after the Social GRACES (gender, geography, race, religion, age, ability,
 * culture, ethnicity, sexuality, spirituality…) that sex, ethnicity and SEN do not already cover:
 * optional, coded, for aggregate scrutiny of fairness only. They never
 * enter a ranking or score, and are shown on a record only to the roles in GRACES_RECORD_ROLES.
 * Religion is special category data (UK GDPR art. 9); so are the health facts behind neurodiversity.
 */
/** Religion or belief in the ONS Census 2021 categories, plus "not stated". */
export const FAITH = {
  no_religion: 'No religion',
  christian: 'Christian',
  buddhist: 'Buddhist',
  hindu: 'Hindu',
  jewish: 'Jewish',
  muslim: 'Muslim',
  sikh: 'Sikh',
  other: 'Any other religion',
  not_stated: 'Not stated',
} as const;

/** Immigration status, as recorded by the local authority or the Home Office. */
export const IMMIGRATION_STATUS = {
  british_citizen: 'British citizen',
  settled: 'Settled or pre-settled status',
  leave_to_remain: 'Other leave to remain',
  refugee: 'Refugee status or humanitarian protection',
  asylum_seeker: 'Seeking asylum with family',
  uasc: 'Unaccompanied asylum-seeking child (UASC)',
  former_uasc: 'Former unaccompanied asylum-seeking child (care leaver)',
  no_status: 'No status yet or unresolved',
  not_known: 'Not known',
} as const;

/** Neurodiversity and learning disability, as recorded (a person may have more than one). */
export const NEURODIVERSITY = {
  autism: 'Autism',
  adhd: 'ADHD',
  dyslexia: 'Dyslexia',
  learning_disability: 'Learning disability',
  other: 'Other neurodivergence',
  none_recorded: 'None recorded',
} as const;

/** First language: English, another language, or not known. */
export const FIRST_LANGUAGE = {
  english: 'English',
  other: 'Other than English',
  not_known: 'Not known',
} as const;

/** The fairness fields of a person, in the order the model declares them. */
export const GRACES_FIELDS = ['faith', 'immigrationStatus', 'neurodiversity', 'firstLanguage'] as const;
export type GracesField = (typeof GRACES_FIELDS)[number];

/**
 * Roles that see the fairness fields on a person's record (profile, neighbourhood, search,
 * investigations): the partnership's analysts and police officers, who read records with a
 * justification that is logged, for safeguarding needs such as an interpreter, reasonable
 * adjustments or the trafficking risk to an unaccompanied child. Faith is not shown on any record:
 * it is read only in aggregates. Leads (pseudonymised) and partner agencies never see them on a
 * record; everyone with the analytics sees them only as disclosure-controlled aggregates.
 */
export const GRACES_RECORD_ROLES: Record<GracesField, readonly Role[]> = {
  faith: [],
  immigrationStatus: ['analyst', 'police'],
  neurodiversity: ['analyst', 'police'],
  firstLanguage: ['analyst', 'police'],
};

/** Intelligence grading. The scheme stays with the grade; one is never converted into the other. */
export const GRADING_SCHEME = { G3x5x2: '3x5x2', G5x5x5: '5x5x5' } as const;
export const SOURCE_EVAL = {
  '3x5x2': ['A', 'B', 'C'],
  '5x5x5': ['A', 'B', 'C', 'D', 'E'],
} as const;
export const ASSESSMENT = {
  '3x5x2': ['1', '2', '3', '4', '5'],
  '5x5x5': ['1', '2', '3', '4', '5'],
} as const;
export const HANDLING = {
  '3x5x2': ['P', 'C'],
  '5x5x5': ['1', '2', '3', '4', '5'],
} as const;

/** Association is not fact: inferred links start as hypotheses and expire if never confirmed. */
export const STATUS = { HYPOTHESIS: 'hypothesis', CONFIRMED: 'confirmed', EXPIRED: 'expired' } as const;

/** Role of a person in an event (INVOLVED relationship), victim first. */
export const INVOLVEMENT_ROLE = ['victim', 'subject', 'witness', 'suspect', 'reporter'] as const;

export const AGENCY = {
  POLICE: 'Police',
  SOCIAL_CARE: "Children's social care",
  EDUCATION: 'Education',
  HEALTH: 'Health',
  YOUTH_JUSTICE: 'Youth justice',
  VOLUNTARY: 'Voluntary sector',
} as const;

export const EXPLOITATION_TYPE = {
  CCE: 'Child criminal exploitation',
  CSE: 'Child sexual exploitation',
  CFE: 'Child financial exploitation',
  TRAFFICKING: 'Trafficking / modern slavery',
} as const;

/**
 * What a child was found with (an arrest, a stop, a return from missing), where recorded: signs
 * that someone else may be controlling them, never evidence against the child.
 */
export const FOUND_WITH = {
  UNEXPLAINED_MONEY: 'Money they cannot account for',
  PHONES: 'More than one phone, or a phone that is not theirs',
  NEW_ITEMS: 'New clothes, shoes or items they cannot account for',
  TRAVEL_TICKETS: 'Train or coach tickets, or travel paid for by others',
  DRUGS: 'Drugs',
  WEAPON: 'A weapon',
} as const;
/** The items above that are signs of exploitation in their own right (money, phones, goods, travel). */
export const EXPLOITATION_SIGNS_FOUND = ['UNEXPLAINED_MONEY', 'PHONES', 'NEW_ITEMS', 'TRAVEL_TICKETS'] as const;

/** Family links: what kind of sibling or parent a record says. */
export const SIBLING_KIND = {
  full: 'Full sibling',
  half: 'Half sibling',
  step: 'Step-sibling',
  not_recorded: 'Sibling (kind not recorded)',
} as const;
export const PARENT_KIND = {
  parent: 'Parent',
  step_parent: 'Step-parent',
  carer: 'Carer (kinship or foster)',
  guardian: 'Guardian',
} as const;

export const RISK_LEVEL = ['none', 'low', 'medium', 'high'] as const;
export const MISSING_RISK = ['no_apparent', 'low', 'medium', 'high'] as const;
export const RHI_OUTCOME = ['completed', 'declined', 'offered_not_taken_up', 'not_offered'] as const;
export const REFERRAL_TYPE = {
  MACE: 'MACE', PANEL: 'TVE panel', NRM: 'National Referral Mechanism', SOCIAL_CARE: "Children's social care",
  /** Transitional safeguarding for young adults 18–25. */
  ADULTS_AT_RISK: 'Adults at Risk Panel',
} as const;
export const NRM_STAGE = ['referral', 'reasonable_grounds', 'conclusive_grounds', 'negative_decision'] as const;
export const EXCLUSION_KIND = ['suspension', 'permanent'] as const;
export const INJURY_KIND = ['stab', 'assault', 'self_harm', 'other'] as const;

/** Support programmes a child can be offered: the partnership's own list, kept as data (support-programmes.json). */
export const SUPPORT_PROGRAMME: Readonly<Record<string, string>> = supportProgrammes.programmes;
/** Where an offer of support stands: offered (no answer yet), accepted, declined, or ended after it started. */
export const SUPPORT_STATUS = ['offered', 'accepted', 'declined', 'ended'] as const;
/**
 * How support ended, as the provider recorded it. Goals are the child's plan's goals; an ending
 * the child did not choose (moved away, taken into custody, service withdrawn) is not read as
 * the child's doing.
 */
export const SUPPORT_OUTCOME = {
  goals_met: 'Plan goals met',
  goals_partly_met: 'Plan goals partly met',
  goals_not_met: 'Plan goals not met',
  moved_away: 'Moved out of the area',
  service_withdrawn: 'Service withdrawn or not available',
  child_chose_to_stop: 'Child or family chose to stop',
  stepped_up: 'Stepped up to statutory services',
  not_known: 'Not known',
} as const;

export const DISRUPTION_TACTIC = {
  CAWN: 'Child Abduction Warning Notice',
  STPO: 'Slavery & Trafficking Prevention Order',
  STRO: 'Slavery & Trafficking Risk Order',
  SRO: 'Sexual Risk Order',
  SHPO: 'Sexual Harm Prevention Order',
  GANG_INJUNCTION: 'Gang injunction',
  CBO: 'Criminal Behaviour Order',
  CLOSURE_ORDER: 'Closure order',
  DISPERSAL: 'Dispersal direction',
  PSPO: 'Public Spaces Protection Order',
  CPN: 'Community Protection Notice',
  ARREST: 'Arrest',
  PROSECUTION: 'Prosecution',
} as const;

/**
 * What came of a disruption action, coded so that outcomes can be counted. The free-text
 * `outcome` stays for the detail a code cannot hold.
 */
export const DISRUPTION_OUTCOME = {
  granted: 'Order or notice granted or served',
  refused: 'Order refused',
  breached: 'Breach recorded',
  charged: 'Charged',
  convicted: 'Convicted',
  released_under_investigation: 'Released under investigation',
  no_further_action: 'No further action',
  pending: 'Awaiting a decision',
  not_known: 'Not known',
} as const;

/**
 * A county line's status from a date, as police assess it: active (operating), disrupted (action
 * has interrupted it, it may come back) or closed (the line number is no longer in use).
 */
export const LINE_STATUS = {
  active: 'Active',
  disrupted: 'Disrupted',
  closed: 'Closed',
} as const;

export const LOCATION_KIND = [
  'address', 'park', 'transport_hub', 'shop', 'estate', 'takeaway', 'leisure', 'hotel', 'other',
] as const;

/** Offence types; their harm weights live in server/domain/harm-weights.json (editable data). */
export const OFFENCE_TYPE = [
  'drug_supply', 'possession_with_intent', 'possession_of_weapon', 'robbery', 'gbh',
  'abh', 'common_assault', 'sexual_assault', 'rape_of_child', 'child_sexual_exploitation',
  'modern_slavery', 'kidnap', 'criminal_damage', 'shoplifting', 'antisocial_behaviour', 'public_order',
  // Home Office / police.uk categories that the specific codes above do not cover.
  'violence_and_sexual_offences', 'burglary', 'vehicle_crime', 'theft_from_person', 'bicycle_theft',
  'other_theft', 'drug_possession', 'drugs', 'arson',
  // Recorded, but in no category above (or not yet translated): weighs nothing until classified.
  'other',
] as const;

export const ROLE = ['analyst', 'police', 'lead', 'partner', 'auditor', 'admin'] as const;

export type Role = (typeof ROLE)[number];
export type AgencyCode = keyof typeof AGENCY;
