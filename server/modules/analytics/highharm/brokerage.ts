/**
 * Brokerage as a participation coefficient (pure): P = 1 − Σ_c (k_c / k)², where k is the number
 * of linked children and k_c those in peer community c. 0 when all are in one community; close to
 * 1 when they are spread over many. Children in no community of the quarter count as their own.
 * Chosen over betweenness: exact betweenness takes minutes at borough scale (STACK-NOTES).
 */
export function participationCoefficient(childIds: Iterable<string>, communityOf: Map<string, string>): number {
  const counts = new Map<string, number>();
  let k = 0;
  for (const id of new Set(childIds)) {
    const c = communityOf.get(id) ?? `solo:${id}`;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    k += 1;
  }
  if (k === 0) return 0;
  let s = 0;
  for (const n of counts.values()) s += (n / k) ** 2;
  return 1 - s;
}
