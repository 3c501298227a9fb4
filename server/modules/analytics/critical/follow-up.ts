/**
 * Follow-up status of critical moments (pure). Definitions:
 * - RHI (returns only), from the return interviews that FOLLOW_UP the episode:
 *   done = completed within 72 h of the return; late = completed after 72 h;
 *   declined = the child declined; offered = offered but not (yet) taken up;
 *   pending = nothing recorded and 72 h have not yet passed at asOf; none = nothing recorded after 72 h
 *   (or recorded as not offered).
 * - referral made / plan reviewed: a referral / risk assessment about the child within the follow-up window.
 * - overdue at asOf: rhi when none/offered and 72 h have passed; referral and plan review when the
 *   follow-up window has passed without one, except that a child already known to a panel or plan
 *   when the moment happened (knownBy not empty) is never "overdue a referral".
 */
import type { CriticalMoment, CriticalMomentKind, RhiStatus } from '../types';

export const RHI_HOURS = 72;
const HOUR = 3_600_000;

export interface InterviewRow { id: string; outcome: string; atMs: number | null; offeredMs: number | null }
export interface CriticalRow {
  eventId: string; kind: CriticalMomentKind; atMs: number; childId: string; childName: string;
  interviews: InterviewRow[]; referralIds: string[]; reviewIds: string[];
  /** How the child was already known when the moment happened (referral types, care status). */
  knownBy?: string[];
}

export function rhiStatus(returnMs: number, interviews: InterviewRow[], asOfMs: number): { status: RhiStatus; interviewId: string | null; hoursAfterReturn: number | null } {
  const rank: Record<RhiStatus, number> = { done: 0, late: 1, declined: 2, offered: 3, pending: 4, none: 5 };
  let best: { status: RhiStatus; interviewId: string | null; hoursAfterReturn: number | null } | null = null;
  for (const i of interviews) {
    const hours = i.atMs == null ? null : (i.atMs - returnMs) / HOUR;
    let status: RhiStatus;
    if (i.outcome === 'completed') status = hours != null && hours <= RHI_HOURS ? 'done' : 'late';
    else if (i.outcome === 'declined') status = 'declined';
    else if (i.outcome === 'offered_not_taken_up') status = 'offered';
    else status = 'none';
    const cand = { status, interviewId: i.id, hoursAfterReturn: hours == null ? null : Math.round(hours * 10) / 10 };
    if (!best || rank[cand.status] < rank[best.status] || (rank[cand.status] === rank[best.status] && cand.interviewId! < best.interviewId!)) best = cand;
  }
  if (best && best.status !== 'none') return best;
  const waiting = asOfMs - returnMs < RHI_HOURS * HOUR;
  return { status: waiting ? 'pending' : 'none', interviewId: best?.interviewId ?? null, hoursAfterReturn: null };
}

export function followUp(row: CriticalRow, asOfMs: number, followUpDays: number): CriticalMoment {
  const rhi = row.kind === 'ReturnFromMissing' ? rhiStatus(row.atMs, row.interviews ?? [], asOfMs) : null;
  const windowOver = asOfMs - row.atMs > followUpDays * 24 * HOUR;
  const referralMade = (row.referralIds ?? []).length > 0;
  const planReviewed = (row.reviewIds ?? []).length > 0;
  const overdue: string[] = [];
  if (rhi && (rhi.status === 'none' || rhi.status === 'offered') && asOfMs - row.atMs >= RHI_HOURS * HOUR) overdue.push('rhi');
  const knownBy = [...new Set(row.knownBy ?? [])].sort();
  if (windowOver && !referralMade && knownBy.length === 0) overdue.push('referral');
  if (windowOver && !planReviewed) overdue.push('planReview');
  return {
    eventId: row.eventId, kind: row.kind, occurredAt: new Date(row.atMs).toISOString(),
    childId: row.childId, childName: row.childName, rhi,
    referralMade, referralIds: [...(row.referralIds ?? [])].sort(), planReviewed, overdue,
    alreadyKnown: knownBy.length > 0, knownBy,
  };
}

/** RHI within 72 h rate: returns whose interview was completed within 72 h / all returns. */
export function rhiSummary(items: CriticalMoment[]): { returns: number; within72h: number; rate: number | null; byStatus: Record<RhiStatus, number> } {
  const byStatus: Record<RhiStatus, number> = { done: 0, late: 0, offered: 0, declined: 0, none: 0, pending: 0 };
  let returns = 0;
  for (const m of items) {
    if (!m.rhi) continue;
    returns += 1;
    byStatus[m.rhi.status] += 1;
  }
  return { returns, within72h: byStatus.done, rate: returns ? byStatus.done / returns : null, byStatus };
}
