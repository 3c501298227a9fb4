/** A published table's entries (cells, then row, column and grand totals) with the key of each. */
import type { Published, PublishedTable } from '../../disclosure';

export type Entry = [string, Published];

export const tableEntries = (t: PublishedTable): Entry[] => [
  ...t.cells.flatMap((row, i) => row.map((v, j): Entry => [t.keys.cells[i][j], v])),
  ...(t.rowTotals ?? []).map((v, i): Entry => [t.keys.rowTotals![i], v]),
  ...(t.colTotals ?? []).map((v, i): Entry => [t.keys.colTotals![i], v]),
  ...(t.grandTotal !== undefined ? [[t.keys.grandTotal!, t.grandTotal] as Entry] : []),
];
