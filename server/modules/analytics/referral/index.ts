/**
 * Children of concern not yet known to a panel (plain service): harm as victims, signs of
 * exploitation and repeat missing, for children with no panel, MACE or NRM referral and no open
 * plan (configurable), each part shown with its evidence.
 */
import { cypherFile } from '../../../platform/db/query';
import { readAnalytics } from '../read';
import { parseQuarter, DAY_MS } from '../../../domain/period';
import { COERCION_OFFENCES, DEFAULT_KNOWN, REPEAT_MISSING, type KnownDefinition } from '../../../domain/known';
import { EXPLOITATION_SIGNS_FOUND } from '../../../model/enums';
import { checkLimit, checkNumber, checkOffset } from '../validate';
import { harmLabels } from '../../../domain/harm';
import { rankChildrenOfConcern, SERIOUS_HARM_DAYS, VICTIM_POINTS_CAP, type ConcernRow } from './concern';
import type { AnalyticsSource, NotYetReferredArgs, NotYetReferredChild, NotYetReferredResult, ScoreCount } from '../types';

export const LOOKBACK_DAYS = 730;
export const DEFAULT_MIN_SCORE = 2;

export function concernMethod(minScore: number, known: KnownDefinition): string {
  return `Children under 18 at the quarter end with no ${known.referralTypes.join(', ')} referral and no care status `
    + `${known.careStatuses.join(' or ')} by then, whose concern score over the ${LOOKBACK_DAYS / 365} years to the quarter end is at least `
    + `${minScore}. Score: one point for each event of serious harm to the child as a victim (harm weight × grading weight of at least `
    + `${SERIOUS_HARM_DAYS} days; at most ${VICTIM_POINTS_CAP} points), plus one point for each sign of exploitation: recorded as suspect or subject in supply, weapons or robbery `
    + `(read as possible coercion), linked to a county line, targeted by an adult (exploits, grooms, recruits), found out of borough, `
    + `missing with a county-lines concern, ${REPEAT_MISSING.episodes} or more missing episodes within ${REPEAT_MISSING.withinDays} days, `
    + 'found (as subject or suspect) with money, phones, goods or travel they cannot account for, where recorded. '
    + 'The score prompts a review; it is not a measure of the child.';
}

/** Every child of concern at the threshold, ranked (the briefing counts them all). */
export async function allChildrenOfConcern(source: AnalyticsSource, quarter: string, minScore = DEFAULT_MIN_SCORE, known = DEFAULT_KNOWN): Promise<NotYetReferredChild[]> {
  const period = parseQuarter(quarter);
  const from = new Date(period.endMs - LOOKBACK_DAYS * DAY_MS).toISOString();
  const rows = await readAnalytics<ConcernRow>(source, cypherFile(__dirname, 'children-of-concern'), {
    from, to: period.end, harmLabels: harmLabels(), coercionOffences: COERCION_OFFENCES, signsFound: EXPLOITATION_SIGNS_FOUND,
    knownReferralTypes: known.referralTypes, knownCareStatuses: known.careStatuses,
  });
  return rankChildrenOfConcern(rows, period.endMs, minScore);
}

export async function notYetReferred(source: AnalyticsSource, args: NotYetReferredArgs): Promise<NotYetReferredResult> {
  const period = parseQuarter(args.quarter);
  const minScore = checkNumber(args.minScore, DEFAULT_MIN_SCORE, 0, 100, 'minScore');
  const limit = checkLimit(args.limit, 50);
  const offset = checkOffset(args.offset);
  const known = args.known ?? DEFAULT_KNOWN;
  // Every child with any concern, once: the threshold then filters, and the counts show its effect.
  const anyConcern = await allChildrenOfConcern(source, period.quarter, 0, known);
  return concernResult(period.quarter, anyConcern, { minScore, known, offset, limit });
}

/** The result at a threshold, from every child with any concern (ranked): the page, the total and the counts by score. */
export function concernResult(quarter: string, anyConcern: NotYetReferredChild[], o: { minScore: number; known: KnownDefinition; offset: number; limit: number }): NotYetReferredResult {
  const all = anyConcern.filter((c) => c.concernScore >= o.minScore);
  return {
    quarter, minScore: o.minScore, method: concernMethod(o.minScore, o.known), total: all.length, offset: o.offset,
    items: all.slice(o.offset, o.offset + o.limit), countsByScore: countsByScore(anyConcern),
  };
}

function countsByScore(children: NotYetReferredChild[]): ScoreCount[] {
  const counts = new Map<number, number>();
  for (const c of children) counts.set(c.concernScore, (counts.get(c.concernScore) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => b - a).map(([score, n]) => ({ score, children: n }));
}
