/**
 * Stable community ids across quarters (pure): each community of this quarter inherits the id of
 * the previous quarter's community it overlaps most (Jaccard ≥ MIN_JACCARD, one-to-one, greedy by
 * overlap); unmatched communities get a new id; unmatched previous ones are dormant.
 */
import { createHash } from 'node:crypto';
import type { CommunityStatus } from '../types';

export const MIN_JACCARD = 0.3;

export interface Named { id: string; members: string[] }
export interface Matched extends Named { status: CommunityStatus; previousSize: number | null; overlap: number | null }

export function jaccard(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  let inter = 0;
  for (const x of new Set(b)) if (sa.has(x)) inter += 1;
  const union = sa.size + new Set(b).size - inter;
  return union === 0 ? 0 : inter / union;
}

/**
 * A new id from the membership alone (a short hash of the smallest member id), so the same
 * community gets the same id whichever quarter a chain of matches starts from.
 */
export const newCommunityId = (members: string[]): string =>
  `PN-${createHash('sha256').update([...members].sort()[0]).digest('hex').slice(0, 8)}`;

export function matchCommunities(current: string[][], previous: Named[]): { matched: Matched[]; dormant: Named[] } {
  const pairs: Array<{ i: number; j: number; s: number }> = [];
  current.forEach((c, i) => previous.forEach((p, j) => {
    const s = jaccard(c, p.members);
    if (s >= MIN_JACCARD) pairs.push({ i, j, s });
  }));
  pairs.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  const curTaken = new Map<number, { j: number; s: number }>();
  const prevTaken = new Set<number>();
  for (const p of pairs) {
    if (curTaken.has(p.i) || prevTaken.has(p.j)) continue;
    curTaken.set(p.i, { j: p.j, s: p.s });
    prevTaken.add(p.j);
  }
  const usedIds = new Set<string>();
  const matched: Matched[] = current.map((members, i) => {
    const m = curTaken.get(i);
    if (!m) return { id: '', members, status: 'new' as CommunityStatus, previousSize: null, overlap: null };
    const prev = previous[m.j];
    usedIds.add(prev.id);
    return { id: prev.id, members, status: growth(members.length, prev.members.length), previousSize: prev.members.length, overlap: Math.round(m.s * 1000) / 1000 };
  });
  for (const m of matched) {
    if (m.id) continue;
    let id = newCommunityId(m.members);
    for (let k = 2; usedIds.has(id); k++) id = `${newCommunityId(m.members)}-${k}`;
    usedIds.add(id);
    m.id = id;
  }
  return { matched, dormant: previous.filter((_, j) => !prevTaken.has(j)) };
}

/** growing: ≥ 20% and ≥ 2 more members; shrinking: ≥ 20% and ≥ 2 fewer; else stable. */
export function growth(size: number, previousSize: number): CommunityStatus {
  if (size - previousSize >= 2 && size >= previousSize * 1.2) return 'growing';
  if (previousSize - size >= 2 && size <= previousSize * 0.8) return 'shrinking';
  return 'stable';
}
