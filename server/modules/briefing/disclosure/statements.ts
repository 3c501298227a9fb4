/**
 * Statistics printed in a pack's text, recorded with the quantities they were computed from, so
 * the series attacker can use them: a statistic over a suppressed input narrows that input to the
 * values that reproduce the printed figure. The pack prints none with a suppressed input.
 */
import { poissonChange } from '../../analytics/trends/stats';
import type { Interval } from './attack';

/**
 * "x this quarter against the mean of the earlier quarters": z = (x − λ) / √λ, printed to
 * `digits`. Inputs are published quantities (keys) or, for quarters before the data begin (not
 * printed, known to be 0), numbers.
 */
export interface PoissonStatement { kind: 'poisson-z'; x: string; earlier: Array<string | number>; statistic: number; digits: number }
/** A statistic over counts no table of the pack publishes (e.g. girls among children at risk per type). */
export interface UnpublishedStatement { kind: 'unpublished'; description: string; statistic: number }
export type Statement = PoissonStatement | UnpublishedStatement;

export const inputsOf = (s: PoissonStatement): string[] => [s.x, ...s.earlier].filter((k): k is string => typeof k === 'string');

const reproduces = (s: PoissonStatement, v: Map<string, number>): boolean => {
  const { z } = poissonChange(v.get(s.x)!, s.earlier.map((k) => (typeof k === 'number' ? k : v.get(k)!)));
  return z.toFixed(s.digits) === s.statistic.toFixed(s.digits);
};

/** Printed statistics with an input that is suppressed or not published at all (the rule: none). */
export const overHiddenInputs = (statements: Statement[], known: Map<string, number>): Statement[] =>
  statements.filter((s) => s.kind === 'unpublished' || inputsOf(s).some((k) => !known.has(k)));

/** Attacker's search limits: unknowns per statement and values tried per unknown. */
const MAX_UNKNOWNS = 3;
const MAX_VALUES = 400;

/**
 * New bounds for suppressed inputs of printed statistics: every combination of the unknown inputs
 * within their intervals (capped) is tried and only those reproducing the printed figure are kept.
 */
export function narrowByStatements(statements: Statement[], known: Map<string, number>, intervals: Map<string, Interval>): Map<string, [number, number]> {
  const bounds = new Map<string, [number, number]>();
  for (const s of statements) {
    if (s.kind !== 'poisson-z') continue;
    const unknown = [...new Set(inputsOf(s).filter((k) => !known.has(k)))];
    if (unknown.length === 0 || unknown.length > MAX_UNKNOWNS) continue;
    const ranges = unknown.map((k) => {
      const i = intervals.get(k) ?? { key: k, min: 1, max: Infinity };
      return [i.min, Math.min(i.max, i.min + MAX_VALUES)] as [number, number];
    });
    const seen = unknown.map(() => [Infinity, -Infinity]);
    const values = new Map(known);
    const walk = (j: number): void => {
      if (j === unknown.length) {
        if (reproduces(s, values)) unknown.forEach((k, i) => { seen[i][0] = Math.min(seen[i][0], values.get(k)!); seen[i][1] = Math.max(seen[i][1], values.get(k)!); });
        return;
      }
      for (let v = ranges[j][0]; v <= ranges[j][1]; v += 1) { values.set(unknown[j], v); walk(j + 1); }
    };
    walk(0);
    unknown.forEach((k, i) => {
      if (seen[i][0] > seen[i][1]) return;
      const prior = bounds.get(k);
      bounds.set(k, prior ? [Math.max(prior[0], seen[i][0]), Math.min(prior[1], seen[i][1])] : [seen[i][0], seen[i][1]]);
    });
  }
  return bounds;
}
