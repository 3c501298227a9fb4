/** High-harm persons of concern (plain service). Adults only: the query reads people 18+ at the quarter end. */
import { cypherFile } from '../../../platform/db/query';
import { readAnalytics } from '../read';
import { parseQuarter, DAY_MS } from '../../../domain/period';
import { checkLimit } from '../validate';
import { quarterPartition } from '../networks';
import { scorePersonsOfConcern, PocRow, WEIGHTS, LOOKBACK_DAYS, N_CAP } from './score';
import type { AnalyticsSource, HighHarmArgs, HighHarmResult } from '../types';

/** The events whose suspect or subject they were that count as evidence of harm done. */
export const OFFENCE_EVENT_KINDS = ['Incident', 'Arrest'];

export async function highHarmPersonsOfConcern(source: AnalyticsSource, args: HighHarmArgs): Promise<HighHarmResult> {
  const period = parseQuarter(args.quarter);
  const limit = checkLimit(args.limit, 20);
  const from = new Date(period.endMs - LOOKBACK_DAYS * DAY_MS).toISOString();
  const [rows, qp] = await Promise.all([
    readAnalytics<PocRow>(source, cypherFile(__dirname, 'poc-evidence'), { from, to: period.end, offenceKinds: OFFENCE_EVENT_KINDS }),
    quarterPartition(source, period.quarter),
  ]);
  const communityOf = new Map<string, string>();
  qp.partition.communities.forEach((members, i) => { if (members.length > 1) members.forEach((m) => communityOf.set(m, `c${i}`)); });
  const ranked = scorePersonsOfConcern(rows, period.endMs, communityOf);
  return {
    quarter: period.quarter, lookbackFrom: from, weights: { ...WEIGHTS },
    method: `Persons of concern aged 18+ at the quarter end, ${LOOKBACK_DAYS / 365}-year look-back. R = max(0, 1 − days since last evidence / ${LOOKBACK_DAYS}); `
      + `F = log(1+n)/log(1+${N_CAP}) over incidents and arrests as suspect or subject from their 18th birthday on (nothing from their childhood, and no record of their own safety, counts against them); G = Σ harm weight × grading weight; distinct children harmed or targeted; `
      + 'brokerage = participation coefficient of those children over the quarter\'s peer communities; grade = mean grading weight of the evidence. '
      + 'Score = weighted mean of percentile ranks (weights shown). Protected characteristics are not inputs. For analyst review, never an automatic decision.',
    considered: ranked.length, items: ranked.slice(0, limit),
  };
}
