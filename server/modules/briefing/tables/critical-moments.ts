/** Critical moments in the quarter: follow-up in place or something overdue. */
import type { BriefingData } from '../gather';
import { MOMENT_LABEL } from '../labels';
import { BuiltTable, count, countTable } from './table';

const KINDS = ['Exclusion', 'Injury', 'Arrest', 'ReturnFromMissing'] as const;

export function criticalMoments(d: BriefingData): BuiltTable {
  return { table: countTable({
    id: 'critical-moments', title: 'Critical moments in the quarter and their follow-up', unit: 'moments', rowHeader: 'Critical moment',
    rows: KINDS.map((k) => MOMENT_LABEL[k]), cols: ['Follow-up in place', 'Something overdue'],
    cells: KINDS.map((k) => {
      const items = d.critical.items.filter((i) => i.kind === k);
      const overdue = count(items, (i) => i.overdue.length > 0);
      return [items.length - overdue, overdue];
    }),
    showRowTotals: true, showColTotals: true, showGrandTotal: true,
  }) };
}
