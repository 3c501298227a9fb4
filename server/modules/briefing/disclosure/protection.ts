/**
 * The protection rule for a suppressed small count (true value 0–4), checked against the interval
 * an attacker can reach from everything published in this pack and every earlier pack:
 *
 *   the feasible integer interval [min, max] must have max − min ≥ PROTECTION_WIDTH (4),
 *   i.e. at least five values remain possible, e.g. 0–4 for any of them, or 1–5 for a count of 1.
 *
 * Zeros are hidden with the counts of 1–4, so 0–4 is reachable: the reader cannot tell whether any
 * child is counted, nor a count of 1 from one of 4. See docs/disclosure-control.md for the reasoning.
 */
import type { Interval } from './attack';
import { isSmall } from './types';

export const PROTECTION_WIDTH = 4;

export const isProtected = (i: Interval): boolean => i.max - i.min >= PROTECTION_WIDTH;

export interface Breach { key: string; truth: number; min: number; max: number; recovered: boolean }

/** Small counts (by their true values) whose interval is too narrow; recovered when pinned. */
export function breaches(intervals: Interval[], truth: (key: string) => number | undefined): Breach[] {
  return intervals.flatMap((i) => {
    const v = truth(i.key);
    if (v === undefined || !isSmall(v) || isProtected(i)) return [];
    return [{ key: i.key, truth: v, min: i.min, max: i.max, recovered: i.max === i.min }];
  });
}
