export * from './types';
export { controlTables } from './suppress';
export { attack, pinned } from './attack';
export type { Interval } from './attack';
export { percent, mean, relativeRateIndex, rriText, MIN_DENOMINATOR } from './rates';
