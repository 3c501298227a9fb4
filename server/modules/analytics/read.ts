/**
 * Reads an analytic's Cypher (a file beside the analytic) through the platform's query runner,
 * as the source's viewer (the visibility gate's `$viewer`) and within the source's borough.
 *
 * The borough scope: when one store holds several boroughs (a force), every record carries the
 * borough it belongs to. An analytic for one borough counts and ranks that borough's records (the
 * children, places, persons of concern and events it reports on) and still reads everything
 * linked to them wherever it belongs, so a child placed in another borough keeps their school
 * there. A query marks its subjects with IN_BOROUGH(x), expanded here into a test of
 * `x.borough` against `$borough` (null: the whole store).
 */
import { readRows, type Db } from '../../platform/db/query';
import type { AnalyticsSource, Store } from './types';

/** The database an analytic reads (plain callers may leave the name out: Neo4j's default). */
export const analyticsDb = (source: Store): Db => ({ driver: source.driver, database: source.database ?? 'neo4j' });

const SCOPE_MACRO = /\bIN_BOROUGH\(\s*([A-Za-z_]\w*)\s*\)/g;

/** Whether a query's text marks the subjects it counts with IN_BOROUGH. */
export const usesBoroughScope = (text: string): boolean => /\bIN_BOROUGH\(/.test(text);

const expanded = new Map<string, string>();

/** Expands IN_BOROUGH(x) into the scope test over `$borough`; texts are few, so kept once each. */
export function expandBoroughScope(text: string): string {
  let out = expanded.get(text);
  if (out === undefined) {
    out = text.replace(SCOPE_MACRO, (_m, x: string) => `($borough IS NULL OR ${x}.borough = $borough)`);
    expanded.set(text, out);
  }
  return out;
}

export function readAnalytics<T>(source: AnalyticsSource, text: string, params: Record<string, unknown>): Promise<T[]> {
  return readRows<T>(analyticsDb(source), expandBoroughScope(text), { ...params, viewer: source.viewer, borough: source.borough ?? null });
}
