/**
 * The attacker: from everything published (values, "c" marks and the sums that tie rows, columns,
 * totals and shared margins together) compute the feasible interval of every suppressed quantity.
 * A suppressed count is at least 1 (zeros are shown as 0). Used to audit the suppression and, in
 * tests, to prove no "c" can be worked back.
 */
import { PublishedTable, Published, SUPPRESSED } from './types';
import { variableBounds } from './simplex';

export interface Interval { key: string; min: number; max: number }

type Term = { key: string; value: Published };
interface Equation { terms: Term[]; total: Term }

function equations(t: PublishedTable): Equation[] {
  const eqs: Equation[] = [];
  const cell = (r: number, c: number): Term => ({ key: t.keys.cells[r][c], value: t.cells[r][c] });
  const rowT = (r: number): Term => ({ key: t.keys.rowTotals![r], value: t.rowTotals![r] });
  const colT = (c: number): Term => ({ key: t.keys.colTotals![c], value: t.colTotals![c] });
  if (t.rowTotals) t.rows.forEach((_, r) => eqs.push({ terms: t.cols.map((__, c) => cell(r, c)), total: rowT(r) }));
  if (t.colTotals) t.cols.forEach((_, c) => eqs.push({ terms: t.rows.map((__, r) => cell(r, c)), total: colT(c) }));
  if (t.grandTotal !== undefined) {
    const total = { key: t.keys.grandTotal!, value: t.grandTotal };
    if (t.rowTotals) eqs.push({ terms: t.rows.map((_, r) => rowT(r)), total });
    if (t.colTotals) eqs.push({ terms: t.cols.map((_, c) => colT(c)), total });
    if (!t.rowTotals && !t.colTotals) eqs.push({ terms: t.rows.flatMap((_, r) => t.cols.map((__, c) => cell(r, c))), total });
  }
  return eqs;
}

/** Every quantity published across the tables, by key (a key published twice must agree). */
function publishedValues(tables: PublishedTable[]): Map<string, Published> {
  const values = new Map<string, Published>();
  const note = (key: string, v: Published): void => {
    const prior = values.get(key);
    if (prior !== undefined && prior !== v) throw new Error(`disclosure: "${key}" is published as ${prior} and as ${v}`);
    values.set(key, v);
  };
  for (const t of tables) {
    t.cells.forEach((row, r) => row.forEach((v, c) => note(t.keys.cells[r][c], v)));
    t.rowTotals?.forEach((v, r) => note(t.keys.rowTotals![r], v));
    t.colTotals?.forEach((v, c) => note(t.keys.colTotals![c], v));
    if (t.grandTotal !== undefined) note(t.keys.grandTotal!, t.grandTotal);
  }
  return values;
}

/** Feasible [min, max] of every suppressed quantity given all the published tables together. */
export function attack(tables: PublishedTable[]): Interval[] {
  const values = publishedValues(tables);
  const unknown = [...values.entries()].filter(([, v]) => v === SUPPRESSED).map(([k]) => k);
  const index = new Map(unknown.map((k, i) => [k, i]));
  const n = unknown.length;
  if (n === 0) return [];
  const A: number[][] = [];
  const b: number[] = [];
  for (const eq of tables.flatMap(equations)) {
    // Σ terms − total = 0, with x = y + 1 for every suppressed x.
    const row = Array(n).fill(0);
    let rhs = 0;
    const add = (term: Term, sign: number): void => {
      if (term.value === SUPPRESSED) {
        row[index.get(term.key)!] += sign;
        rhs -= sign;
      } else rhs -= sign * term.value;
    };
    eq.terms.forEach((term) => add(term, 1));
    add(eq.total, -1);
    if (row.some((v) => v !== 0)) { A.push(row); b.push(rhs); }
  }
  return unknown.map((key, k) => {
    if (A.length === 0) return { key, min: 1, max: Infinity };
    const [lo, hi] = variableBounds(A, b, k, n);
    return { key, min: lo + 1, max: hi + 1 };
  });
}

/** Suppressed quantities an attacker can pin to one value. */
export const pinned = (tables: PublishedTable[]): Interval[] =>
  attack(tables).filter((i) => i.max - i.min < 0.5);
