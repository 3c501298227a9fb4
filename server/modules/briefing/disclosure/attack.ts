/**
 * The attacker: from everything published (values, "c" marks and the sums that tie rows, columns,
 * totals and shared quantities together) compute the feasible integer interval of every
 * suppressed quantity. A suppressed count is at least 0 (zeros are hidden with the small counts).
 * Used to audit the suppression and, in tests, to prove no "c" can be worked back or narrowed too far.
 */
import { PublishedTable, Published, SUPPRESSED } from './types';
import { integerBounds, IntegerSystem } from './ip';

export interface Interval { key: string; min: number; max: number }

export interface AttackOptions {
  /**
   * A series of packs: a quantity printed as a number in one pack and "c" in another is known
   * (the number is used). Without it, such a disagreement is an error in the tables.
   */
  merge?: boolean;
  /** Extra bounds an attacker has on some quantities (e.g. from statistics printed in the text). */
  bounds?: Map<string, [number, number]>;
  /** Work out intervals only for these quantities (and what they are tied to); default all. */
  only?: Set<string>;
}

type Term = { key: string; value: Published };
export interface Equation { terms: Term[]; total: Term }

export function equations(t: PublishedTable): Equation[] {
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

/** Every quantity published across the tables, by key. */
export function publishedValues(tables: PublishedTable[], merge = false): Map<string, Published> {
  const values = new Map<string, Published>();
  const note = (key: string, v: Published): void => {
    const prior = values.get(key);
    if (prior !== undefined && prior !== v) {
      if (!merge) throw new Error(`disclosure: "${key}" is published as ${prior} and as ${v}`);
      if (prior !== SUPPRESSED) return;
    }
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

/** Groups of unknowns tied together by some sum (solved separately: far smaller programmes). */
function components(unknown: string[], eqs: Array<string[]>): string[][] {
  const parent = new Map(unknown.map((k) => [k, k]));
  const find = (k: string): string => { let r = k; while (parent.get(r) !== r) r = parent.get(r)!; parent.set(k, r); return r; };
  for (const ks of eqs) for (const k of ks.slice(1)) parent.set(find(k), find(ks[0]));
  const groups = new Map<string, string[]>();
  for (const k of unknown) groups.set(find(k), [...(groups.get(find(k)) ?? []), k]);
  return [...groups.values()];
}

/** One group of unknowns tied together by published sums, as an integer system over `keys`. */
export interface ComponentSystem { keys: string[]; system: IntegerSystem }

/**
 * The attacker's integer systems: one per group of suppressed quantities tied together by some
 * published sum, with every "c" at least 0 and any extra bounds the attacker has.
 */
export function systems(tables: PublishedTable[], opts: AttackOptions = {}): { unknown: string[]; components: ComponentSystem[] } {
  const values = publishedValues(tables, opts.merge);
  const valueOf = (t: Term): Published => values.get(t.key)!;
  const unknown = [...values.entries()].filter(([, v]) => v === SUPPRESSED).map(([k]) => k);
  if (unknown.length === 0) return { unknown, components: [] };
  // Σ terms − total = 0 for every published sum; only sums with a "c" constrain anything.
  const eqs = tables.flatMap(equations).map((eq) => [...eq.terms.map((t) => ({ ...t, sign: 1 })), { ...eq.total, sign: -1 }])
    .filter((eq) => eq.some((t) => valueOf(t) === SUPPRESSED));
  const out: ComponentSystem[] = [];
  for (const keys of components(unknown, eqs.map((eq) => eq.filter((t) => valueOf(t) === SUPPRESSED).map((t) => t.key)))) {
    if (opts.only && !keys.some((k) => opts.only!.has(k))) continue;
    const index = new Map(keys.map((k, i) => [k, i]));
    // A "c" is at least 0; further bounds come from what the attacker knows.
    const system: IntegerSystem = {
      rows: [], rhs: [], n: keys.length,
      lower: keys.map((k) => opts.bounds?.get(k)?.[0] ?? 0),
      upper: keys.map((k) => opts.bounds?.get(k)?.[1] ?? Infinity),
    };
    for (const eq of eqs) {
      // A sum's unknowns all lie in one component: skip sums of other components.
      if (!index.has(eq.find((t) => valueOf(t) === SUPPRESSED)!.key)) continue;
      const row = new Map<number, number>();
      let rhs = 0;
      for (const t of eq) {
        const v = valueOf(t);
        if (v === SUPPRESSED) row.set(index.get(t.key)!, (row.get(index.get(t.key)!) ?? 0) + t.sign);
        else rhs -= t.sign * v;
      }
      for (const [j, a] of [...row]) if (a === 0) row.delete(j);
      if (row.size) { system.rows.push(row); system.rhs.push(rhs); }
    }
    out.push({ keys, system });
  }
  return { unknown, components: out };
}

/** Feasible integer [min, max] of every suppressed quantity given all the published tables together. */
export function attack(tables: PublishedTable[], opts: AttackOptions = {}): Interval[] {
  const { unknown, components: comps } = systems(tables, opts);
  const out = new Map<string, Interval>();
  for (const { keys, system } of comps) {
    keys.forEach((key, k) => {
      const [min, max] = integerBounds(system, k);
      out.set(key, { key, min, max });
    });
  }
  return unknown.filter((k) => out.has(k)).map((k) => out.get(k)!);
}

/** Suppressed quantities an attacker can pin to one value. */
export const pinned = (tables: PublishedTable[], opts: AttackOptions = {}): Interval[] =>
  attack(tables, opts).filter((i) => i.max - i.min < 0.5);
