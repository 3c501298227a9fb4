/**
 * The population baseline (children 10–17) for disproportionality, kept in the graph as a
 * `PopulationBaseline` node (not an Entity: it is reference data, not a record about anyone).
 * One for the whole store, and, when one store holds several boroughs (a force), one per
 * borough under its code: a borough's rates are read against its own population.
 * The seed stores the fixture's baselines with storeBaseline(); imports of real census tables can
 * do the same (`npm run baseline`).
 */
import type { PopulationBaseline } from '../../domain/population';
import { cypherFile, readRows, writeRows } from '../../platform/db/query';
import { analyticsDb } from './read';
import type { Store } from './types';

/** The node id of the whole store's baseline. */
const WHOLE_STORE = 'borough';

const baselineId = (borough: string | null | undefined): string => borough ?? WHOLE_STORE;

export async function storeBaseline(source: Store, baseline: PopulationBaseline, borough?: string | null): Promise<void> {
  await writeRows(analyticsDb(source), cypherFile(__dirname, 'baseline-store'), {
    id: baselineId(borough), json: JSON.stringify(baseline), description: baseline.description, total: baseline.total,
  });
}

/** The baseline of the source's borough, or of the whole store; null when none is stored. */
export async function loadBaseline(source: Store & { borough?: string | null }): Promise<PopulationBaseline | null> {
  const rows = await readRows<{ json: string }>(analyticsDb(source), cypherFile(__dirname, 'baseline-read'), { id: baselineId(source.borough) });
  return rows.length ? (JSON.parse(rows[0].json) as PopulationBaseline) : null;
}
