/** One CSV per table: a marking line, then the header and the published values (totals included). */
import type { PackTable } from './tables';
import type { PackMeta } from './html';

const q = (v: unknown): string => {
  const s = String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function tableCsv(t: PackTable, meta: PackMeta): string {
  const before = t.extra.filter((e) => e.before);
  const after = t.extra.filter((e) => !e.before);
  const lines: unknown[][] = [[`${meta.marking}`, `${meta.title}`, meta.periodText, `${meta.edition} edition`, t.title]];
  lines.push([t.rowHeader, ...before.map((e) => e.header), ...t.cols, ...(t.rowTotals ? ['Total'] : []), ...after.map((e) => e.header)]);
  t.rows.forEach((r, i) => lines.push([r, ...before.map((e) => e.values[i]), ...t.cells[i], ...(t.rowTotals ? [t.rowTotals[i]] : []), ...after.map((e) => e.values[i])]));
  if (t.colTotals) lines.push(['Total', ...before.map(() => ''), ...t.colTotals, ...(t.rowTotals ? [t.grandTotal ?? ''] : []), ...after.map(() => '')]);
  return `${lines.map((l) => l.map(q).join(',')).join('\r\n')}\r\n`;
}
