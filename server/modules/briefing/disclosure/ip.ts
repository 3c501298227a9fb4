/**
 * Integer bounds for the disclosure attacker: the least and greatest value of one unknown count
 * over every integer solution of A·y = b, lo ≤ y ≤ hi (a mixed-integer programme, solved with
 * yalps' branch and bound). Tables tied together by shared quantities across tables and packs are
 * not totally unimodular, so LP bounds could be wider than what an attacker can really reach.
 */
import { solve, Model } from 'yalps';

export interface IntegerSystem {
  /** Rows of coefficients over n unknowns (sparse: index → coefficient). */
  rows: Array<Map<number, number>>;
  rhs: number[];
  n: number;
  /** Per-unknown bounds; lower defaults to 0, upper to none. */
  lower?: number[];
  upper?: number[];
}

function model(s: IntegerSystem, k: number, direction: 'maximize' | 'minimize'): Model<number, string> {
  const constraints = new Map<string, { equal?: number; min?: number; max?: number }>();
  s.rhs.forEach((b, i) => constraints.set(`e${i}`, { equal: b }));
  const variables = new Map<number, Map<string, number>>();
  for (let j = 0; j < s.n; j += 1) {
    const coef = new Map<string, number>();
    constraints.set(`b${j}`, { min: s.lower?.[j] ?? 0, ...(s.upper?.[j] !== undefined && Number.isFinite(s.upper[j]) ? { max: s.upper[j] } : {}) });
    coef.set(`b${j}`, 1);
    if (j === k) coef.set('objective', 1);
    variables.set(j, coef);
  }
  s.rows.forEach((row, i) => row.forEach((a, j) => variables.get(j)!.set(`e${i}`, a)));
  return { direction, objective: 'objective', constraints, variables, integers: true };
}

/** [min, max] of unknown k over the integer solutions; NaN when there is none, Infinity when unbounded. */
export function integerBounds(s: IntegerSystem, k: number): [number, number] {
  const hi = solve(model(s, k, 'maximize'));
  if (hi.status === 'infeasible') return [NaN, NaN];
  const lo = solve(model(s, k, 'minimize'));
  const max = hi.status === 'unbounded' ? Infinity : Math.round(hi.result);
  return [Math.round(lo.result), max];
}

/**
 * An integer solution of the system as close as possible (least total absolute difference, each
 * unknown's difference weighted by `weights` when given) to `near`, or undefined when there is none.
 */
export function nearestSolution(s: IntegerSystem, near: number[], weights?: number[]): number[] | undefined {
  const constraints = new Map<string, { equal?: number; min?: number; max?: number }>();
  const variables = new Map<string, Map<string, number>>();
  s.rhs.forEach((b, i) => constraints.set(`e${i}`, { equal: b }));
  for (let j = 0; j < s.n; j += 1) {
    const upper = s.upper?.[j];
    constraints.set(`b${j}`, { min: s.lower?.[j] ?? 0, ...(upper !== undefined && Number.isFinite(upper) ? { max: upper } : {}) });
    // y_j − up_j + down_j = near_j, with up_j, down_j ≥ 0 counted in the objective.
    constraints.set(`d${j}`, { equal: near[j] });
    variables.set(`y${j}`, new Map([[`b${j}`, 1], [`d${j}`, 1]]));
    const weight = weights?.[j] ?? 1;
    variables.set(`u${j}`, new Map([[`d${j}`, -1], ['objective', weight]]));
    variables.set(`w${j}`, new Map([[`d${j}`, 1], ['objective', weight]]));
  }
  s.rows.forEach((row, i) => row.forEach((a, j) => variables.get(`y${j}`)!.set(`e${i}`, a)));
  const solution = solve({ direction: 'minimize', objective: 'objective', constraints, variables, integers: true }, { includeZeroVariables: true });
  if (solution.status !== 'optimal') return undefined;
  const y = Array<number>(s.n).fill(0);
  for (const [name, v] of solution.variables) if (name.startsWith('y')) y[Number(name.slice(1))] = Math.round(v);
  return y;
}
