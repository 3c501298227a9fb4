/** Persons of concern (adults): counts, disruption status and the highest-harm ranking. */
import type { BriefingData } from '../gather';
import type { ResolvedOptions } from '../options';
import { label } from '../labels';
import { BuiltTable, count, countTable } from './table';

export function personsOfConcern(d: BriefingData): BuiltTable {
  const poc = d.personsOfConcern;
  return { table: countTable({
    id: 'persons-of-concern', title: 'Persons of concern (adults)', unit: 'adults', rowHeader: 'Measure',
    rows: ['Persons of concern on record', 'Involved in an event this quarter', 'Subject of a disruption action this quarter', 'Ever subject of a disruption action'],
    cols: ['Adults'],
    cells: [[poc.length], [count(poc, (p) => p.eventsInQuarter > 0)], [count(poc, (p) => p.disruptionsInQuarter > 0)], [count(poc, (p) => p.disruptionsToDate > 0)]],
  }) };
}

export function highHarm(d: BriefingData, o: ResolvedOptions): BuiltTable {
  const ranked = d.highHarm.items.slice(0, 10);
  const status = new Map(d.personsOfConcern.map((p) => [p.id, p]));
  return {
    table: countTable({
      id: 'high-harm', title: 'Highest-harm persons of concern (for tasking review)', unit: 'children', rowHeader: 'Rank',
      rows: ranked.map((p) => String(p.rank)), cols: ['Children linked'], cells: ranked.map((p) => [p.breakdown.distinctChildren]),
    }),
    extra: () => [
      ...(o.pocNames ? [{ header: 'Name', before: true, text: true, values: ranked.map((p) => p.name) }] : []),
      { header: 'Score', values: ranked.map((p) => p.score.toFixed(2)) },
      { header: 'Disruption status', text: true, values: ranked.map((p) => {
        const s = status.get(p.id);
        if (!s || s.disruptionsToDate === 0) return 'none recorded';
        return `${s.disruptionsInQuarter > 0 ? 'active this quarter' : 'earlier'}: ${s.tactics.map((t) => label('tactic', t)).join(', ')}`;
      }) },
      // Transitional safeguarding: a young adult known as a child at risk (restricted edition only: a fact about one person).
      ...(o.edition === 'restricted' ? [{ header: 'Safeguarding consideration', text: true, values: ranked.map((p) => (p.knownAsChildAtRisk ? 'known as a child at risk before 18' : '—')) }] : []),
    ],
  };
}
