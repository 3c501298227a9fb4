/**
 * The middle value of a list of numbers (the input is not reordered). With an even count, the mean
 * of the two middle values; an empty list has no median (NaN).
 */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
