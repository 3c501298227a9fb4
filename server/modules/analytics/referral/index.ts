/** Not yet referred (plain service): high victim harm, no PANEL / MACE referral. */
import { cypherFile } from '../../../platform/db/query';
import { readAnalytics } from '../read';
import { parseQuarter, DAY_MS } from '../../../domain/period';
import { checkLimit, checkNumber } from '../validate';
import { harmLabels } from '../../../domain/harm';
import { rankVictimHarm, VictimRow } from './victim-harm';
import type { AnalyticsSource, NotYetReferredArgs, NotYetReferredResult } from '../types';

export const LOOKBACK_DAYS = 730;
export const DEFAULT_MIN_HARM = 365;

export async function notYetReferred(source: AnalyticsSource, args: NotYetReferredArgs): Promise<NotYetReferredResult> {
  const period = parseQuarter(args.quarter);
  const minHarm = checkNumber(args.minHarm, DEFAULT_MIN_HARM, 0, 1e7, 'minHarm');
  const limit = checkLimit(args.limit, 50);
  const from = new Date(period.endMs - LOOKBACK_DAYS * DAY_MS).toISOString();
  const rows = await readAnalytics<VictimRow>(source, cypherFile(__dirname, 'victim-harm'), { from, to: period.end, harmLabels: harmLabels() });
  return {
    quarter: period.quarter, minHarm,
    method: `Children (under 18 at the event) whose summed victim harm (harm weight × grading weight of events where they were the victim, `
      + `${LOOKBACK_DAYS / 365} years to the quarter end) is at least ${minHarm} and who had no TVE panel or MACE referral by the quarter end.`,
    items: rankVictimHarm(rows, period.endMs, minHarm).slice(0, limit),
  };
}
