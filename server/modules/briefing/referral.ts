/**
 * Every child "not yet referred" (the definition in ../analytics/referral), without
 * the service's 500-row page: the pack reports how many there are, so it needs all of them.
 */
import path from 'node:path';
import { readAnalytics } from '../analytics';
import { cypherFile } from '../../platform/db/query';
import { parseQuarter, DAY_MS } from '../../domain/period';
import { harmLabels } from '../../domain/harm';
import { rankVictimHarm, VictimRow } from '../analytics/referral/victim-harm';
import { LOOKBACK_DAYS, DEFAULT_MIN_HARM } from '../analytics/referral';
import type { AnalyticsSource, NotYetReferredResult } from '../analytics';

/** The analytic whose query this section reuses. */
const REFERRAL_DIR = path.join(__dirname, '..', 'analytics', 'referral');

export async function allNotYetReferred(source: AnalyticsSource, quarter: string): Promise<NotYetReferredResult> {
  const period = parseQuarter(quarter);
  const from = new Date(period.endMs - LOOKBACK_DAYS * DAY_MS).toISOString();
  const rows = await readAnalytics<VictimRow>(source, cypherFile(REFERRAL_DIR, 'victim-harm'), { from, to: period.end, harmLabels: harmLabels() });
  return {
    quarter: period.quarter, minHarm: DEFAULT_MIN_HARM, items: rankVictimHarm(rows, period.endMs, DEFAULT_MIN_HARM),
    method: `Children (under 18 at the event) whose summed victim harm (harm weight × grading weight of events where they were the victim, `
      + `${LOOKBACK_DAYS / 365} years to the quarter end) is at least ${DEFAULT_MIN_HARM} and who had no TVE panel or MACE referral by the quarter end.`,
  };
}
