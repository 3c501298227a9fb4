/**
 * Every child of concern not yet known to a panel or plan (the definition in
 * ../analytics/referral), without the service's paging: the pack reports how many there are.
 */
import { allChildrenOfConcern, concernMethod, DEFAULT_MIN_SCORE } from '../analytics/referral';
import { parseQuarter } from '../../domain/period';
import { DEFAULT_KNOWN } from '../../domain/known';
import type { AnalyticsSource, NotYetReferredResult } from '../analytics';

export async function allNotYetReferred(source: AnalyticsSource, quarter: string): Promise<NotYetReferredResult> {
  const period = parseQuarter(quarter);
  const items = await allChildrenOfConcern(source, period.quarter, DEFAULT_MIN_SCORE, DEFAULT_KNOWN);
  return { quarter: period.quarter, minScore: DEFAULT_MIN_SCORE, method: concernMethod(DEFAULT_MIN_SCORE, DEFAULT_KNOWN), total: items.length, offset: 0, items };
}
