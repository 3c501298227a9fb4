/**
 * The strategy's outcome measures for one quarter, pure over the rows the queries read
 * (index.ts). Every figure counts distinct children unless it says otherwise.
 */
import type { AssessmentRow } from '../trends/series';
import { latestAtRisk } from '../trends/series';

const DAY = 86_400_000;
/** Support offered within this many days before the quarter's end counts as an offer for the quarter's children at risk. */
export const OFFER_WINDOW_DAYS = 365;
/** Days after a child's first exclusion in the quarter in which a risk assessment or a missing episode is counted. */
export const AFTER_EXCLUSION_DAYS = 90;
/** Days before the quarter's end in which a CCE assessment or referral makes a missing child's concern one of criminal exploitation. */
export const CCE_LOOKBACK_DAYS = 365;

export interface SupportRow { id: string; childId: string; atMs: number; programme: string; supportStatus: string; startedOn: string | null; endedOn: string | null }
export interface ScoreRow { id: string; childId: string; atMs: number; score: number }
export interface ExclusionRow { childId: string; sen: string | null; atMs: number; atRiskAfter: boolean; missingAfter: boolean }
export interface MissingConcernRow { childId: string; countyLines: boolean; cceConcern: boolean }
export interface InterviewRow { id: string; childId: string; outcome: string; pushFactors: string[]; pullFactors: string[]; harmDisclosed: boolean }

export interface FactorCount { factor: string; interviews: number }

export interface OutcomeMeasures {
  quarter: string;
  /** Children at risk in the quarter (latest CEAM level above none), with and without a support offer in the year to the quarter's end. */
  childrenAtRisk: number;
  atRiskWithOffer: number;
  atRiskWithoutOffer: number;
  /** Children offered support in the quarter, by where the offer stands now. */
  offered: number;
  accepted: number;
  declined: number;
  awaitingAnswer: number;
  /** Children whose support started in the year to the quarter's end, assessed before it started and again after, by the quarter's end. */
  ceamCompared: number;
  ceamImproved: number;
  ceamUnchanged: number;
  ceamWorse: number;
  /** CEAM assessments of children in the quarter, the children assessed, and those assessed twice or more. */
  assessments: number;
  childrenAssessed: number;
  reviewedTwiceOrMore: number;
  /** Children excluded in the quarter: with an EHC plan, with any SEN, and at risk or missing within 90 days of their first exclusion. */
  excludedChildren: number;
  excludedWithEhcp: number;
  excludedWithSen: number;
  excludedAtRiskOrMissingAfter: number;
  /** Children missing in the quarter, and those with a county-lines or criminal-exploitation concern. */
  missingChildren: number;
  missingCountyLinesOrCce: number;
  /** Return home interviews in the quarter: completed, with harm disclosed, and the push and pull factors recorded in them. */
  interviews: number;
  interviewsCompleted: number;
  harmDisclosed: number;
  pushFactors: FactorCount[];
  pullFactors: FactorCount[];
}

const isStarted = (s: SupportRow): boolean => s.supportStatus === 'accepted' || s.supportStatus === 'ended' || !!s.startedOn;
const dayMs = (d: string): number => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);

/** Free-text factors are counted by their words, lower-cased and trimmed, most frequent first. */
function tally(lists: string[][]): FactorCount[] {
  const n = new Map<string, number>();
  for (const list of lists) for (const f of new Set(list.map((x) => x.trim().toLowerCase()).filter(Boolean))) n.set(f, (n.get(f) ?? 0) + 1);
  return [...n].map(([factor, interviews]) => ({ factor, interviews })).sort((a, b) => b.interviews - a.interviews || (a.factor < b.factor ? -1 : 1));
}

export interface OutcomeRows {
  quarter: string;
  /** The quarter's [start, end) in epoch ms. */
  startMs: number;
  endMs: number;
  /** CEAM assessments of children in the quarter (trend-assessments). */
  assessments: AssessmentRow[];
  /** Support offered in the two years to the quarter's end. */
  support: SupportRow[];
  /** Every assessment before the quarter's end of the children offered support. */
  scores: ScoreRow[];
  exclusions: ExclusionRow[];
  missing: MissingConcernRow[];
  interviews: InterviewRow[];
}

export function outcomeMeasures(r: OutcomeRows): OutcomeMeasures {
  const inQuarter = r.assessments.filter((a) => a.atMs >= r.startMs && a.atMs < r.endMs);
  const atRisk = new Set(latestAtRisk(inQuarter).map((a) => a.childId));
  const offerFrom = r.endMs - OFFER_WINDOW_DAYS * DAY;
  const offeredInYear = new Set(r.support.filter((s) => s.atMs >= offerFrom && s.atMs < r.endMs).map((s) => s.childId));
  const withOffer = [...atRisk].filter((c) => offeredInYear.has(c)).length;

  // A child offered support more than once in the quarter counts once, by the furthest answer: started, declined, awaiting.
  const answer = new Map<string, 'accepted' | 'declined' | 'awaiting'>();
  for (const s of r.support.filter((x) => x.atMs >= r.startMs && x.atMs < r.endMs)) {
    const a = isStarted(s) ? 'accepted' : s.supportStatus === 'declined' ? 'declined' : 'awaiting';
    const prev = answer.get(s.childId);
    if (!prev || a === 'accepted' || (a === 'declined' && prev === 'awaiting')) answer.set(s.childId, a);
  }
  const answers = [...answer.values()];

  // Change of CEAM score: the last assessment before the (earliest) start in the window, against the latest one after it.
  const started = new Map<string, number>();
  for (const s of r.support) {
    if (!s.startedOn || !isStarted(s)) continue;
    const at = dayMs(s.startedOn);
    if (at < offerFrom || at >= r.endMs) continue;
    started.set(s.childId, Math.min(started.get(s.childId) ?? Infinity, at));
  }
  let improved = 0; let unchanged = 0; let worse = 0;
  for (const [child, at] of started) {
    const scores = r.scores.filter((x) => x.childId === child && x.atMs < r.endMs).sort((a, b) => a.atMs - b.atMs || (a.id < b.id ? -1 : 1));
    const before = scores.filter((x) => x.atMs < at).pop();
    const after = scores.filter((x) => x.atMs >= at).pop();
    if (!before || !after) continue;
    if (after.score < before.score) improved += 1; else if (after.score > before.score) worse += 1; else unchanged += 1;
  }

  const perChild = new Map<string, number>();
  for (const a of inQuarter) perChild.set(a.childId, (perChild.get(a.childId) ?? 0) + 1);
  const completed = r.interviews.filter((i) => i.outcome === 'completed');
  return {
    quarter: r.quarter,
    childrenAtRisk: atRisk.size, atRiskWithOffer: withOffer, atRiskWithoutOffer: atRisk.size - withOffer,
    offered: answer.size, accepted: answers.filter((a) => a === 'accepted').length,
    declined: answers.filter((a) => a === 'declined').length, awaitingAnswer: answers.filter((a) => a === 'awaiting').length,
    ceamCompared: improved + unchanged + worse, ceamImproved: improved, ceamUnchanged: unchanged, ceamWorse: worse,
    assessments: new Set(inQuarter.map((a) => a.id)).size, childrenAssessed: perChild.size,
    reviewedTwiceOrMore: [...perChild.values()].filter((n) => n >= 2).length,
    excludedChildren: r.exclusions.length, excludedWithEhcp: r.exclusions.filter((e) => e.sen === 'E').length,
    excludedWithSen: r.exclusions.filter((e) => e.sen === 'E' || e.sen === 'K').length,
    excludedAtRiskOrMissingAfter: r.exclusions.filter((e) => e.atRiskAfter || e.missingAfter).length,
    missingChildren: r.missing.length, missingCountyLinesOrCce: r.missing.filter((m) => m.countyLines || m.cceConcern).length,
    interviews: new Set(r.interviews.map((i) => i.id)).size, interviewsCompleted: new Set(completed.map((i) => i.id)).size,
    harmDisclosed: new Set(completed.filter((i) => i.harmDisclosed).map((i) => i.id)).size,
    pushFactors: tally(uniqueById(completed).map((i) => i.pushFactors)),
    pullFactors: tally(uniqueById(completed).map((i) => i.pullFactors)),
  };
}

/** An interview held with two children is one interview. */
function uniqueById(rows: InterviewRow[]): InterviewRow[] {
  const seen = new Map<string, InterviewRow>();
  for (const r of rows) if (!seen.has(r.id)) seen.set(r.id, r);
  return [...seen.values()];
}

export const OUTCOMES_METHOD = 'Children at risk: distinct children whose latest CEAM assessment in the quarter is above "none"; '
  + `"with a support offer": offered support in the ${OFFER_WINDOW_DAYS} days to the quarter's end. Take-up: children offered support in the quarter `
  + 'whose offer was accepted (started, or started and ended), over all children offered in the quarter. CEAM change: children whose support '
  + `started in the ${OFFER_WINDOW_DAYS} days to the quarter's end, comparing the last assessment before it started with the latest one after, by the `
  + 'quarter\'s end (a lower score is improved); children without both are left out. Assessments: CEAM assessments of children in the quarter; '
  + `reviewed twice or more: children with two or more in the quarter. Exclusions: distinct children excluded in the quarter, their SEN provision `
  + `(E: EHC plan; K: SEN support), and those assessed at risk or missing within ${AFTER_EXCLUSION_DAYS} days after their first exclusion in the quarter. `
  + 'Missing with a county-lines or criminal-exploitation concern: distinct children missing in the quarter whose episode records a county-lines concern '
  + `or who had a CCE assessment or referral in the ${CCE_LOOKBACK_DAYS} days to the quarter's end. Return home interviews held in the quarter; `
  + 'push and pull factors as recorded in completed interviews, counted once per interview.';
