/**
 * Runs the named, parameterised queries in cypher/queries/analytics/<name>.cypher (read once,
 * cached). Names come from code, never from input.
 */
import { routing } from 'neo4j-driver';
import { namedQuery } from '../graphql/cypher';
import type { AnalyticsSource } from './types';

/** cypher/queries/analytics/<name>.cypher, through the shared named-query cache. */
export const cypher = (name: string): string => namedQuery('analytics', name);

export async function readRows<T = Record<string, unknown>>(
  source: AnalyticsSource, name: string, params: Record<string, unknown>,
): Promise<T[]> {
  const { records } = await source.driver.executeQuery(cypher(name), { hiddenHandling: source.hiddenHandling ?? [], ...params }, {
    database: source.database, routing: routing.READ,
  });
  return records.map((r) => r.toObject() as T);
}
