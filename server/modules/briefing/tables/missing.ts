/** Missing episodes that started in the quarter, and return home interviews after them. */
import { percent, SUPPRESSED } from '../disclosure';
import type { BriefingData } from '../gather';
import type { ResolvedOptions } from '../options';
import { RHI_LABEL } from '../labels';
import { BuiltTable, count, countTable, distinct } from './table';

export function missingEpisodes(d: BriefingData): BuiltTable {
  const per = new Map<string, number>();
  d.missing.forEach((m) => m.childIds.forEach((c) => per.set(c, (per.get(c) ?? 0) + 1)));
  const repeatMissing = [...per.values()].filter((n) => n >= 2).length;
  return { table: countTable({
    id: 'missing', title: 'Missing episodes that started in the quarter', unit: 'count', rowHeader: 'Measure',
    rows: ['Missing episodes', 'Children missing', 'Children missing 2+ times', 'Episodes from care', 'Episodes found out of borough', 'Episodes with a county-lines concern'],
    cols: ['Count'],
    cells: [[d.missing.length], [distinct(d.missing.map((m) => m.childIds))], [repeatMissing], [count(d.missing, (m) => m.fromCare)],
      [count(d.missing, (m) => m.foundOutOfBorough)], [count(d.missing, (m) => m.countyLinesConcern)]],
  }) };
}

export function returnInterviews(d: BriefingData, o: ResolvedOptions): BuiltTable {
  const rhiStatuses = Object.keys(RHI_LABEL);
  const control = o.edition === 'partner';
  return {
    table: countTable({
      id: 'return-interviews', title: 'Returns from missing in the quarter and their return home interview', unit: 'returns', rowHeader: 'Return home interview',
      rows: rhiStatuses.map((s) => RHI_LABEL[s]), cols: ['Returns'],
      cells: rhiStatuses.map((s) => [d.critical.rhi.byStatus[s as keyof typeof d.critical.rhi.byStatus] ?? 0]),
      showColTotals: true,
    }),
    extra: (p) => [{
      header: 'Share of returns', values: p.cells.map((row) => {
        const total = p.colTotals?.[0];
        return row[0] === SUPPRESSED || total === SUPPRESSED || total === undefined ? 'c' : percent(row[0], total, { control });
      }),
    }],
  };
}
