/**
 * Reads an analytic's Cypher (a file beside the analytic) through the platform's query runner,
 * as the source's viewer (the visibility gate's `$viewer`).
 */
import { readRows, type Db } from '../../platform/db/query';
import type { AnalyticsSource, Store } from './types';

/** The database an analytic reads (plain callers may leave the name out: Neo4j's default). */
export const analyticsDb = (source: Store): Db => ({ driver: source.driver, database: source.database ?? 'neo4j' });

export function readAnalytics<T>(source: AnalyticsSource, text: string, params: Record<string, unknown>): Promise<T[]> {
  return readRows<T>(analyticsDb(source), text, { ...params, viewer: source.viewer });
}
