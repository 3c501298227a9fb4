/**
 * Rates under disclosure control: no percentage, mean or rate index over fewer than 10 children,
 * and none whose numerator was suppressed (it would give the "c" back).
 */
export const MIN_DENOMINATOR = 10;

export interface RateOptions {
  /** Partner edition: apply the rules; restricted edition shows every rate. */
  control: boolean;
  numeratorSuppressed?: boolean;
}

export function percent(numerator: number, denominator: number, opts: RateOptions): string {
  if (denominator === 0) return '–';
  if (opts.control && (denominator < MIN_DENOMINATOR || opts.numeratorSuppressed)) return 'c';
  return `${Math.round((100 * numerator) / denominator)}%`;
}

export function mean(total: number, children: number, opts: RateOptions, digits = 1): string {
  if (children === 0) return '–';
  if (opts.control && children < MIN_DENOMINATOR) return 'c';
  return (total / children).toFixed(digits);
}

/**
 * Relative rate index: the group's share among children at risk over its share of the borough
 * population. Undefined (null) when the group is absent from the baseline.
 */
export function relativeRateIndex(groupAtRisk: number, allAtRisk: number, groupPopulation: number, allPopulation: number): number | null {
  if (groupPopulation <= 0 || allPopulation <= 0 || allAtRisk <= 0) return null;
  return (groupAtRisk / allAtRisk) / (groupPopulation / allPopulation);
}

export function rriText(groupAtRisk: number, rri: number | null, opts: RateOptions): string {
  if (rri === null) return '–';
  if (opts.control && (groupAtRisk < MIN_DENOMINATOR || opts.numeratorSuppressed)) return 'c';
  return rri.toFixed(2);
}
