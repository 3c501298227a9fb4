/**
 * Analytics as plain service functions: `fn({driver, database?}, {quarter, …})`. No role checks
 * here (the GraphQL services in server/modules/analytics add them); the briefing pack and the
 * benchmarks call these directly. Result types and their meaning: ./types.ts. Every result has a
 * `method` text that explains how it was computed.
 *
 *   hotspots                  places, schools, online spaces ranked by harm (types: HotspotsResult)
 *   networkThemes             peer communities with description and status (NetworkThemesResult)
 *   highHarmPersonsOfConcern  RFG + children + brokerage + grade, with evidence (HighHarmResult)
 *   familiesOfPersonsOfConcern  under-18s in ranked persons of concern's families, for diversion
 *   criticalMoments           exclusions, injuries, arrests, returns; follow-up; RHI 72 h rate
 *   notYetReferred            high victim harm, no PANEL / MACE referral
 *   trends                    quarterly series + emerging themes (TrendsResult)
 *   disproportionality        relative rate index vs the population baseline, disclosure-controlled
 *   youngAdults               transitions: young adults 18–25 known to the partnership, known as a
 *                             child at risk, referred to the Adults at Risk Panel (YoungAdultsResult)
 *   outcomes                  support offered and taken up, CEAM change after support, and the
 *                             strategy's other measures (OutcomeMeasures, outcomes/measures.ts),
 *                             county lines over time and disruption (outcomes/disruption.ts)
 */
export * from './types';
export { hotspots } from './hotspots';
export { networkThemes } from './networks';
export { criticalMoments } from './critical';
export { highHarmPersonsOfConcern } from './highharm';
export { notYetReferred } from './referral';
export { familiesOfPersonsOfConcern } from './family';
export { trends, disproportionality } from './trends';
export { outcomes } from './outcomes';
export { youngAdults, youngAdultMembers, childAtRiskEvidence, YOUNG_ADULTS_METHOD } from './young-adults';
export type { OutcomeMeasures, FactorCount, QuarterMeasures, DisruptionMeasures, TallyRow } from './outcomes';
export { OUTCOMES_METHOD, DISRUPTION_METHOD, NOT_RECORDED } from './outcomes';
export { storeBaseline, loadBaseline } from './baseline';
export { parseQuarter, previousQuarter, quarterRange, shiftQuarter } from '../../domain/period';
export { AnalyticsInputError } from '../../domain/input-error';
export { readAnalytics } from './read';
export { scopedSource, boroughScopeSentence } from './borough';
