/**
 * The borough population baseline (children 10–17) for disproportionality, kept in the graph as
 * one `PopulationBaseline` node (not an Entity: it is reference data, not a record about anyone).
 * The seed stores the fixture's baseline with storeBaseline(); imports of real census tables can
 * do the same.
 */
import { routing } from 'neo4j-driver';
import type { PopulationBaseline } from '../../fixtures/generator/types';
import type { AnalyticsSource } from './types';

export async function storeBaseline(source: AnalyticsSource, baseline: PopulationBaseline): Promise<void> {
  await source.driver.executeQuery(
    'MERGE (b:PopulationBaseline {id: "borough"}) SET b.json = $json, b.description = $description, b.total = $total',
    { json: JSON.stringify(baseline), description: baseline.description, total: baseline.total },
    { database: source.database, routing: routing.WRITE },
  );
}

export async function loadBaseline(source: AnalyticsSource): Promise<PopulationBaseline | null> {
  const { records } = await source.driver.executeQuery('MATCH (b:PopulationBaseline {id: "borough"}) RETURN b.json AS json',
    {}, { database: source.database, routing: routing.READ });
  return records.length ? (JSON.parse(records[0].get('json') as string) as PopulationBaseline) : null;
}
