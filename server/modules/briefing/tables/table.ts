/** What every table builder returns, and the small counting helpers they share. */
import type { CountTable, PublishedTable } from '../disclosure';

export interface ExtraColumn { header: string; values: string[]; before?: boolean; text?: boolean }
export interface PackTable extends PublishedTable { extra: ExtraColumn[]; note?: string }

/**
 * One table as built from raw data: its true counts, the extra columns derived from the counts as
 * published (after disclosure control), and a note printed under it.
 */
export interface BuiltTable {
  table: CountTable;
  extra?: (published: PublishedTable) => ExtraColumn[];
  note?: string;
}

/** A count table; its unit is children unless it says otherwise. */
export const countTable = (t: Omit<CountTable, 'unit'> & { unit?: string }): CountTable => ({ unit: 'children', ...t } as CountTable);

export const distinct = (ids: string[][]): number => new Set(ids.flat()).size;
export const count = <T>(xs: T[], f: (x: T) => boolean): number => xs.reduce((n, x) => n + (f(x) ? 1 : 0), 0);
