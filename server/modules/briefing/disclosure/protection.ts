/**
 * The protection rule for a suppressed small count (true value 1–4), checked against the interval
 * an attacker can reach from everything published in this pack and every earlier pack:
 *
 *   the feasible integer interval [min, max] must have max − min ≥ PROTECTION_WIDTH (4),
 *   i.e. at least five values remain possible, e.g. 1–5 for a count of 1 or 2–6 for a count of 3.
 *
 * A "c" is known to be at least 1 (zeros are shown), so an interval holding 0–5 is not reachable;
 * a width of 4 is the equivalent: the attacker cannot tell a count of 1 from one of 5, so cannot
 * even tell whether the count is small. See docs/disclosure-control.md for the reasoning.
 */
import type { Interval } from './attack';

export const PROTECTION_WIDTH = 4;

export const isProtected = (i: Interval): boolean => i.max - i.min >= PROTECTION_WIDTH;

export interface Breach { key: string; truth: number; min: number; max: number; recovered: boolean }

/** Small counts (by their true values) whose interval is too narrow; recovered when pinned. */
export function breaches(intervals: Interval[], truth: (key: string) => number | undefined): Breach[] {
  return intervals.flatMap((i) => {
    const v = truth(i.key);
    if (v === undefined || v < 1 || v > 4 || isProtected(i)) return [];
    return [{ key: i.key, truth: v, min: i.min, max: i.max, recovered: i.max === i.min }];
  });
}
