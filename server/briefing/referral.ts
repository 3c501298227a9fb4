/**
 * Every child "not yet referred" (engineer C's definition in server/analytics/referral), without
 * the service's 500-row page: the pack reports how many there are, so it needs all of them.
 */
import { readRows } from '../analytics/cypher';
import { parseQuarter, DAY_MS } from '../analytics/period';
import { harmLabels } from '../analytics/harm';
import { rankVictimHarm, VictimRow } from '../analytics/referral/victim-harm';
import { LOOKBACK_DAYS, DEFAULT_MIN_HARM } from '../analytics/referral';
import type { AnalyticsSource, NotYetReferredResult } from '../analytics';

export async function allNotYetReferred(source: AnalyticsSource, quarter: string): Promise<NotYetReferredResult> {
  const period = parseQuarter(quarter);
  const from = new Date(period.endMs - LOOKBACK_DAYS * DAY_MS).toISOString();
  const rows = await readRows<VictimRow>(source, 'victim-harm', { from, to: period.end, harmLabels: harmLabels() });
  return {
    quarter: period.quarter, minHarm: DEFAULT_MIN_HARM, items: rankVictimHarm(rows, period.endMs, DEFAULT_MIN_HARM),
    method: `Children (under 18 at the event) whose summed victim harm (harm weight × grading weight of events where they were the victim, `
      + `${LOOKBACK_DAYS / 365} years to the quarter end) is at least ${DEFAULT_MIN_HARM} and who had no TVE panel or MACE referral by the quarter end.`,
  };
}
