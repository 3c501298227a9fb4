/**
 * Every child of concern not yet known to a panel or plan (the definition in
 * ../analytics/referral), without the service's paging: the pack reports how many there are.
 */
import { allChildrenOfConcern, concernResult, DEFAULT_MIN_SCORE } from '../analytics/referral';
import { parseQuarter } from '../../domain/period';
import { DEFAULT_KNOWN } from '../../domain/known';
import type { AnalyticsSource, NotYetReferredResult } from '../analytics';

export async function allNotYetReferred(source: AnalyticsSource, quarter: string): Promise<NotYetReferredResult> {
  const period = parseQuarter(quarter);
  const anyConcern = await allChildrenOfConcern(source, period.quarter, 0, DEFAULT_KNOWN);
  return concernResult(period.quarter, anyConcern, { minScore: DEFAULT_MIN_SCORE, known: DEFAULT_KNOWN, offset: 0, limit: anyConcern.length });
}
