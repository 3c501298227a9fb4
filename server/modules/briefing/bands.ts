/**
 * Counts of events shown as bands where a small count would be disclosive (events involve
 * children): the data-sources line of the partner edition.
 */
const BANDS: Array<[number, string]> = [[1_000, '1,000 or more'], [100, '100–999'], [10, '10–99'], [1, 'fewer than 10']];

export function eventBand(n: number): string {
  if (n <= 0) return 'none';
  return BANDS.find(([least]) => n >= least)![1];
}
