/**
 * Peer networks: size by sex and by age band, which share the community size as row total. Both
 * tables have fixed columns, so a column's presence says nothing about who is counted.
 */
import { isSmall } from '../disclosure';
import type { BriefingData } from '../gather';
import { label } from '../labels';
import type { ResolvedOptions } from '../options';
import type { AgeBand } from '../../../domain/age';
import { BuiltTable, countTable } from './table';

/** Larger boroughs find hundreds of small networks: the pack tabulates the largest. */
export const MAX_NETWORK_ROWS = 20;
const SEX_CODES = ['FEMALE', 'MALE', 'UNKNOWN'];
/**
 * Peer networks are mostly of children: three columns, so that a line holds few small counts
 * (young adults, and members without a date of birth, are a few per network).
 */
const AGE_COLUMNS = ['Under 15', '15-17', '18 or over, or not known'] as const;
const AGE_COLUMN_OF: Record<AgeBand | 'unknown', number> = { 'under 10': 0, '10-14': 0, '15-17': 1, '18-25': 2, 'over 25': 2, unknown: 2 };

/**
 * The networks the pack tabulates (and draws), largest first. A network is described from three
 * members, so in the partner edition a listed network's size of 0–4 would be known to be 3 or 4:
 * only networks of 5 or more members are listed there.
 */
export function tabulatedNetworks(d: BriefingData, o: Pick<ResolvedOptions, 'edition'>): BriefingData['networks']['communities'] {
  return [...d.networks.communities].filter((c) => o.edition !== 'partner' || !isSmall(c.size))
    .sort((a, b) => b.size - a.size).slice(0, MAX_NETWORK_ROWS);
}
const rowNames = (comms: unknown[]): string[] => comms.map((c, i) => `Network ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`);

/** Both network tables, or none when no network is listed. */
export function networkTables(d: BriefingData, o: Pick<ResolvedOptions, 'edition'>): BuiltTable[] {
  const comms = tabulatedNetworks(d, o);
  return comms.length ? [networksBySex(comms, o), networksByAge(comms, listedNote(d, comms, o))] : [];
}

type Communities = BriefingData['networks']['communities'];

/**
 * Growth compares this quarter's size with last quarter's. In the partner edition that is said
 * only when last quarter's size was printed too (5 or more): otherwise the word would narrow it.
 */
export function networkStatus(c: Communities[number], o: Pick<ResolvedOptions, 'edition'>): string {
  if (o.edition === 'partner' && isSmall(c.previousSize ?? 0)) return 'not tabulated last quarter';
  return c.status;
}

function networksBySex(comms: Communities, o: Pick<ResolvedOptions, 'edition'>): BuiltTable {
  return {
    table: countTable({
      id: 'networks-sex', title: 'Peer networks: members by sex', rowHeader: 'Network', rows: rowNames(comms), cols: SEX_CODES.map((s) => label('sex', s)),
      cells: comms.map((c) => SEX_CODES.map((s) => c.sexMix[s] ?? 0)), showRowTotals: true,
    }),
    extra: () => [
      { header: 'Status', text: true, values: comms.map((c) => networkStatus(c, o)) },
      { header: 'Main exploitation type', text: true, values: comms.map((c) => (c.exploitationTypes[0] ? label('exploitation', c.exploitationTypes[0].type) : 'none recorded')) },
    ],
  };
}

function byAgeColumn(c: Communities[number]): number[] {
  const counts = AGE_COLUMNS.map(() => 0);
  for (const [band, n] of Object.entries(c.ageMix)) counts[AGE_COLUMN_OF[band as AgeBand] ?? 2] += n;
  return counts;
}

function listedNote(d: BriefingData, comms: Communities, o: Pick<ResolvedOptions, 'edition'>): string | undefined {
  const all = d.networks.communities.length;
  if (o.edition === 'partner') {
    return `${comms.length} of the ${all} networks are tabulated, largest first: networks of 5 or more members, up to ${MAX_NETWORK_ROWS}.`;
  }
  return all > comms.length ? `The ${comms.length} largest of ${all} networks are tabulated; the rest are smaller.` : undefined;
}

function networksByAge(comms: Communities, note: string | undefined): BuiltTable {
  return {
    table: countTable({
      id: 'networks-age', title: 'Peer networks: members by age band', rowHeader: 'Network', rows: rowNames(comms), cols: [...AGE_COLUMNS],
      cells: comms.map(byAgeColumn), showRowTotals: true,
    }),
    note,
  };
}
