/** Peer networks: size by sex and by age band, which share the community size as row total. */
import type { BriefingData } from '../gather';
import { label } from '../labels';
import { BuiltTable, countTable } from './table';

/** Larger boroughs find hundreds of small networks: the pack tabulates the largest. */
export const MAX_NETWORK_ROWS = 20;
const SEX_CODES = ['FEMALE', 'MALE', 'UNKNOWN'];

const largest = (d: BriefingData) => [...d.networks.communities].sort((a, b) => b.size - a.size).slice(0, MAX_NETWORK_ROWS);
const rowNames = (comms: unknown[]): string[] => comms.map((c, i) => `Network ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`);

/** Both network tables, or none when no network was found. */
export function networkTables(d: BriefingData): BuiltTable[] {
  return d.networks.communities.length ? [networksBySex(d), networksByAge(d)] : [];
}

export function networksBySex(d: BriefingData): BuiltTable {
  const comms = largest(d);
  return {
    table: countTable({
      id: 'networks-sex', title: 'Peer networks: members by sex', rowHeader: 'Network', rows: rowNames(comms), cols: SEX_CODES.map((s) => label('sex', s)),
      cells: comms.map((c) => SEX_CODES.map((s) => c.sexMix[s] ?? 0)), showRowTotals: true,
    }),
    extra: () => [
      { header: 'Status', text: true, values: comms.map((c) => c.status) },
      { header: 'Main exploitation type', text: true, values: comms.map((c) => (c.exploitationTypes[0] ? label('exploitation', c.exploitationTypes[0].type) : 'none recorded')) },
    ],
  };
}

export function networksByAge(d: BriefingData): BuiltTable {
  const comms = largest(d);
  const ageCodes = [...new Set(comms.flatMap((c) => Object.keys(c.ageMix)))].sort();
  return {
    table: countTable({
      id: 'networks-age', title: 'Peer networks: members by age band', rowHeader: 'Network', rows: rowNames(comms), cols: ageCodes,
      cells: comms.map((c) => ageCodes.map((a) => c.ageMix[a] ?? 0)), showRowTotals: true,
    }),
    note: d.networks.communities.length > comms.length
      ? `The ${comms.length} largest of ${d.networks.communities.length} networks are tabulated; the rest are smaller.` : undefined,
  };
}
