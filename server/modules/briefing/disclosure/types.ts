/**
 * Count tables before and after statistical disclosure control. A table has interior cells and,
 * optionally, published row totals, column totals and a grand total. Entries that describe the
 * same quantity in several tables (a shared margin) carry the same key, so they are suppressed
 * alike and an attacker may combine them.
 */
export const SUPPRESSED = 'c' as const;
export type Published = number | typeof SUPPRESSED;

/** What a table is and how it is labelled: the same before and after control. */
export interface TableLabels {
  id: string;
  title: string;
  /** What is counted ("children", "episodes"): shown in the header. */
  unit: string;
  rowHeader: string;
  rows: string[];
  cols: string[];
}

export interface CountTable extends TableLabels {
  /** cells[r][c]: true counts, non-negative integers. */
  cells: number[][];
  showRowTotals?: boolean;
  showColTotals?: boolean;
  showGrandTotal?: boolean;
  /** Keys of quantities shared with other tables (defaults are table-local). */
  cellKeys?: (string | undefined)[][];
  rowTotalKeys?: (string | undefined)[];
  colTotalKeys?: (string | undefined)[];
  grandTotalKey?: string;
  /** Counts in this table are never suppressed (e.g. counts of places or of adults' orders). */
  notAboutPeople?: boolean;
}

export interface PublishedTable extends TableLabels {
  cells: Published[][];
  rowTotals?: Published[];
  colTotals?: Published[];
  grandTotal?: Published;
  /** Keys of every entry, same shape, so combined tables can be attacked as one system. */
  keys: { cells: string[][]; rowTotals?: string[]; colTotals?: string[]; grandTotal?: string };
  /** Its counts describe no person and were published as counted (CountTable.notAboutPeople). */
  notAboutPeople?: boolean;
}

/** Primary suppression threshold: counts 0–4 are shown as "c" in a controlled table. */
export const isSmall = (n: number): boolean => n >= 0 && n <= 4;
