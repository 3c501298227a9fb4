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
  if (unknown.length === 0) return [];
  // Σ terms − total = 0 for every published sum; only sums with a "c" constrain anything.
  const eqs = tables.flatMap(equations).filter((eq) => [...eq.terms, eq.total].some((t) => t.value === SUPPRESSED));
  // Independent systems (tables not tied by shared keys) are solved separately: far smaller LPs.
  const parent = new Map(unknown.map((k) => [k, k]));
  const find = (k: string): string => { let r = k; while (parent.get(r) !== r) r = parent.get(r)!; parent.set(k, r); return r; };
  for (const eq of eqs) {
    const ks = [...eq.terms, eq.total].filter((t) => t.value === SUPPRESSED).map((t) => find(t.key));
    for (const k of ks.slice(1)) parent.set(k, ks[0]);
  }
  const groups = new Map<string, string[]>();
  for (const k of unknown) groups.set(find(k), [...(groups.get(find(k)) ?? []), k]);
  const out = new Map<string, Interval>();
  for (const keys of groups.values()) {
    const index = new Map(keys.map((k, i) => [k, i]));
    const n = keys.length;
    const A: number[][] = [];
    const b: number[] = [];
    for (const eq of eqs) {
      const first = [...eq.terms, eq.total].find((t) => t.value === SUPPRESSED)!;
      if (!index.has(first.key)) continue;
      const row = Array(n).fill(0);
      let rhs = 0;
      // x = y + 1 for every suppressed x (a "c" is at least 1: zeros are shown).
      const add = (term: Term, sign: number): void => {
        if (term.value === SUPPRESSED) { row[index.get(term.key)!] += sign; rhs -= sign; } else rhs -= sign * term.value;
      };
      eq.terms.forEach((term) => add(term, 1));
      add(eq.total, -1);
      if (row.some((v) => v !== 0)) { A.push(row); b.push(rhs); }
    }
    keys.forEach((key, k) => {
      if (A.length === 0) { out.set(key, { key, min: 1, max: Infinity }); return; }
      const [lo, hi] = variableBounds(A, b, k, n);
      out.set(key, { key, min: lo + 1, max: hi + 1 });
    });
  }
  return unknown.map((k) => out.get(k)!);
}

/** Suppressed quantities an attacker can pin to one value. */
export const pinned = (tables: PublishedTable[]): Interval[] =>
  attack(tables).filter((i) => i.max - i.min < 0.5);
