/** Critical moments service (plain). */
import { cypherFile } from '../../../platform/db/query';
import { readAnalytics } from '../read';
import { parseQuarter } from '../../../domain/period';
import { checkInstant } from '../validate';
import { DEFAULT_KNOWN, KNOWN_REFERRAL_OPEN_DAYS, MOMENT_ROLES, type KnownDefinition } from '../../../domain/known';
import { followUp, rhiSummary, CriticalRow } from './follow-up';
import type { AnalyticsSource, CriticalMomentsArgs, CriticalMomentsResult, CriticalMomentKind } from '../types';

export const FOLLOW_UP_DAYS = 28;

export const criticalMethod = (known: KnownDefinition): string => 'Exclusions, injuries and arrests of children (under 18 at the time) in the quarter, and returns from missing '
  + '(by return time). RHI: done = completed within 72 h of the return; late = completed after 72 h; declined; offered = offered, '
  + `not taken up; none = nothing recorded after 72 h; pending = under 72 h at the as-of time. Referral made / plan reviewed = a referral / `
  + `risk assessment about the child within ${FOLLOW_UP_DAYS} days after the moment; a referral is never overdue for a child already known `
  + `to a panel or plan when the moment happened (a ${known.referralTypes.join(', ')} referral in the ${KNOWN_REFERRAL_OPEN_DAYS} days before, `
  + `or care status ${known.careStatuses.join(' or ')}). Only the child the moment happened to counts, never a witness or reporter. `
  + 'RHI-within-72h rate = done / returns of the children who went missing.';

export async function criticalMoments(source: AnalyticsSource, args: CriticalMomentsArgs): Promise<CriticalMomentsResult> {
  const period = parseQuarter(args.quarter);
  const asOfMs = checkInstant(args.asOf, 'asOf') ?? Date.now();
  const asOf = new Date(asOfMs).toISOString();
  const known = args.known ?? DEFAULT_KNOWN;
  const rows = await readAnalytics<CriticalRow>(source, cypherFile(__dirname, 'critical-moments'), {
    from: period.start, to: period.end, asOf, followUpDays: FOLLOW_UP_DAYS, momentRoles: MOMENT_ROLES,
    knownReferralTypes: known.referralTypes, knownCareStatuses: known.careStatuses, knownLookbackDays: KNOWN_REFERRAL_OPEN_DAYS,
  });
  const items = rows.map((r) => followUp(r, asOfMs, FOLLOW_UP_DAYS));
  const countsByKind: Record<CriticalMomentKind, number> = { Exclusion: 0, Injury: 0, Arrest: 0, ReturnFromMissing: 0 };
  items.forEach((m) => { countsByKind[m.kind] += 1; });
  return {
    quarter: period.quarter, asOf, method: criticalMethod(known), items, countsByKind,
    rhi: rhiSummary(items), overdueCount: items.filter((m) => m.overdue.length > 0).length,
  };
}
