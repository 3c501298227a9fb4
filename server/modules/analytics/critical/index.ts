/** Critical moments service (plain). */
import { cypherFile } from '../../../platform/db/query';
import { readAnalytics } from '../read';
import { parseQuarter } from '../../../domain/period';
import { checkInstant } from '../validate';
import { followUp, rhiSummary, CriticalRow } from './follow-up';
import type { AnalyticsSource, CriticalMomentsArgs, CriticalMomentsResult, CriticalMomentKind } from '../types';

export const FOLLOW_UP_DAYS = 28;

export const CRITICAL_METHOD = 'Exclusions, injuries and arrests of children (under 18 at the time) in the quarter, and returns from missing '
  + '(by return time). RHI: done = completed within 72 h of the return; late = completed after 72 h; declined; offered = offered, '
  + `not taken up; none = nothing recorded after 72 h; pending = under 72 h at the as-of time. Referral made / plan reviewed = a referral / `
  + `risk assessment about the child within ${FOLLOW_UP_DAYS} days after the moment. RHI-within-72h rate = done / all returns.`;

export async function criticalMoments(source: AnalyticsSource, args: CriticalMomentsArgs): Promise<CriticalMomentsResult> {
  const period = parseQuarter(args.quarter);
  const asOfMs = checkInstant(args.asOf, 'asOf') ?? Date.now();
  const asOf = new Date(asOfMs).toISOString();
  const rows = await readAnalytics<CriticalRow>(source, cypherFile(__dirname, 'critical-moments'), {
    from: period.start, to: period.end, asOf, followUpDays: FOLLOW_UP_DAYS,
  });
  const items = rows.map((r) => followUp(r, asOfMs, FOLLOW_UP_DAYS));
  const countsByKind: Record<CriticalMomentKind, number> = { Exclusion: 0, Injury: 0, Arrest: 0, ReturnFromMissing: 0 };
  items.forEach((m) => { countsByKind[m.kind] += 1; });
  return {
    quarter: period.quarter, asOf, method: CRITICAL_METHOD, items, countsByKind,
    rhi: rhiSummary(items), overdueCount: items.filter((m) => m.overdue.length > 0).length,
  };
}
