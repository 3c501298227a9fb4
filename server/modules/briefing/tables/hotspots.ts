/**
 * The ten places, schools and online spaces of highest harm. People and event counts per place
 * are controlled (events involve children); scores are not counts.
 */
import type { BriefingData } from '../gather';
import { fmt } from '../labels';
import { BuiltTable, countTable } from './table';

export function hotspots(d: BriefingData): BuiltTable {
  const top = d.hotspots.items.slice(0, 10);
  return {
    table: countTable({
      id: 'hotspots', title: 'Places, schools and online spaces ranked by harm', unit: 'people or events', rowHeader: 'Place',
      rows: top.map((h) => h.name), cols: ['Children', 'Persons of concern', 'Events'],
      cells: top.map((h) => [h.distinctChildren, h.distinctPersonsOfConcern, h.eventCount]),
    }),
    extra: () => [
      { header: 'Rank', before: true, values: top.map((h) => String(h.rank)) },
      { header: 'Kind', before: true, values: top.map((h) => (h.kind === 'Location' ? 'Place' : h.kind === 'OnlineSpace' ? 'Online space' : 'School')) },
      { header: 'Harm score', values: top.map((h) => fmt(h.score)) },
      { header: 'Previous rank', values: top.map((h) => (h.previousRank ? String(h.previousRank) : 'new')) },
    ],
  };
}
