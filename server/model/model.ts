/**
 * The one model definition: labels, relationship types, their properties and code lists.
 * The Cypher schema (scripts/gen-schema.ts → cypher/schema/), row validation (validate.ts),
 * the TypeScript row types (types.ts) and the GraphQL enums follow from this file.
 */
import * as E from './enums';

export type PropType = 'string' | 'int' | 'float' | 'bool' | 'date' | 'datetime' | 'enum' | 'string[]';

export interface PropSpec {
  type: PropType;
  required?: boolean;
  /** Allowed codes for type 'enum'. */
  values?: readonly string[];
  /** Range index for time filters / lookups. */
  indexed?: boolean;
  /** Part of the full-text search index of its label. */
  search?: boolean;
  /** Dates that may not lie in the future (bad-input rule). */
  notFuture?: boolean;
}
type Props = Record<string, PropSpec>;

const keys = (o: object): string[] => Object.keys(o);

/** Provenance and grading carried by every event and every relationship. */
export const PROVENANCE: Props = {
  source: { type: 'enum', values: keys(E.AGENCY), required: true },
  sourceRef: { type: 'string', required: true },
  recordedAt: { type: 'datetime', required: true, notFuture: true },
  validFrom: { type: 'datetime', notFuture: true },
  validTo: { type: 'datetime' },
  gradingScheme: { type: 'enum', values: Object.values(E.GRADING_SCHEME), required: true },
  sourceEval: { type: 'enum', values: ['A', 'B', 'C', 'D', 'E'], required: true },
  assessment: { type: 'enum', values: ['1', '2', '3', '4', '5'], required: true },
  handling: { type: 'enum', values: ['P', 'C', '1', '2', '3', '4', '5'], required: true },
  /** Required when handling is C (3x5x2): the conditions of sharing. */
  conditions: { type: 'string' },
  reviewBy: { type: 'date', required: true },
  status: { type: 'enum', values: Object.values(E.STATUS), required: true },
  /** Agencies (besides the source) this record is shared with under an ISA. */
  sharedWith: { type: 'string[]' },
  /** The source gave no date: recordedAt is when it was imported, not when it was known. */
  dateUnknown: { type: 'bool' },
};

/** Every node: stable id, the agency that holds it. */
const NODE_BASE: Props = {
  id: { type: 'string', required: true },
  source: { type: 'enum', values: keys(E.AGENCY), required: true },
  sharedWith: { type: 'string[]' },
  /** The borough a record belongs to when one store holds several (a force), e.g. B01. */
  borough: { type: 'string' },
};

export interface NodeKind {
  label: string;
  /** Further labels a node of this kind always carries (e.g. Event). */
  extraLabels: string[];
  props: Props;
  /** True for event nodes: they also carry PROVENANCE and an occurredAt time. */
  event?: boolean;
  description: string;
}

const event = (label: string, description: string, props: Props): NodeKind => ({
  label, description, event: true, extraLabels: ['Event'],
  props: {
    ...NODE_BASE, ...PROVENANCE,
    // Time filters use the Event-level indexes in schema.ts: one index per event, not one per label.
    occurredAt: { type: 'datetime', required: true, notFuture: true },
    summary: { type: 'string', search: true },
    ...props,
  },
});
const context = (label: string, description: string, props: Props): NodeKind => ({
  label, description, extraLabels: ['Context'],
  props: { ...NODE_BASE, name: { type: 'string', required: true, search: true }, ...props },
});

export const NODE_KINDS: NodeKind[] = [
  {
    label: 'Person', extraLabels: [], description: 'A person; role labels say YoungPerson / PersonOfConcern / TrustedAdult',
    props: {
      ...NODE_BASE,
      name: { type: 'string', required: true, search: true },
      // Police extracts often lack a date of birth: an age at a date, an age range, or nothing is
      // accepted instead. Age unknown is never taken as adult (validate.ts: latestBirthDate).
      dateOfBirth: { type: 'date', notFuture: true, indexed: true },
      /** Age in whole years on ageOn (when the date of birth is not known). */
      age: { type: 'int' },
      /** An age range on ageOn (when neither the date of birth nor the exact age is known). */
      ageMin: { type: 'int' },
      ageMax: { type: 'int' },
      /** The day age / ageMin / ageMax were true. */
      ageOn: { type: 'date', notFuture: true },
      /** NHS number (10 digits, with its check digit): a strong key for entity resolution. */
      nhsNumber: { type: 'string' },
      /** Other identifiers as scheme:value (e.g. PNC:12/345678X, UPN:A123…), for entity resolution. */
      identifiers: { type: 'string[]' },
      sex: { type: 'enum', values: keys(E.SEX), required: true },
      ethnicity: { type: 'enum', values: keys(E.ETHNICITY), required: true },
      sen: { type: 'enum', values: keys(E.SEN) },
      careStatus: { type: 'enum', values: keys(E.CARE_STATUS) },
      postcodeArea: { type: 'string' },
      aliases: { type: 'string[]' },
      // Fairness (GRACES) fields: optional, for aggregates only (disproportionality). Never read by
      // a ranking or score; on a record only for the roles in E.GRACES_RECORD_ROLES (present.ts).
      /** Religion or belief, Census 2021 categories (special category data). */
      faith: { type: 'enum', values: keys(E.FAITH) },
      /** Immigration status, including unaccompanied asylum-seeking children (uasc). */
      immigrationStatus: { type: 'enum', values: keys(E.IMMIGRATION_STATUS) },
      /** Neurodiversity or learning disability as recorded; more than one may apply. */
      neurodiversity: { type: 'string[]', values: keys(E.NEURODIVERSITY) },
      firstLanguage: { type: 'enum', values: keys(E.FIRST_LANGUAGE) },
    },
  },
  context('Location', 'A place: address, park, transport hub, shop, estate, takeaway…', {
    kind: { type: 'enum', values: E.LOCATION_KIND, required: true },
    lat: { type: 'float', required: true },
    lon: { type: 'float', required: true },
    ward: { type: 'string', indexed: true },
  }),
  context('School', 'A school or alternative provision', {
    lat: { type: 'float', required: true },
    lon: { type: 'float', required: true },
    ward: { type: 'string' },
    phase: { type: 'string' },
  }),
  context('OnlineSpace', 'A platform and a space on it', {
    platform: { type: 'string', required: true, search: true },
  }),
  context('PeerGroup', 'An assessed peer group (never a "gang" list)', {
    assessedAt: { type: 'date' },
  }),
  context('CountyLine', 'A county drugs line', {
    destination: { type: 'string' },
  }),
  context('Organisation', 'A source agency', {
    agency: { type: 'enum', values: keys(E.AGENCY), required: true },
  }),
  event('MissingEpisode', 'A child missing from home or care', {
    returnedAt: { type: 'datetime', indexed: true },
    foundWith: { type: 'string[]', values: keys(E.FOUND_WITH) },
    missingRisk: { type: 'enum', values: E.MISSING_RISK },
    fromCare: { type: 'bool' },
    foundOutOfBorough: { type: 'bool' },
    countyLinesConcern: { type: 'bool' },
  }),
  event('ReturnInterview', 'A return home interview after a missing episode (who held it is not recorded)', {
    outcome: { type: 'enum', values: E.RHI_OUTCOME, required: true },
    offeredAt: { type: 'datetime' },
    pushFactors: { type: 'string[]' },
    pullFactors: { type: 'string[]' },
    harmDisclosed: { type: 'bool' },
  }),
  event('Exclusion', 'A suspension or permanent exclusion from school', {
    kind: { type: 'enum', values: E.EXCLUSION_KIND, required: true },
    days: { type: 'int' },
  }),
  event('Incident', 'A recorded incident with an offence type', {
    offenceType: { type: 'enum', values: E.OFFENCE_TYPE, required: true, indexed: true },
    exploitationType: { type: 'enum', values: keys(E.EXPLOITATION_TYPE) },
    foundWith: { type: 'string[]', values: keys(E.FOUND_WITH) },
  }),
  event('Arrest', 'An arrest (of a child: a critical moment for safeguarding)', {
    offenceType: { type: 'enum', values: E.OFFENCE_TYPE },
    foundWith: { type: 'string[]', values: keys(E.FOUND_WITH) },
  }),
  event('Injury', 'An injury to a child', {
    kind: { type: 'enum', values: E.INJURY_KIND, required: true },
  }),
  event('Referral', 'A referral to MACE / panel / NRM / social care', {
    referralType: { type: 'enum', values: keys(E.REFERRAL_TYPE), required: true, indexed: true },
    exploitationType: { type: 'enum', values: keys(E.EXPLOITATION_TYPE) },
    nrmStage: { type: 'enum', values: E.NRM_STAGE },
    outcome: { type: 'string' },
  }),
  event('RiskAssessment', 'A CEAM (child exploitation and missing) risk assessment', {
    ceamScore: { type: 'int', required: true },
    riskLevel: { type: 'enum', values: E.RISK_LEVEL, required: true },
    exploitationType: { type: 'enum', values: keys(E.EXPLOITATION_TYPE) },
    planReviewBy: { type: 'date' },
  }),
  // occurredAt is when the support was offered; the offer's answer and the work's own dates follow.
  event('Support', 'Support offered to a child: a programme, its provider, whether it was taken up and how it ended', {
    programme: { type: 'enum', values: keys(E.SUPPORT_PROGRAMME), required: true, indexed: true },
    provider: { type: 'string' },
    supportStatus: { type: 'enum', values: E.SUPPORT_STATUS, required: true },
    startedOn: { type: 'date', notFuture: true },
    endedOn: { type: 'date', notFuture: true },
    supportOutcome: { type: 'enum', values: keys(E.SUPPORT_OUTCOME) },
    /** What the worker wrote about the offer or the ending (language-checked like every free text). */
    notes: { type: 'string' },
  }),
  event('IntelligenceReport', 'A graded intelligence report', {
    text: { type: 'string', search: true },
  }),
  event('DisruptionAction', 'A disruption tactic against a person of concern, a place or a county line', {
    tactic: { type: 'enum', values: keys(E.DISRUPTION_TACTIC), required: true },
    disruptionOutcome: { type: 'enum', values: keys(E.DISRUPTION_OUTCOME) },
    outcome: { type: 'string' },
  }),
  // occurredAt is the date from which the status holds; a line's status at any date is its latest one by then.
  event('LineStatus', "A county line's status from a date: active, disrupted or closed", {
    lineStatus: { type: 'enum', values: keys(E.LINE_STATUS), required: true },
  }),
];

/** Role labels a Person may carry. PersonOfConcern only from 18 (checked by the validator). */
export const PERSON_ROLES = ['YoungPerson', 'PersonOfConcern', 'TrustedAdult'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export interface RelKind {
  type: string;
  /** Allowed start / end labels (kind labels or 'Event' / 'Context'). */
  from: string[];
  to: string[];
  props: Props;
  description: string;
}

const rel = (type: string, from: string[], to: string[], description: string, props: Props = {}): RelKind => ({
  type, from, to, description, props: { id: { type: 'string', required: true }, ...PROVENANCE, ...props },
});
const CONTEXTS = ['Location', 'School', 'OnlineSpace', 'PeerGroup', 'CountyLine'];
const EVENTS = NODE_KINDS.filter((k) => k.event).map((k) => k.label);

export const REL_KINDS: RelKind[] = [
  rel('ASSOCIATES_WITH', ['Person'], ['Person'], 'Peer association'),
  // Alleged exploitation, always from an adult (PersonOfConcern) or a graded report.
  rel('EXPLOITS', ['PersonOfConcern'], ['YoungPerson'], 'Alleged exploitation of a child', { exploitationType: { type: 'enum', values: keys(E.EXPLOITATION_TYPE) } }),
  rel('GROOMS', ['PersonOfConcern'], ['YoungPerson'], 'Alleged grooming of a child'),
  rel('RECRUITS', ['PersonOfConcern'], ['YoungPerson'], 'Alleged recruitment of a child by an adult'),
  rel('FREQUENTS', ['Person'], ['Location'], 'Person known to frequent a place'),
  rel('ATTENDS', ['Person'], ['School'], 'Child attends a school'),
  rel('ACTIVE_ON', ['Person'], ['OnlineSpace'], 'Person active on an online space'),
  rel('IN_PEER_GROUP', ['Person'], ['PeerGroup'], 'Assessed as part of a peer group'),
  rel('LINKED_TO_LINE', ['Person'], ['CountyLine'], 'Linked (not "member of") a county line'),
  rel('INVOLVED', EVENTS, ['Person'], 'Person involved in an event, with a role', {
    role: { type: 'enum', values: E.INVOLVEMENT_ROLE, required: true },
  }),
  rel('AT', EVENTS, CONTEXTS, 'Where an event happened (place, school, online space)'),
  rel('FOLLOWS_UP', ['ReturnInterview'], ['MissingEpisode'], 'Return interview after a missing episode'),
  rel('ABOUT', ['IntelligenceReport', 'DisruptionAction', 'RiskAssessment'], ['Person', ...CONTEXTS], 'Subject of a report, action or assessment'),
  rel('REPORTED_BY', EVENTS, ['Organisation'], 'Agency that reported an event'),
  rel('POSSIBLY_SAME_AS', ['Person'], ['Person'], 'Entity resolution candidate (reversible)', {
    score: { type: 'float', required: true },
    reasons: { type: 'string[]' },
  }),
  rel('PROTECTIVE', ['Person', 'Location'], ['Person'], 'Trusted adult or safe place for a child'),
  // Family and household, graded and reviewed like every link. A sibling or household link means
  // the same either way round; a parent link runs from the parent or carer.
  rel('SIBLING_OF', ['Person'], ['Person'], 'Siblings (full, half or step), either way round', { siblingKind: { type: 'enum', values: keys(E.SIBLING_KIND) } }),
  rel('PARENT_OF', ['Person'], ['Person'], 'Parent or carer of a person', { parentKind: { type: 'enum', values: keys(E.PARENT_KIND) } }),
  rel('LIVES_WITH', ['Person'], ['Person'], 'Share a household, either way round'),
  // Entity resolution: a confirmed duplicate record (kept, labelled MergedRecord) → the record kept. Undone exactly by undoMerge.
  rel('MERGED_INTO', ['MergedRecord'], ['Person'], 'A duplicate source record merged into the person record kept (reversible)'),
];

export const nodeKind = (label: string): NodeKind | undefined => NODE_KINDS.find((k) => k.label === label);
export const relKind = (type: string): RelKind | undefined => REL_KINDS.find((k) => k.type === type);
export const EVENT_LABELS = EVENTS;
export const CONTEXT_LABELS = CONTEXTS;
/** Every node carries this label too: one uniqueness constraint on id across the graph. */
export const ENTITY_LABEL = 'Entity';
