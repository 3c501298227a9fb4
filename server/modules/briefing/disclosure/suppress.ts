/**
 * Statistical disclosure control for tables leaving the restricted setting:
 *  1. primary: counts 0–4 become "c" (a zero is hidden too: otherwise a "c" would be known to be
 *     at least 1, and a line whose total is small would pin its counts to a few values);
 *  2. secondary: every entry of a printed sum that holds a count of 0–4 is hidden with it (the
 *     sum itself stays printed); then any sum (row, column, totals, shared margins), and any
 *     column of a table that prints no column totals, with exactly one "c" gets a partner;
 *     iterated to a fixed point across all tables;
 *  3. audit: the rule's own attacker (attack.ts) solves every published sum of this pack and of the
 *     earlier packs together as an integer programme, knowing which "c" are counts of 0–4; a "c"
 *     it can pin down, or a small count whose feasible interval is narrower than the protection
 *     rule (protection.ts) allows, gets another partner (one per line and round); repeat.
 * Partners are chosen by position (the entry nearest the "c" in its line that is not yet hidden),
 * never by value: every entry not hidden is 5 or more, so which one becomes a partner depends on
 * the layout and on which counts are 0–4, not on how large the others are. A reader who replays
 * the rule learns mostly which "c" are small, and the rule's attacker assumes that much.
 * Hiding whole lines is what keeps the checks of step 3 from telling a replaying reader much: a
 * small count's protection then rests on printed totals, not on entries that are printed while
 * the rule checks and hidden after it adds a partner. Each partner the checks add says that the
 * check before it failed, a fact about the values then printed (the minimality attack).
 * A quantity an earlier pack printed keeps what it printed: a "c" stays "c", a number is never
 * hidden (hiding it would protect nothing).
 */
import { CountTable, PublishedTable, Published, SUPPRESSED, isSmall } from './types';
import { attack, publishedValues } from './attack';
import { isProtected } from './protection';

export interface ControlOptions {
  control: boolean;
  /** The tables of earlier packs in the series, as they were published. */
  earlier?: PublishedTable[];
}

/** A published sum (terms and total), or a column of a table that prints no column totals (no total). */
interface Line { terms: string[]; total?: string; table: string }

interface Keyed {
  table: CountTable;
  cells: string[][];
  rowTotals: string[];
  colTotals: string[];
  grandTotal: string;
  rowTotalValues: number[];
  colTotalValues: number[];
  grandValue: number;
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

function keyed(t: CountTable): Keyed {
  return {
    table: t,
    cells: t.rows.map((_, r) => t.cols.map((__, c) => t.cellKeys?.[r]?.[c] ?? `${t.id}|${r}|${c}`)),
    rowTotals: t.rows.map((_, r) => t.rowTotalKeys?.[r] ?? `${t.id}|row${r}`),
    colTotals: t.cols.map((_, c) => t.colTotalKeys?.[c] ?? `${t.id}|col${c}`),
    grandTotal: t.grandTotalKey ?? `${t.id}|total`,
    rowTotalValues: t.cells.map((row) => sum(row)),
    colTotalValues: t.cols.map((_, c) => sum(t.cells.map((row) => row[c]))),
    grandValue: sum(t.cells.map((row) => sum(row))),
  };
}

/** Every key the table could publish: cells, row and column totals, the grand total. */
const allKeys = (k: Keyed): string[] => [...k.cells.flat(), ...k.rowTotals, ...k.colTotals, k.grandTotal];

function lines(k: Keyed): Line[] {
  const t = k.table;
  const out: Line[] = [];
  const table = t.id;
  if (t.showRowTotals) t.rows.forEach((_, r) => out.push({ terms: k.cells[r], total: k.rowTotals[r], table }));
  if (t.showColTotals) t.cols.forEach((_, c) => out.push({ terms: k.cells.map((row) => row[c]), total: k.colTotals[c], table }));
  if (t.showGrandTotal) {
    if (t.showRowTotals) out.push({ terms: k.rowTotals, total: k.grandTotal, table });
    if (t.showColTotals) out.push({ terms: k.colTotals, total: k.grandTotal, table });
    if (!t.showRowTotals && !t.showColTotals) out.push({ terms: k.cells.flat(), total: k.grandTotal, table });
  }
  // A column without a printed total still gets a partner for a lone "c": otherwise a "c" in it
  // could only be a count of 0–4, and a reader who knows the rule would know that much.
  if (!t.showColTotals) t.cols.forEach((_, c) => out.push({ terms: k.cells.map((row) => row[c]), table }));
  return out;
}

function trueValues(all: Keyed[]): Map<string, number> {
  const values = new Map<string, number>();
  const note = (key: string, v: number): void => {
    if (!Number.isInteger(v) || v < 0) throw new Error(`disclosure: "${key}" is not a count (${v})`);
    const prior = values.get(key);
    if (prior !== undefined && prior !== v) throw new Error(`disclosure: shared quantity "${key}" is ${prior} in one table and ${v} in another`);
    values.set(key, v);
  };
  for (const k of all) {
    k.cells.forEach((row, r) => row.forEach((key, c) => note(key, k.table.cells[r][c])));
    if (k.table.showRowTotals) k.rowTotals.forEach((key, r) => note(key, k.rowTotalValues[r]));
    if (k.table.showColTotals) k.colTotals.forEach((key, c) => note(key, k.colTotalValues[c]));
    if (k.table.showGrandTotal) note(k.grandTotal, k.grandValue);
  }
  return values;
}

/** The true value of every quantity the tables publish, by key (cells and the totals shown). */
export const countValues = (tables: CountTable[]): Map<string, number> => trueValues(tables.map(keyed));

function publish(k: Keyed, hidden: Set<string>, control: boolean): PublishedTable {
  const t = k.table;
  const show = (key: string, v: number): Published => (control && hidden.has(key) ? SUPPRESSED : v);
  return {
    id: t.id, title: t.title, unit: t.unit, rowHeader: t.rowHeader, rows: t.rows, cols: t.cols,
    cells: t.cells.map((row, r) => row.map((v, c) => show(k.cells[r][c], v))),
    rowTotals: t.showRowTotals ? k.rowTotalValues.map((v, r) => show(k.rowTotals[r], v)) : undefined,
    colTotals: t.showColTotals ? k.colTotalValues.map((v, c) => show(k.colTotals[c], v)) : undefined,
    grandTotal: t.showGrandTotal ? show(k.grandTotal, k.grandValue) : undefined,
    keys: {
      cells: k.cells,
      rowTotals: t.showRowTotals ? k.rowTotals : undefined,
      colTotals: t.showColTotals ? k.colTotals : undefined,
      grandTotal: t.showGrandTotal ? k.grandTotal : undefined,
    },
    ...(t.notAboutPeople ? { notAboutPeople: true } : {}),
  };
}

/**
 * The entry of the lines nearest `anchor` that may still be hidden: in each line, the interior
 * entries by distance from the anchor (the earlier one on a tie), then the line's total. The
 * choice never reads a value.
 */
function partner(candidates: Line[], anchor: string, eligible: (key: string) => boolean): string | undefined {
  for (const line of candidates) {
    const at = line.terms.indexOf(anchor);
    const from = at >= 0 ? at : line.terms.length;
    const byDistance = line.terms.map((key, i) => ({ key, d: Math.abs(i - from), i }))
      .sort((a, b) => a.d - b.d || a.i - b.i).map((e) => e.key);
    const found = [...byDistance, ...(line.total ? [line.total] : [])].find(eligible);
    if (found) return found;
  }
  return undefined;
}

/** Every entry that may be hidden of each printed sum holding a count of 0–4 (`small`) is hidden. */
function hideLinesWithSmallCounts(allLines: Line[], small: Set<string>, eligible: (key: string) => boolean, hidden: Set<string>): void {
  for (const line of allLines) {
    if (!line.total || !line.terms.some((key) => small.has(key))) continue;
    for (const key of line.terms) if (eligible(key)) hidden.add(key);
  }
}

/** Returns the published form of each table; without control (restricted edition) values are as counted. */
export function controlTables(tables: CountTable[], opts: ControlOptions = { control: true }): PublishedTable[] {
  const all = tables.map(keyed);
  const values = trueValues(all);
  const hidden = new Set<string>();
  if (!opts.control) return all.map((k) => publish(k, hidden, false));
  const earlier = opts.earlier ?? [];
  const history = publishedValues(earlier, true);
  // Printed before as a number: never hidden now. Printed before as "c": hidden now too.
  const printed = new Set([...history].filter(([key, v]) => v !== SUPPRESSED && values.has(key)).map(([key]) => key));
  // Counts of what is not a person (county lines, places) are published as counted, also where
  // another table repeats them: they are never hidden, so they never serve as a partner either.
  for (const k of all.filter((x) => x.table.notAboutPeople)) for (const key of allKeys(k)) printed.add(key);
  const controlled = all.filter((k) => !k.table.notAboutPeople);
  const allLines = controlled.flatMap(lines);
  for (const k of controlled) for (const key of allKeys(k)) {
    if (values.has(key) && (isSmall(values.get(key)!) || history.get(key) === SUPPRESSED) && !printed.has(key)) hidden.add(key);
  }
  const eligible = (key: string) => !hidden.has(key) && !printed.has(key) && values.has(key);
  hideLinesWithSmallCounts(allLines, new Set([...hidden].filter((key) => isSmall(values.get(key)!))), eligible, hidden);
  const pick = (around: Line[], anchor: string) => partner(around, anchor, eligible);
  let safe = false;
  for (let round = 0; round < 500 && !safe; round += 1) {
    // Secondary suppression to a fixed point: no sum may hold exactly one "c".
    let changed = true;
    while (changed) {
      changed = false;
      for (const line of allLines) {
        const entries = line.total ? [...line.terms, line.total] : line.terms;
        const inLine = entries.filter((key) => hidden.has(key));
        if (inLine.length !== 1) continue;
        const extra = pick([line], inLine[0]);
        if (extra) { hidden.add(extra); changed = true; }
      }
    }
    const weak = weakQuantities(controlled.map((k) => publish(k, hidden, true)), earlier, hidden, values);
    if (weak.length === 0) { safe = true; break; }
    // One more partner next to a weak "c" per round: its own row and column first; when those are
    // exhausted, anywhere in the same table(s): a cell can be pinned by sums that never touch its
    // own lines. Weak "c" that share a line get one partner between them per round: two small
    // counts of a line are often both weak, and a partner for each would say more about their
    // values than the check needed (one may be enough, and the next round sees whether it is).
    let grew = false;
    const widened = new Set<Line>();
    for (const key of weak) {
      const around = allLines.filter((l) => l.terms.includes(key) || l.total === key);
      if (around.some((l) => widened.has(l))) continue;
      const tables = new Set(around.map((l) => l.table));
      const extra = pick(around, key) ?? pick(allLines.filter((l) => tables.has(l.table)), key);
      if (!extra) continue;
      hidden.add(extra);
      around.forEach((l) => widened.add(l));
      grew = true;
    }
    if (!grew) break;
  }
  // Never publish a table whose "c" could be worked back or narrowed below the protection rule.
  if (!safe) throw new Error('disclosure: suppression did not reach a safe state; refusing to publish');
  return all.map((k) => publish(k, hidden, true));
}

/**
 * The rule's attacker knows which of this pack's "c" are counts of 0–4: a reader who replays the
 * rule can often tell them from the partners (two "c" in a line with no partner are both small).
 */
function smallBounds(hidden: Set<string>, values: Map<string, number>): Map<string, [number, number]> {
  return new Map([...hidden].filter((key) => isSmall(values.get(key) ?? -1)).map((key) => [key, [0, 4]]));
}

/** Hidden quantities of this pack that are pinned, or small and narrowed below the protection rule. */
function weakQuantities(current: PublishedTable[], earlier: PublishedTable[], hidden: Set<string>, values: Map<string, number>): string[] {
  const intervals = attack([...earlier, ...current], { merge: true, only: hidden, bounds: smallBounds(hidden, values) });
  return intervals.filter((i) => hidden.has(i.key)
    && (i.max === i.min || (isSmall(values.get(i.key) ?? 0) && !isProtected(i)))).map((i) => i.key);
}
