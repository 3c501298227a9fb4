/** Disruption actions by tactic, this quarter and the one before. */
import type { BriefingData } from '../gather';
import { label, withVocabulary } from '../labels';
import { DISRUPTION_TACTIC } from '../../../model/enums';
import { BuiltTable, count, countTable } from './table';

export function disruption(d: BriefingData): BuiltTable {
  const tactics = withVocabulary(Object.keys(DISRUPTION_TACTIC), [...d.disruption, ...d.disruptionPrevious].map((r) => r.tactic));
  return { table: countTable({
    id: 'disruption', title: 'Disruption activity', unit: 'actions', rowHeader: 'Tactic',
    rows: tactics.map((t) => label('tactic', t)), cols: [d.quarter, d.previousQuarter],
    cells: tactics.map((t) => [count(d.disruption, (r) => r.tactic === t), count(d.disruptionPrevious, (r) => r.tactic === t)]),
    showColTotals: true,
  }) };
}
