/**
 * Quarters as 'YYYY-Qn' and the time windows derived from them (UTC). Pure.
 */
import { AnalyticsInputError } from './input-error';

export interface Period {
  quarter: string;
  /** Inclusive start, ISO datetime (UTC midnight). */
  start: string;
  /** Exclusive end, ISO datetime: the first instant of the next quarter. */
  end: string;
  startMs: number;
  endMs: number;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
export const DAY_MS = 86_400_000;

export function parseQuarter(quarter: unknown, field = 'quarter'): Period {
  if (typeof quarter !== 'string') throw new AnalyticsInputError(field, 'must be a string like 2025-Q3');
  const m = QUARTER.exec(quarter.trim());
  if (!m) throw new AnalyticsInputError(field, `"${quarter.slice(0, 20)}" is not a quarter like 2025-Q3`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  if (year < 1990 || year > 2100) throw new AnalyticsInputError(field, `year ${year} is out of range`);
  const startMs = Date.UTC(year, (q - 1) * 3, 1);
  const endMs = Date.UTC(year, q * 3, 1);
  return { quarter: `${year}-Q${q}`, start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString(), startMs, endMs };
}

export function shiftQuarter(quarter: string, by: number): string {
  const m = QUARTER.exec(quarter);
  if (!m) throw new AnalyticsInputError('quarter', `"${quarter}" is not a quarter`);
  const idx = Number(m[1]) * 4 + Number(m[2]) - 1 + by;
  return `${Math.floor(idx / 4)}-Q${(idx % 4) + 1}`;
}

export const previousQuarter = (quarter: string): string => shiftQuarter(quarter, -1);

/** Quarters from `from` to `to` inclusive, in order. */
export function quarterRange(from: string, to: string): string[] {
  const a = parseQuarter(from, 'from');
  const b = parseQuarter(to, 'to');
  if (a.startMs > b.startMs) throw new AnalyticsInputError('from', `${from} is after ${to}`);
  const out: string[] = [];
  for (let q = a.quarter; ; q = shiftQuarter(q, 1)) {
    out.push(q);
    if (q === b.quarter) break;
    if (out.length > 200) throw new AnalyticsInputError('from', 'range longer than 200 quarters');
  }
  return out;
}

export function quarterOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** Age at an instant of a period, for the briefing's tables: the same function as age.ts's ageOn. */
export { ageOn as ageAt, ageBand } from './age';
