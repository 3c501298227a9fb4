/** County lines with the people and missing episodes linked to each. */
import type { BriefingData } from '../gather';
import { BuiltTable, countTable } from './table';

export function countyLines(d: BriefingData): BuiltTable {
  return { table: countTable({
    id: 'county-lines', title: 'County lines', unit: 'people', rowHeader: 'County line',
    rows: d.countyLines.map((l) => (l.destination && !l.name.includes(l.destination) ? `${l.name} (to ${l.destination})` : l.name)),
    cols: ['Young people linked', 'Adults linked', 'Missing episodes with a county-lines concern'],
    cells: d.countyLines.map((l) => [l.youngPeople, l.adults, l.missingWithConcern]),
  }) };
}
