/** Mid-rank percentile (pure): share of values below v plus half of those equal, in [0, 1]. */
export function percentileRanks(values: number[]): number[] {
  const n = values.length;
  if (n === 0) return [];
  const sorted = [...values].sort((a, b) => a - b);
  const below = (v: number): number => {
    let lo = 0, hi = n;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < v) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const upTo = (v: number): number => {
    let lo = 0, hi = n;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] <= v) lo = mid + 1; else hi = mid; }
    return lo;
  };
  return values.map((v) => {
    const b = below(v);
    const e = upTo(v) - b;
    return (b + e / 2) / n;
  });
}
