/**
 * Result types of the analytics: plain JSON-able objects (ISO strings for times), the same for
 * GraphQL, the briefing pack and the benchmarks. Each result carries `method`, a short text that
 * says how it was computed, so every figure can explain itself.
 */
import type { KnownDefinition } from '../../domain/known';
import type { Driver } from 'neo4j-driver';
import type { Viewer } from '../../platform/visibility';

/** Where the data is: a driver and optionally the database name (Neo4j's default). */
export interface Store {
  driver: Driver;
  database?: string;
}

/** What callers of an analytic pass: the store, and whose view the figures are. */
export interface AnalyticsSource extends Store {
  /**
   * Whose view: records this viewer may not see are left out of every figure (the platform's one
   * visibility rule). The GraphQL services pass the caller's, a briefing pack its edition's reader.
   */
  viewer: Viewer;
  /**
   * The borough whose figures these are, when one store holds several (a force): its code, e.g.
   * B03. Absent or null: the whole store. See read.ts for what a borough's figures count.
   */
  borough?: string | null;
  /**
   * Optional memo for a caller that runs several analytics on the same data in one job (the
   * briefing pack): quarter projections are then computed once and shared. Pass `new Map()` per
   * job; never keep it across data changes.
   */
  memo?: Map<string, Promise<unknown>>;
}

/** Arguments every analytic takes through the API: whose figures (read.ts says what a borough's count). */
export interface BoroughScoped {
  /** One borough's figures, by its code, when the store holds several; absent: the whole store. */
  borough?: string | null;
}

export type ContextKind = 'Location' | 'School' | 'OnlineSpace';
export const CONTEXT_KINDS: readonly ContextKind[] = ['Location', 'School', 'OnlineSpace'];

// ---------------------------------------------------------------- 1. hotspots
export interface HotspotArgs extends BoroughScoped {
  quarter: string;
  /** Default: all three. */
  kinds?: ContextKind[] | null;
  /** Default 20, at most 500. */
  limit?: number | null;
  /** Whose harm counts: events where a child was involved (default) or all harm at the place. */
  harm?: HotspotHarmScope | null;
}

export const HOTSPOT_HARM_SCOPES = ['children', 'all'] as const;
export type HotspotHarmScope = (typeof HOTSPOT_HARM_SCOPES)[number];

export interface HotspotContribution {
  /** Offence type, injury kind or event kind. */
  code: string;
  events: number;
  score: number;
}

export interface Hotspot {
  id: string;
  kind: ContextKind;
  name: string;
  ward: string | null;
  lat: number | null;
  lon: number | null;
  rank: number;
  /** Σ harm weight × grading weight × recency decay over events at the place in the quarter. */
  score: number;
  previousScore: number;
  previousRank: number | null;
  /** score − previousScore. */
  change: number;
  eventCount: number;
  /** Events with a harm weight above 0. */
  harmEventCount: number;
  /** Distinct persons under 18 at the event, any role. */
  distinctChildren: number;
  distinctPersonsOfConcern: number;
  /** Events where a child and a person of concern were both involved. */
  coPresenceEvents: number;
  /** Largest contributions first. */
  breakdown: HotspotContribution[];
  /** The events that weigh most (up to 20). */
  evidenceEventIds: string[];
}

export interface HotspotsResult {
  quarter: string;
  previousQuarter: string;
  method: string;
  /** Whose harm was counted. */
  harm: HotspotHarmScope;
  /** Places with at least one event in the quarter. */
  placesConsidered: number;
  items: Hotspot[];
}

// ---------------------------------------------------------------- 2. peer-network themes
export interface NetworkThemesArgs extends BoroughScoped {
  quarter: string;
  /** Communities smaller than this are not described (default 3). */
  minSize?: number | null;
}

export type CommunityStatus = 'new' | 'growing' | 'stable' | 'shrinking';

export interface CountedRef {
  id: string;
  name: string;
  kind: string;
  count: number;
}

export interface Community {
  /** Stable across quarters while membership mostly persists (Jaccard match). */
  id: string;
  /** Readable: main context, dominant exploitation type, size (networks/index.ts themeName). */
  name: string;
  status: CommunityStatus;
  size: number;
  previousSize: number | null;
  /** Jaccard overlap with the matched community of the previous quarter. */
  overlap: number | null;
  memberIds: string[];
  /** Age band at the end of the quarter → members. */
  ageMix: Record<string, number>;
  /** Sex code → members. */
  sexMix: Record<string, number>;
  /** Exploitation type code → members with it in a risk assessment, incident or EXPLOITS link; dominant first. */
  exploitationTypes: Array<{ type: string; members: number }>;
  topPlaces: CountedRef[];
  topSchools: CountedRef[];
  topOnlineSpaces: CountedRef[];
  personsOfConcern: CountedRef[];
  countyLines: CountedRef[];
  /** Sum of projected edge weights inside the community. */
  internalWeight: number;
}

export interface NetworkThemesResult {
  quarter: string;
  previousQuarter: string;
  method: string;
  nodes: number;
  edges: number;
  modularity: number;
  communities: Community[];
  /** Communities of the previous quarter with no successor. */
  dormant: Array<{ id: string; previousSize: number }>;
}

// ---------------------------------------------------------------- 3. high-harm persons of concern
export interface HighHarmArgs extends BoroughScoped {
  quarter: string;
  /** Default 20, at most 500. */
  limit?: number | null;
}

export interface HighHarmBreakdown {
  /** R = max(0, 1 − days since last evidence / 730). */
  recency: number;
  /** F = log(1+n) / log(1+nCap). */
  frequency: number;
  /** G = Σ harm weight × grading weight of events as suspect/subject. */
  gravity: number;
  distinctChildren: number;
  /** Participation coefficient of linked children over peer communities (0 = one community). */
  brokerage: number;
  /** Mean grading weight of the evidence (0..1). */
  intelligenceGrade: number;
  /** Percentile rank (0..1) of each component among persons considered. */
  percentiles: { recency: number; frequency: number; gravity: number; distinctChildren: number; brokerage: number; intelligenceGrade: number };
}

export interface HighHarmPerson {
  id: string;
  name: string;
  rank: number;
  /** Weighted mean of percentile ranks, 0..1. */
  score: number;
  breakdown: HighHarmBreakdown;
  evidence: { eventIds: string[]; relationshipIds: string[]; eventCount: number; relationshipCount: number };
  lastEvidenceAt: string | null;
  /**
   * Known as a child at risk before turning 18 (risk assessment, referral, or targeted by
   * exploitation): a safeguarding consideration for the reader, not an input to the score.
   */
  knownAsChildAtRisk: boolean;
  childAtRiskEvidence: string[];
}

export interface HighHarmResult {
  quarter: string;
  lookbackFrom: string;
  method: string;
  weights: Record<string, number>;
  considered: number;
  items: HighHarmPerson[];
}

// ---------------------------------------------------------------- 4. critical moments
export type CriticalMomentKind = 'Exclusion' | 'Injury' | 'Arrest' | 'ReturnFromMissing';
export type RhiStatus = 'done' | 'late' | 'offered' | 'declined' | 'none' | 'pending';

export interface CriticalMomentsArgs extends BoroughScoped {
  quarter: string;
  /** "Now" for what is overdue (ISO datetime); default the current time. */
  asOf?: string | null;
  /** What makes a child already known (default: server/domain/known.ts). */
  known?: KnownDefinition;
}

export interface CriticalMoment {
  eventId: string;
  kind: CriticalMomentKind;
  /** For returns: the return time. */
  occurredAt: string;
  childId: string;
  childName: string;
  /** Returns only. */
  rhi: { status: RhiStatus; interviewId: string | null; hoursAfterReturn: number | null } | null;
  referralMade: boolean;
  referralIds: string[];
  planReviewed: boolean;
  /** What is overdue at asOf: 'rhi', 'referral', 'planReview'. */
  overdue: string[];
  /** Already known to a panel or plan when the moment happened: no referral is then overdue. */
  alreadyKnown: boolean;
  /** How: the known referral types made in the year before, and a known care status. */
  knownBy: string[];
}

export interface CriticalMomentsResult {
  quarter: string;
  asOf: string;
  method: string;
  items: CriticalMoment[];
  countsByKind: Record<CriticalMomentKind, number>;
  rhi: {
    returns: number;
    within72h: number;
    /** within72h / returns; null when there were no returns. */
    rate: number | null;
    byStatus: Record<RhiStatus, number>;
  };
  overdueCount: number;
}

// ---------------------------------------------------------------- 5. not yet referred
export interface NotYetReferredArgs extends BoroughScoped {
  quarter: string;
  /** Minimum concern score (serious-harm points plus one per sign of exploitation); default 2. */
  minScore?: number | null;
  /** Page size (default 50) and how many to skip (default 0). */
  limit?: number | null;
  offset?: number | null;
  /** What makes a child "known" (default: server/domain/known.ts). */
  known?: KnownDefinition;
}

/** Signs of exploitation read from a child's records: safeguarding signals, never an offender score. */
export type ConcernIndicatorKind =
  | 'possibleCoercionInOffence' | 'linkedToCountyLine' | 'targetedByAdult'
  | 'foundOutOfBorough' | 'missingWithCountyLinesConcern' | 'repeatMissing' | 'foundWithUnexplainedItems';

export interface ConcernIndicator {
  kind: ConcernIndicatorKind;
  /** The records behind it: event ids, county-line ids, or 'EXPLOITS:<person id>'-style links. */
  evidence: string[];
}

export interface NotYetReferredChild {
  id: string;
  name: string;
  /** Null when no date of birth is recorded (age unknown: counted as a child, never as an adult). */
  ageAtQuarterEnd: number | null;
  /** victimPoints + one point per indicator. */
  concernScore: number;
  /** One point per event of serious harm as a victim (weighted harm of 365 days or more), at most 2. */
  victimPoints: number;
  /** Σ harm weight × grading weight of events where the child was the victim (24-month look-back). */
  victimHarm: number;
  victimEvents: number;
  eventIds: string[];
  indicators: ConcernIndicator[];
  /** Missing episodes in the look-back (as the child who went missing). */
  missingEpisodes: number;
  lastEventAt: string | null;
  /** Referral types the child did have (none of the "known" types). */
  otherReferrals: string[];
}

export interface NotYetReferredResult {
  quarter: string;
  method: string;
  minScore: number;
  /** Every child listed at this threshold, before paging. */
  total: number;
  offset: number;
  items: NotYetReferredChild[];
  /** How many children reach each concern score (any score above 0), so a threshold's effect shows. */
  countsByScore: ScoreCount[];
}

export interface ScoreCount { score: number; children: number }

// ---------------------------------------------------------------- 6. trends and disproportionality
export interface TrendsArgs extends BoroughScoped {
  /** Last quarter of the series. */
  quarter: string;
  /** First quarter; default 7 quarters before `quarter`. */
  from?: string | null;
}

export interface QuarterSeriesRow {
  quarter: string;
  /** Distinct children with a risk assessment above 'none' in the quarter. */
  childrenAtRisk: number;
  missingEpisodes: number;
  childrenMissing: number;
  /** Children with 2+ missing episodes in the quarter. */
  repeatMissingChildren: number;
  exclusions: number;
  referrals: number;
  panelOrMaceReferrals: number;
  disruptionActions: number;
}

export interface AtRiskRow {
  quarter: string;
  exploitationType: string;
  riskLevel: string;
  /** Distinct children whose latest assessment in the quarter has this type and level. */
  children: number;
}

export interface EmergingTheme {
  id: string;
  description: string;
  measure: 'share' | 'count';
  series: Array<{ quarter: string; value: number; numerator: number; denominator: number | null }>;
  test: string;
  statistic: number;
  pValue: number;
  direction: 'rising' | 'falling' | 'flat';
  significant: boolean;
}

export interface TrendsResult {
  quarters: string[];
  method: string;
  series: QuarterSeriesRow[];
  atRisk: AtRiskRow[];
  emerging: EmergingTheme[];
}

export type DisproportionalityDimension = 'ethnicity' | 'ethnicityDetailed' | 'sex' | 'ageBand' | 'sen' | 'careStatus'
  | 'faith' | 'immigrationStatus' | 'neurodiversity' | 'firstLanguage';

/** Which children a disproportionality table counts. */
export type DisproportionalityOutcome = 'atRisk' | 'suspect' | 'arrested' | 'excluded' | 'referredToPanel' | 'referredToNrm';

export interface DisproportionalityArgs extends BoroughScoped {
  quarter: string;
  /** Default atRisk. */
  outcome?: DisproportionalityOutcome | null;
  /** Only records of this exploitation type (at risk and referrals; incidents where recorded). */
  exploitationType?: string | null;
}

export interface RateRow {
  dimension: DisproportionalityDimension;
  group: string;
  /** null when suppressed. */
  cohort: number | null;
  /** What may be shown: the number, or "c" when suppressed. */
  cohortDisplay: string;
  /** null when the baseline has no figures for the dimension (then no rate or RRI either). */
  population: number | null;
  /** The group's share of the cohort, %; null when suppressed or the cohort is under 10. */
  cohortPercent: number | null;
  ratePer1000: number | null;
  /** Group rate / borough rate; null when the cohort is under 10 or suppressed. */
  rri: number | null;
  rriLow: number | null;
  rriHigh: number | null;
  suppressed: 'primary' | 'secondary' | null;
}

export interface DisproportionalityResult {
  quarter: string;
  outcome: DisproportionalityOutcome;
  exploitationType: string | null;
  method: string;
  /** Children 10–17 at risk in the quarter (exact; for restricted use). */
  cohortTotal: number;
  /** What may be shown of the total: "c" when it is 1–4. */
  cohortTotalDisplay: string;
  populationTotal: number;
  baselineDescription: string;
  /** Dimensions the baseline has no figures for: their rows give the cohort and its shares, no rate. */
  dimensionsWithoutBaseline: DisproportionalityDimension[];
  rows: RateRow[];
}

export interface FamiliesArgs extends BoroughScoped {
  quarter: string;
  /** How many of the ranked persons of concern to read the families of: default 20, at most 500. */
  limit?: number | null;
}

/** How a child is linked to a person of concern's family or household. */
export type FamilyRelation = 'sibling' | 'siblingThroughParent' | 'childOf' | 'household';

export interface FamilyLink {
  personOfConcernId: string;
  personOfConcernName: string;
  /** The person's place in the high-harm ranking this quarter. */
  personOfConcernRank: number;
  relation: FamilyRelation;
  /** Full, half, step (siblings) or parent, carer… (a parent link), as recorded. */
  kind: string | null;
  /** The recorded links that place the child here (two through a shared parent). */
  linkIds: string[];
  /** Each link's status and grading, in the order of linkIds. */
  statuses: string[];
  gradings: Array<string | null>;
}

export interface FamilyChild {
  id: string;
  name: string;
  /** Whole years at the quarter end; null when no date of birth is recorded. */
  age: number | null;
  /** Known to a panel or open plan by the quarter end (the configured definition). */
  knownToPanelOrPlan: boolean;
  links: FamilyLink[];
}

export interface FamiliesResult {
  quarter: string;
  method: string;
  /** Ranked persons of concern whose families were read. */
  personsOfConcernConsidered: number;
  items: FamilyChild[];
}

// ---------------------------------------------------------------- transitions: young adults 18–25
export interface YoungAdultsArgs extends BoroughScoped {
  quarter: string;
}

/** Age on the quarter's last day: transitional safeguarding's two bands. */
export type YoungAdultBand = '18-20' | '21-25';

/** One band's counts of people (or, with band 'all', the cohort's). */
export interface YoungAdultCounts {
  band: YoungAdultBand | 'all';
  /** Young adults known to the partnership in the quarter. */
  youngAdults: number;
  /** … known as a child at risk before their 18th birthday. */
  knownAsChildAtRisk: number;
  /** … referred to the Adults at Risk Panel since turning 18, by the quarter's end. */
  referredToAdultsAtRiskPanel: number;
  /** … known as a child at risk and not (yet) referred to the Adults at Risk Panel. */
  knownAsChildAtRiskNotReferred: number;
  /** … who now also hold the person-of-concern role. */
  personsOfConcern: number;
  /** … harmed as a victim (incident or injury) in the quarter. */
  harmedAsVictim: number;
}

export interface YoungAdultsResult {
  quarter: string;
  method: string;
  byBand: YoungAdultCounts[];
  total: YoungAdultCounts;
}
