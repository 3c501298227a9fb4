/**
 * The period of the data the signed-in user may see (`dataPeriod`), and the months and quarters
 * the workspace offers over it: the quarter pickers list its quarters, the time bar its months.
 * Months are counted as year × 12 + month − 1 (UTC), so a span is a plain integer range. Pure.
 */

/** A month as a number: year × 12 + (month − 1). */
export type Month = number;

/** The first and last months with events, inclusive. */
export interface MonthSpan { first: Month; last: Month }

const pad = (n: number): string => String(n).padStart(2, '0');

/** The month of an ISO date or date-time ('2017-03-01', '2017-03'). */
export const monthOf = (iso: string): Month => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
/** 'YYYY-MM', as an <input type="month"> takes it. */
export const monthKey = (m: Month): string => `${Math.floor(m / 12)}-${pad((m % 12) + 1)}`;
export const monthStart = (m: Month): string => `${monthKey(m)}-01`;
export const monthEnd = (m: Month): string => {
  const y = Math.floor(m / 12);
  const last = new Date(Date.UTC(y, (m % 12) + 1, 0)).getUTCDate();
  return `${monthKey(m)}-${pad(last)}`;
};
/** 'Mar 2017'. */
export const monthName = (m: Month): string =>
  new Date(Date.UTC(Math.floor(m / 12), m % 12, 1)).toLocaleString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 'YYYY-MM' typed or picked in a month input, or undefined when it is not one. */
export function parseMonthKey(text: string): Month | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return undefined;
  return monthOf(text.trim());
}

/** How many months with no events are offered: the year to the current month. */
const EMPTY_MONTHS = 12;

/**
 * The months of the data as the server gave them. With no event the caller may see, the twelve
 * months to `today`'s, so the time bar and the quarter pickers still have something to offer.
 */
export function periodMonths(p: { first?: string | null; last?: string | null } | undefined, today = new Date()): MonthSpan {
  if (p?.first && p.last) return { first: monthOf(p.first), last: monthOf(p.last) };
  const now = today.getUTCFullYear() * 12 + today.getUTCMonth();
  return { first: now - EMPTY_MONTHS + 1, last: now };
}

export const quarterOfMonth = (m: Month): string => `${Math.floor(m / 12)}-Q${Math.floor((m % 12) / 3) + 1}`;

/** The quarters of a span, the most recent first. */
export function quartersOf(span: MonthSpan): string[] {
  const out: string[] = [];
  const firstQuarter = span.first - (span.first % 3);
  for (let m = span.last - (span.last % 3); m >= firstQuarter; m -= 3) out.push(quarterOfMonth(m));
  return out;
}

/**
 * The months the time bar's sliders cover when the period is first shown: all of it, or its last
 * `max` months when it is longer (the reader widens or moves that range with its month inputs).
 */
export const defaultSpan = (period: MonthSpan, max: number): MonthSpan =>
  ({ first: Math.max(period.first, period.last - max + 1), last: period.last });

/**
 * A range the reader chose, kept inside the period and at most `max` months long: when it is too
 * long, the end the reader did not just move follows the one they did.
 */
export function clampSpan(chosen: MonthSpan, period: MonthSpan, max: number, moved: 'first' | 'last'): MonthSpan {
  let first = Math.min(Math.max(chosen.first, period.first), period.last);
  let last = Math.min(Math.max(chosen.last, period.first), period.last);
  if (first > last) { if (moved === 'first') last = first; else first = last; }
  if (last - first + 1 > max) { if (moved === 'first') last = first + max - 1; else first = last - max + 1; }
  return { first, last };
}
