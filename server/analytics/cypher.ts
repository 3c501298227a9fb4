/**
 * Runs the named, parameterised queries in cypher/queries/analytics/<name>.cypher (read once,
 * cached). Names come from code, never from input.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { routing } from 'neo4j-driver';
import type { AnalyticsSource } from './types';

const DIR = path.resolve(__dirname, '../../cypher/queries/analytics');
const cache = new Map<string, string>();

export function cypher(name: string): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad query name ${name}`);
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(path.join(DIR, `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

export async function readRows<T = Record<string, unknown>>(
  source: AnalyticsSource, name: string, params: Record<string, unknown>,
): Promise<T[]> {
  const { records } = await source.driver.executeQuery(cypher(name), { hiddenHandling: source.hiddenHandling ?? [], ...params }, {
    database: source.database, routing: routing.READ,
  });
  return records.map((r) => r.toObject() as T);
}
