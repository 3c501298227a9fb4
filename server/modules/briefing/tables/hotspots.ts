/**
 * The ten places, schools and online spaces of highest harm. People and event counts per place
 * are controlled (events involve children); scores are not counts.
 */
import { isSmall } from '../disclosure';
import type { BriefingData } from '../gather';
import { fmt } from '../labels';
import type { ResolvedOptions } from '../options';
import { BuiltTable, countTable } from './table';

const MAX_HOTSPOT_ROWS = 10;

/**
 * A place is ranked because events happened there, so a listed place's event count of 0–4 would
 * be known to be at least 1: the partner edition lists only places with 5 or more events.
 */
export function hotspots(d: BriefingData, o: Pick<ResolvedOptions, 'edition'>): BuiltTable {
  const partner = o.edition === 'partner';
  const top = d.hotspots.items.filter((h) => !partner || !isSmall(h.eventCount)).slice(0, MAX_HOTSPOT_ROWS);
  return {
    note: partner ? `The ${MAX_HOTSPOT_ROWS} places of highest harm among those with 5 or more events; the rank is among all places.` : undefined,
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
