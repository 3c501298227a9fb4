/**
 * What difference support makes, and the strategy's own measures: this quarter, last quarter and
 * the same quarter last year (outcomes() in server/modules/analytics). Rows are quarters, so each
 * figure is the same quantity in every pack that prints it. Where the parts of a new whole are
 * printed they are columns with the whole as the row total, so disclosure control sees how they
 * add up. A subgroup of a figure the pack prints elsewhere (children at risk, missing, excluded)
 * is printed beside it with no remainder column: a small subgroup is then suppressed on its own
 * and the headline figure stays published. The strategy-measures table repeats figures of the
 * others under the same keys (links.ts).
 */
import { isSmall, percent, SUPPRESSED, type PublishedTable } from '../disclosure';
import type { BriefingData } from '../gather';
import type { ResolvedOptions } from '../options';
import type { QuarterMeasures as OutcomeMeasures, TallyRow } from '../../analytics';
import type { CountTable } from '../disclosure';
import { label, withVocabulary } from '../labels';
import { DISRUPTION_OUTCOME } from '../../../model/enums';
import { NOT_RECORDED } from '../../analytics/outcomes/disruption';
import { BuiltTable, countTable, ExtraColumn } from './table';
import { OFFER_WINDOW_DAYS, AFTER_EXCLUSION_DAYS, CCE_LOOKBACK_DAYS } from '../../analytics/outcomes/measures';

/** Oldest first: the same quarter last year, last quarter, this quarter. */
const series = (d: BriefingData): OutcomeMeasures[] => [d.outcomes.lastYear, d.outcomes.previous, d.outcomes.now];

type Part = [string, (m: OutcomeMeasures) => number];

function byQuarter(d: BriefingData, id: string, title: string, parts: Part[], o: { unit?: string; totals?: boolean; note: string }) {
  const ms = series(d);
  return countTable({
    id, title, ...(o.unit ? { unit: o.unit } : {}), rowHeader: 'Quarter', rows: ms.map((m) => m.quarter), cols: parts.map(([h]) => h),
    cells: ms.map((m) => parts.map(([, f]) => f(m))), showRowTotals: o.totals,
  });
}

/** A share of the row total, from published counts only ("c" when either is suppressed or under 10 children). */
const shareOfRow = (header: string, col: number, control: boolean) => (p: PublishedTable): ExtraColumn[] => [{
  header, values: p.cells.map((row, r) => {
    const total = p.rowTotals?.[r];
    return row[col] === SUPPRESSED || total === SUPPRESSED || total === undefined ? 'c' : percent(row[col], total, { control });
  }),
}];

/** A share of one column in another, from published counts only. */
const shareOfCol = (header: string, col: number, of: number, control: boolean) => (p: PublishedTable): ExtraColumn[] => [{
  header, values: p.cells.map((row) => (row[col] === SUPPRESSED || row[of] === SUPPRESSED ? 'c' : percent(row[col] as number, row[of] as number, { control }))),
}];

export function supportOffers(d: BriefingData, o: ResolvedOptions): BuiltTable {
  const note = `Children at risk: latest CEAM assessment in the quarter above "none". With a support offer: offered support in the ${OFFER_WINDOW_DAYS} days to the quarter's end, whatever the answer.`;
  return { note, extra: shareOfCol('Share with an offer', 1, 0, o.edition === 'partner'), table: byQuarter(d, 'support-offers', 'Children at risk, and those offered support in the year', [
    ['Children at risk', (m) => m.childrenAtRisk], ['With a support offer', (m) => m.atRiskWithOffer],
  ], { note }) };
}

export function supportTakeUp(d: BriefingData, o: ResolvedOptions): BuiltTable {
  const note = 'Children offered support in the quarter, by where the offer stands now: accepted (started, or started and ended), declined, or no answer yet. A child offered twice counts once, by the furthest answer. Take-up: accepted over all offered.';
  return { note, extra: shareOfRow('Take-up', 0, o.edition === 'partner'), table: byQuarter(d, 'support-take-up', 'Children offered support in the quarter and their answer', [
    ['Accepted', (m) => m.accepted], ['Declined', (m) => m.declined], ['No answer yet', (m) => m.awaitingAnswer],
  ], { totals: true, note }) };
}

export function ceamChange(d: BriefingData, o: ResolvedOptions): BuiltTable {
  const note = `Children whose support started in the ${OFFER_WINDOW_DAYS} days to the quarter's end, with a CEAM assessment before it started and another after it by the quarter's end: the latest score against the last one before the start. A lower score is a reduction in assessed risk; it is not proof that the support caused it.`;
  return { note, extra: shareOfRow('Share with a lower score', 0, o.edition === 'partner'), table: byQuarter(d, 'ceam-change', 'Change of CEAM score after support started', [
    ['Lower score', (m) => m.ceamImproved], ['Same score', (m) => m.ceamUnchanged], ['Higher score', (m) => m.ceamWorse],
  ], { totals: true, note }) };
}

export function ceamAssessments(d: BriefingData): BuiltTable {
  const note = 'CEAM risk assessments of children held in the quarter, the children assessed, and the children assessed twice or more in the quarter.';
  return { note, table: byQuarter(d, 'ceam-assessments', 'CEAM risk assessments and reviews', [
    ['Assessments', (m) => m.assessments], ['Children assessed', (m) => m.childrenAssessed], ['Children assessed twice or more', (m) => m.reviewedTwiceOrMore],
  ], { unit: 'count', note }) };
}

export function exclusionsBySen(d: BriefingData, o: ResolvedOptions): BuiltTable {
  const note = 'Children excluded or suspended from school in the quarter (each child once), by SEN provision on their record: E (EHC plan), K (SEN support), or none recorded.';
  return { note, extra: shareOfRow('Share with an EHC plan', 0, o.edition === 'partner'), table: byQuarter(d, 'exclusions-sen', 'Children excluded from school by special educational needs', [
    ['EHC plan', (m) => m.excludedWithEhcp], ['SEN support', (m) => m.excludedWithSen - m.excludedWithEhcp], ['No SEN recorded', (m) => m.excludedChildren - m.excludedWithSen],
  ], { totals: true, note }) };
}

export function exclusionsAfter(d: BriefingData, o: ResolvedOptions): BuiltTable {
  const note = `Children excluded in the quarter who, within ${AFTER_EXCLUSION_DAYS} days after their first exclusion in it, were assessed at risk (CEAM above "none") or went missing. Days after the data end are not yet seen, so the latest quarter may rise in later packs.`;
  return { note, extra: shareOfCol('Share at risk or missing after', 1, 0, o.edition === 'partner'), table: byQuarter(d, 'exclusions-after', `Children excluded, and at risk or missing within ${AFTER_EXCLUSION_DAYS} days after`, [
    ['Children excluded', (m) => m.excludedChildren], ['At risk or missing after', (m) => m.excludedAtRiskOrMissingAfter],
  ], { note }) };
}

export function missingConcern(d: BriefingData, o: ResolvedOptions): BuiltTable {
  const note = `Children missing in the quarter (each child once). A concern of county lines or criminal exploitation: an episode records a county-lines concern, or the child had a CCE assessment or referral in the ${CCE_LOOKBACK_DAYS} days to the quarter's end.`;
  return { note, extra: shareOfCol('Share with the concern', 1, 0, o.edition === 'partner'), table: byQuarter(d, 'missing-concern', 'Children missing, and those with a county-lines or criminal exploitation concern', [
    ['Children missing', (m) => m.missingChildren], ['County-lines or CCE concern', (m) => m.missingCountyLinesOrCce],
  ], { note }) };
}

/** The most frequent factors of each kind; the rest are not listed. */
export const MAX_FACTORS = 6;

export function interviewFactors(d: BriefingData, o: ResolvedOptions): BuiltTable {
  const m = d.outcomes.now;
  // Factors are free text, so a listed factor is one that was recorded: in the partner edition only
  // those whose count is printed are listed, or a listed "c" would be known to be at least 1.
  const listed = (f: { interviews: number }) => o.edition !== 'partner' || !isSmall(f.interviews);
  const push = m.pushFactors.filter(listed).slice(0, MAX_FACTORS);
  const pull = m.pullFactors.filter(listed).slice(0, MAX_FACTORS);
  const note = `Completed return home interviews held in the quarter. Factors are counted as the interviewer wrote them, once per interview; an interview can record several, so the rows do not add up. The ${MAX_FACTORS} most frequent of each kind are listed${o.edition === 'partner' ? ', among those recorded in 5 or more interviews' : ''}.`;
  return { note, table: countTable({
    id: 'rhi-factors', title: 'What completed return home interviews recorded this quarter', unit: 'interviews', rowHeader: 'Recorded',
    rows: ['Completed interviews', 'Harm disclosed', ...push.map((f) => `Push: ${f.factor}`), ...pull.map((f) => `Pull: ${f.factor}`)],
    cols: ['Interviews'],
    cells: [[m.interviewsCompleted], [m.harmDisclosed], ...push.map((f) => [f.interviews]), ...pull.map((f) => [f.interviews])],
  }) };
}

export function lineStatus(d: BriefingData): BuiltTable {
  const note = 'A county line\'s status at a date is its latest status record by then. Active: active at the quarter\'s end. Disrupted, closed: lines with a status record of that kind dated in the quarter (a line can be both).';
  // Counts of county lines describe no person: published as counted in both editions.
  const table = byQuarter(d, 'county-line-status', 'County lines: status at the quarter\'s end, and lines disrupted or closed in the quarter', [
    ['Active at the quarter\'s end', (m) => m.linesActive], ['Disrupted in the quarter', (m) => m.linesDisrupted], ['Closed in the quarter', (m) => m.linesClosed],
  ], { unit: 'lines', note });
  return { note, table: { ...table, notAboutPeople: true } };
}

/** Actions by a code, this quarter and last quarter; every code of the vocabulary, in its order. */
function tallyTable(d: BriefingData, id: string, title: string, rowHeader: string, kind: string, vocabulary: string[], pick: (m: OutcomeMeasures) => TallyRow[]): CountTable {
  const now = pick(d.outcomes.now); const previous = pick(d.outcomes.previous);
  const codes = withVocabulary(vocabulary, [...now, ...previous].map((r) => r.code));
  const n = (rows: TallyRow[], code: string) => rows.find((r) => r.code === code)?.actions ?? 0;
  return countTable({
    id, title, unit: 'actions', rowHeader, rows: codes.map((c) => label(kind, c)), cols: [d.outcomes.now.quarter, d.outcomes.previous.quarter],
    cells: codes.map((c) => [n(now, c), n(previous, c)]), showColTotals: true,
  });
}

export function disruptionOutcomes(d: BriefingData): BuiltTable {
  const note = 'Disruption actions dated in the quarter by the outcome recorded as a code. Outcomes recorded only as free text are counted as "no outcome coded".';
  return { note, table: tallyTable(d, 'disruption-outcomes', 'Disruption actions by outcome', 'Outcome', 'disruptionOutcome', [...Object.keys(DISRUPTION_OUTCOME), NOT_RECORDED], (m) => m.disruptionOutcomes) };
}

/** The tactics used about a place; another tactic recorded against a place is listed after them. */
const PLACE_TACTICS = ['CLOSURE_ORDER', 'DISPERSAL', 'PSPO', 'CPN'];

export function placeTactics(d: BriefingData): BuiltTable {
  const note = 'Disruption actions about or at a place (closure orders, dispersal, public spaces protection orders and others), by tactic.';
  return { note, table: tallyTable(d, 'place-tactics', 'Place-based tactics', 'Tactic', 'tactic', PLACE_TACTICS, (m) => m.placeTactics) };
}

/** Rows of the summary table, each the same quantity as a figure of the tables above (links.ts). */
export const STRATEGY_ROWS: Array<[string, (m: OutcomeMeasures) => number]> = [
  ['Children at risk', (m) => m.childrenAtRisk],
  ['Children at risk with a support offer in the year', (m) => m.atRiskWithOffer],
  ['Children offered support', (m) => m.offered],
  ['Children who accepted support', (m) => m.accepted],
  ['Children assessed before and after support', (m) => m.ceamCompared],
  ['… of them with a lower CEAM score', (m) => m.ceamImproved],
  ['CEAM assessments', (m) => m.assessments],
  ['Children assessed twice or more', (m) => m.reviewedTwiceOrMore],
  ['Children excluded from school', (m) => m.excludedChildren],
  ['… of them with an EHC plan', (m) => m.excludedWithEhcp],
  [`… of them at risk or missing within ${AFTER_EXCLUSION_DAYS} days`, (m) => m.excludedAtRiskOrMissingAfter],
  ['Children missing with a county-lines or CCE concern', (m) => m.missingCountyLinesOrCce],
  ['County lines disrupted in the quarter', (m) => m.linesDisrupted],
  ['County lines closed in the quarter', (m) => m.linesClosed],
  ['Disruption actions about places', (m) => m.placeActions],
];

export function strategyMeasures(d: BriefingData): BuiltTable {
  const ms = [d.outcomes.now, d.outcomes.previous, d.outcomes.lastYear];
  return {
    note: 'Each figure is defined under its own table in this section. Columns: this quarter, last quarter and the same quarter last year.',
    table: countTable({
      id: 'strategy-measures', title: 'Strategy measures: this quarter, last quarter and the same quarter last year', unit: 'count', rowHeader: 'Measure',
      rows: STRATEGY_ROWS.map(([r]) => r), cols: ms.map((m) => m.quarter), cells: STRATEGY_ROWS.map(([, f]) => ms.map((m) => f(m))),
    }),
  };
}

export function outcomeTables(d: BriefingData, o: ResolvedOptions): BuiltTable[] {
  return [strategyMeasures(d), supportOffers(d, o), supportTakeUp(d, o), ceamChange(d, o), ceamAssessments(d),
    exclusionsBySen(d, o), exclusionsAfter(d, o), missingConcern(d, o), interviewFactors(d, o)];
}
