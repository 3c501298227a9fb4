/**
 * The borough population baseline (children 10–17) for disproportionality, kept in the graph as
 * one `PopulationBaseline` node (not an Entity: it is reference data, not a record about anyone).
 * The seed stores the fixture's baseline with storeBaseline(); imports of real census tables can
 * do the same.
 */
import type { PopulationBaseline } from '../../domain/population';
import { cypherFile, readRows, writeRows } from '../../platform/db/query';
import { analyticsDb } from './read';
import type { Store } from './types';

export async function storeBaseline(source: Store, baseline: PopulationBaseline): Promise<void> {
  await writeRows(analyticsDb(source), cypherFile(__dirname, 'baseline-store'), { json: JSON.stringify(baseline), description: baseline.description, total: baseline.total });
}

export async function loadBaseline(source: Store): Promise<PopulationBaseline | null> {
  const rows = await readRows<{ json: string }>(analyticsDb(source), cypherFile(__dirname, 'baseline-read'), {});
  return rows.length ? (JSON.parse(rows[0].json) as PopulationBaseline) : null;
}
