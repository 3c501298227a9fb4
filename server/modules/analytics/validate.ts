/** Small argument checks shared by the analytics services. */
import { AnalyticsInputError } from '../../domain/input-error';

export function checkLimit(limit: unknown, fallback: number, max = 500, field = 'limit'): number {
  if (limit === undefined || limit === null) return fallback;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new AnalyticsInputError(field, `must be an integer from 1 to ${max}`);
  }
  return limit;
}

/** How many items of a ranked list to skip: a whole number from 0 (default 0). */
export function checkOffset(offset: unknown): number {
  if (offset === undefined || offset === null) return 0;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > 1_000_000) {
    throw new AnalyticsInputError('offset', 'must be an integer from 0 to 1000000');
  }
  return offset;
}

export function checkNumber(value: unknown, fallback: number, min: number, max: number, field: string): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new AnalyticsInputError(field, `must be a number from ${min} to ${max}`);
  }
  return value;
}

export function checkInstant(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new AnalyticsInputError(field, 'must be an ISO date-time');
  return ms;
}
