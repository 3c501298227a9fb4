/**
 * The rule's own replay. The suppression rule is published (the pack's method note, this
 * repository), so a reader can re-run it: a candidate value of a suppressed quantity is only
 * possible if some completion of every "c" consistent with the published figures makes the rule
 * produce exactly the published pattern of "c", pack by pack (each pack planned against the
 * packs before it, as the product plans it).
 *
 * An exact replay searches over every completion, which is exponential. This one is sound for the
 * protection check instead: a value is kept only when a witness is found, a concrete completion
 * that satisfies every published sum and bound and on which the rule, re-run, reproduces every
 * pack's pattern. The witnesses are searched near a completion known to reproduce the packs (the
 * true figures): the nearest integer solution with the candidate value that keeps every other
 * quantity on its side of the threshold (0–4 or 5+), then the nearest one without that condition,
 * then (when the candidate crosses the threshold) ones where a hidden quantity of the same table
 * crosses the other way. Where those leave a small count below the protection rule, the search is
 * widened to completions that hold one hidden quantity of the table at its baseline, or change
 * only one of them.
 * Values with no witness found are excluded, so the narrowed interval is never wider than what a
 * replaying reader really reaches; if it still meets the protection rule, so does the reader's.
 * Above `ceiling` values are not searched: a witness at the ceiling keeps the interval's maximum;
 * below it, values more than PROTECTION_WIDTH above the baseline are not tried.
 */
import { systems } from './attack';
import type { Interval } from './attack';
import { nearestSolution } from './ip';
import { mulberry32 } from '../../../domain/rng';
import { PROTECTION_WIDTH, isProtected } from './protection';
import { controlTables } from './suppress';
import { CountTable, PublishedTable, SUPPRESSED, isSmall } from './types';

/** A suppression rule: the published tables of one pack, planned against the earlier packs' tables. */
export type SuppressionRule = (tables: CountTable[], earlier: PublishedTable[]) => PublishedTable[];

/** The product's rule (suppress.ts), as the partner edition runs it. */
export const productRule: SuppressionRule = (tables, earlier) => controlTables(tables, { control: true, earlier });

export interface ReplayPack { quarter: string; tables: PublishedTable[] }

export interface ReplayOptions {
  /** A completion that reproduces every pack (the figures the packs were built from). */
  baseline: Map<string, number>;
  /** Quantities whose intervals are narrowed (default: every suppressed one with a baseline). */
  only?: Set<string>;
  rule?: SuppressionRule;
  /** Bounds the attacker already has (e.g. from statistics in the text). */
  bounds?: Map<string, [number, number]>;
  /** Values more than this above the baseline value are not searched. */
  ceiling?: number;
  /**
   * Packs before this index are not re-run (their baseline is not known, e.g. when a new pack is
   * built and only its own figures are at hand): their patterns are then not checked.
   */
  from?: number;
}

export interface ReplayResult {
  intervals: Interval[];
  /** Quantities whose interval the replay narrowed, with the interval before. */
  narrowed: Array<{ key: string; before: Interval; after: Interval }>;
  /** Times the rule was re-run. */
  runs: number;
}

const DEFAULT_CEILING = 8;
/** Hidden quantities of the same table tried as the other side of a swap (all of them when thorough). */
const SWAPS = 3;
/** Differently weighed nearest completions a thorough search tries. */
const REWEIGHINGS = 8;

/** The same tries on every run: a generator seeded by a hash of the text. */
const seeded = (text: string): (() => number) => mulberry32([...text].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619), 2166136261));

/** Keys of every entry of a published table with its published value. */
function entries(t: PublishedTable): Array<[string, PublishedTable['cells'][number][number]]> {
  return [
    ...t.cells.flatMap((row, r) => row.map((v, c) => [t.keys.cells[r][c], v] as [string, typeof v])),
    ...(t.rowTotals ?? []).map((v, r) => [t.keys.rowTotals![r], v] as [string, typeof v]),
    ...(t.colTotals ?? []).map((v, c) => [t.keys.colTotals![c], v] as [string, typeof v]),
    ...(t.grandTotal !== undefined ? [[t.keys.grandTotal!, t.grandTotal] as [string, typeof t.grandTotal]] : []),
  ];
}

/** The table as the rule saw it: published numbers, and the completion's value for each "c". */
function completed(t: PublishedTable, value: (key: string) => number | undefined): CountTable | undefined {
  const cells: number[][] = [];
  for (let r = 0; r < t.rows.length; r += 1) {
    const row: number[] = [];
    for (let c = 0; c < t.cols.length; c += 1) {
      const v = t.cells[r][c];
      const n = v === SUPPRESSED ? value(t.keys.cells[r][c]) : v;
      if (n === undefined) return undefined;
      row.push(n);
    }
    cells.push(row);
  }
  return {
    id: t.id, title: t.title, unit: t.unit, rowHeader: t.rowHeader, rows: t.rows, cols: t.cols, cells,
    showRowTotals: !!t.rowTotals, showColTotals: !!t.colTotals, showGrandTotal: t.grandTotal !== undefined,
    cellKeys: t.keys.cells, rowTotalKeys: t.keys.rowTotals ?? t.rows.map((_, r) => `${t.id}|row${r}`),
    colTotalKeys: t.keys.colTotals ?? t.cols.map((_, c) => `${t.id}|col${c}`), grandTotalKey: t.keys.grandTotal ?? `${t.id}|total`,
    ...(t.notAboutPeople ? { notAboutPeople: true } : {}),
  };
}

export function replayIntervals(packs: ReplayPack[], intervals: Interval[], opts: ReplayOptions): ReplayResult {
  const rule = opts.rule ?? productRule;
  const ceiling = opts.ceiling ?? DEFAULT_CEILING;
  const tables = packs.flatMap((p) => p.tables);
  const packKeys = packs.map((p) => new Set(p.tables.flatMap((t) => entries(t).map(([k]) => k))));
  const pattern = packs.map((p) => p.tables.map((t) => entries(t).map(([, v]) => v === SUPPRESSED)));
  let runs = 0;

  /** Does the rule, re-run on pack i with these values for its "c", print the same "c"? */
  const reproduces = (i: number, value: (key: string) => number | undefined): boolean => {
    const counts = packs[i].tables.map((t) => completed(t, value));
    if (counts.some((t) => t === undefined)) return false;
    runs += 1;
    let out: PublishedTable[];
    try {
      out = rule(counts as CountTable[], packs.slice(0, i).flatMap((p) => p.tables));
    } catch {
      return false;
    }
    return out.every((t, j) => entries(t).every(([, v], e) => (v === SUPPRESSED) === pattern[i][j][e]));
  };

  const baselineOf = (k: string) => opts.baseline.get(k);
  const from = opts.from ?? 0;
  packs.forEach((p, i) => {
    if (i >= from && !reproduces(i, baselineOf)) throw new Error(`replay: the rule does not reproduce the pack for ${p.quarter} from its baseline`);
  });

  const { components } = systems(tables, { merge: true, bounds: opts.bounds });
  const byKey = new Map(intervals.map((i) => [i.key, i]));
  const targets = opts.only ?? new Set(intervals.filter((i) => opts.baseline.has(i.key)).map((i) => i.key));
  const out = new Map(byKey);
  const narrowed: ReplayResult['narrowed'] = [];

  const where = new Map<string, { c: number; j: number }>();
  components.forEach(({ keys }, c) => keys.forEach((k, j) => where.set(k, { c, j })));
  const near = components.map(({ keys, system }) => keys.map((k, j) => opts.baseline.get(k) ?? system.lower![j]));
  // Hidden quantities printed in the same table as each quantity (in any pack).
  const mates = new Map<string, Set<string>>();
  for (const t of tables) {
    const hidden = entries(t).filter(([, v]) => v === SUPPRESSED).map(([k]) => k);
    for (const k of hidden) for (const m of hidden) if (m !== k) mates.set(k, (mates.get(k) ?? new Set()).add(m));
  }
  const small = (k: string) => isSmall(opts.baseline.get(k) ?? 0);

  /**
   * The nearest completion of each component involved, with `fixed` quantities pinned to a value
   * or a side of the threshold and, when `keepSides`, every other quantity on its baseline side.
   */
  const complete = (fixed: Map<string, [number, number]>, keepSides: boolean, weigh?: (key: string) => number): Map<string, number> | undefined => {
    const values = new Map<string, number>();
    for (const c of new Set([...fixed.keys()].map((k) => where.get(k)!.c))) {
      const { keys, system } = components[c];
      const lower = keys.map((k, m) => Math.max(system.lower![m], fixed.get(k)?.[0] ?? (keepSides && !isSmall(near[c][m]) ? 5 : -Infinity)));
      const upper = keys.map((k, m) => Math.min(system.upper![m], fixed.get(k)?.[1] ?? (keepSides && isSmall(near[c][m]) ? 4 : Infinity)));
      if (lower.some((lo, m) => lo > upper[m])) return undefined;
      const y = nearestSolution({ ...system, lower, upper }, near[c], weigh && keys.map(weigh));
      if (!y) return undefined;
      keys.forEach((k, m) => { if (y[m] !== near[c][m]) values.set(k, y[m]); });
    }
    return values;
  };
  const reproducesAll = (values: Map<string, number>): boolean => {
    const value = (k: string) => values.get(k) ?? opts.baseline.get(k);
    return packs.every((_, i) => i < from || ![...values.keys()].some((k) => packKeys[i].has(k)) || reproduces(i, value));
  };
  /**
   * A witness that `key` can take value v. Tried: the nearest completion keeping every other
   * quantity on its side of the threshold; the nearest one without that condition; and, when v
   * crosses the threshold, the same with a hidden quantity of the same table crossing the other
   * way (the rule could have taken it for the small one and `key` for its partner).
   * A `thorough` search also tries the nearest completions that keep one hidden quantity of the
   * same table at its baseline, and those that change only one of them: the nearest completion
   * is one of many equally near, and the rule may reproduce the packs on another.
   */
  const witness = (key: string, v: number, thorough: boolean): boolean => {
    const tried = new Set<string>();
    const attempt = (fixed: Map<string, [number, number]>, keepSides: boolean, weigh?: (k: string) => number): boolean => {
      const values = complete(fixed, keepSides, weigh);
      if (!values) return false;
      const id = [...values].sort().join(';');
      if (tried.has(id)) return false;
      tried.add(id);
      return reproducesAll(values);
    };
    const at = new Map<string, [number, number]>([[key, [v, v]]]);
    if (attempt(at, true) || attempt(at, false)) return true;
    const tableMates = [...(mates.get(key) ?? [])].filter((m) => where.has(m) && opts.baseline.has(m));
    if (isSmall(v) !== small(key)) {
      const others = tableMates.filter((m) => small(m) === isSmall(v))
        .sort((a, b) => opts.baseline.get(a)! - opts.baseline.get(b)! || a.localeCompare(b)).slice(0, thorough ? undefined : SWAPS);
      if (others.some((m) => attempt(new Map([...at, [m, (small(m) ? [5, Infinity] : [0, 4]) as [number, number]]]), true))) return true;
    }
    if (!thorough) return false;
    const atBaseline = (ms: string[]) => new Map([...at, ...ms.map((m) => [m, [opts.baseline.get(m)!, opts.baseline.get(m)!]] as [string, [number, number]])]);
    if (tableMates.some((m) => attempt(atBaseline([m]), true))) return true;
    if (tableMates.some((free) => attempt(atBaseline(tableMates.filter((m) => m !== free)), false))) return true;
    // Other completions about as near: the distance weighed afresh for each try.
    const random = seeded(`${key}=${v}`);
    for (let i = 0; i < REWEIGHINGS; i += 1) {
      const weights = new Map<string, number>();
      const weigh = (k: string) => weights.get(k) ?? weights.set(k, 1 + Math.floor(random() * 8)).get(k)!;
      if (attempt(at, i % 2 === 0, weigh)) return true;
    }
    return false;
  };

  /** The interval of `key` the witnesses support, from the baseline value `b` outwards. */
  const search = (key: string, before: Interval, b: number, thorough: boolean): Interval => {
    let min = b;
    for (let v = before.min; v < b; v += 1) if (witness(key, v, thorough)) { min = v; break; }
    // The ceiling first, then downwards from PROTECTION_WIDTH above the baseline: values between are
    // not tried (a witness there would only widen the interval further).
    const top = Math.min(before.max, b + ceiling);
    let max = b;
    if (top > b && witness(key, top, thorough)) max = before.max;
    else for (let v = Math.min(top - 1, b + PROTECTION_WIDTH); v > b; v -= 1) if (witness(key, v, thorough)) { max = v; break; }
    return { key, min, max };
  };

  for (const key of targets) {
    const before = byKey.get(key);
    const b = opts.baseline.get(key);
    if (!before || b === undefined || !where.has(key)) continue;
    let after = search(key, before, b, false);
    // The wider search only where the quick one leaves a small count below the protection rule.
    if (small(key) && !isProtected(after)) after = search(key, before, b, true);
    if (after.min !== before.min || after.max !== before.max) {
      out.set(key, after);
      narrowed.push({ key, before, after });
    }
  }
  return { intervals: intervals.map((i) => out.get(i.key)!), narrowed, runs };
}
