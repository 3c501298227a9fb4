/** Children of concern not yet known to a panel or plan. */
import type { BriefingData } from '../gather';
import { fmt } from '../labels';
import { BuiltTable, countTable } from './table';

export function notYetReferred(d: BriefingData): BuiltTable {
  return { table: countTable({
    id: 'not-yet-referred', title: 'Children of concern not yet known to a panel or plan', rowHeader: 'Measure',
    rows: [`Concern score of ${fmt(d.notYetReferred.minScore)} or more (serious harm, signs of exploitation, repeat missing)`], cols: ['Children'], cells: [[d.notYetReferred.total]],
  }) };
}
