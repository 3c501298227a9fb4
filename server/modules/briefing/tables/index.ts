/**
 * The pack's count tables, built from raw data with shared keys where two tables publish the same
 * quantity, then disclosure-controlled together for the partner edition (one call, so shared
 * margins are suppressed alike). Extra columns (rates, scores) are derived from the published
 * counts, never from hidden ones. Each file beside this one builds the tables of one section.
 */
import { controlTables } from '../disclosure';
import type { CountTable } from '../disclosure';
import { pseudonymFor } from '../../../platform/secrets';
import type { BriefingData } from '../gather';
import type { ResolvedOptions } from '../options';
import { assignKeys } from '../links';
import { applyHistory, PackRecord, Revision } from '../history';
import type { BuiltTable, PackTable } from './table';
import { childrenAtRisk, newAndContinuing, quarterlyTrend } from './scale';
import { DIMENSIONS, demographics } from './demographics';
import { missingEpisodes, returnInterviews } from './missing';
import { criticalMoments } from './critical-moments';
import { hotspots } from './hotspots';
import { networkTables } from './networks';
import { highHarm, personsOfConcern } from './persons-of-concern';
import { countyLines } from './county-lines';
import { nrm } from './nrm';
import { disruption } from './disruption';
import { notYetReferred } from './not-yet-referred';
import { disruptionOutcomes, lineStatus, outcomeTables, placeTactics } from './outcomes';
import { youngAdults } from './young-adults';

export type { ExtraColumn, PackTable, BuiltTable } from './table';
export { demographicCohort } from './demographics';
export { MAX_NETWORK_ROWS, networkStatus, tabulatedNetworks } from './networks';

/** Every table of the pack, in the order the pack prints them. */
export function buildCountTables(d: BriefingData, o: ResolvedOptions): BuiltTable[] {
  return [
    childrenAtRisk(d), newAndContinuing(d), quarterlyTrend(d),
    ...DIMENSIONS.map((dim) => demographics(d, o, dim)),
    missingEpisodes(d), returnInterviews(d, o),
    criticalMoments(d),
    hotspots(d, o),
    ...networkTables(d, o),
    personsOfConcern(d), highHarm(d, o),
    youngAdults(d),
    countyLines(d), lineStatus(d), nrm(d), disruption(d), disruptionOutcomes(d), placeTactics(d),
    notYetReferred(d),
    ...outcomeTables(d, o),
  ];
}

export function personLabel(o: ResolvedOptions, id: string, name: string): string {
  if (o.names === 'names') return name;
  if (o.names === 'pseudonyms') return pseudonymFor(id);
  return '—';
}

/**
 * Builds, controls (partner edition) and decorates every table. The partner edition re-prints
 * what earlier packs printed (history.ts) and plans its suppression against them.
 */
export function packTables(d: BriefingData, o: ResolvedOptions, earlier: PackRecord[] = []): { tables: Map<string, PackTable>; revisions: Revision[]; counts: CountTable[] } {
  const built = buildCountTables(d, o);
  const tables = built.map((b) => b.table);
  const byId = new Map(built.map((b) => [b.table.id, b]));
  assignKeys(tables, d.quarter);
  const control = o.edition === 'partner';
  const history = control ? applyHistory(tables, earlier, o.revise) : { earlier: [], revisions: [] };
  const published = controlTables(tables, { control, earlier: history.earlier });
  return {
    tables: new Map(published.map((p) => [p.id, { ...p, extra: byId.get(p.id)?.extra?.(p) ?? [], note: byId.get(p.id)?.note }])),
    revisions: history.revisions,
    counts: tables,
  };
}
