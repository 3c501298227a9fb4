/** A graph's exact content as one hash: every node's labels and properties, every relationship's ends, type and properties. */
import crypto from 'node:crypto';
import type { Driver } from 'neo4j-driver';

/** Values in a fixed form: Neo4j's temporal and spatial values as their ISO text, maps with sorted keys. */
function canon(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === 'object') {
    if (Object.getPrototypeOf(v) !== Object.prototype) return String(v);
    return Object.keys(v as object).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])]);
  }
  return v;
}

export async function graphFingerprint(driver: Driver): Promise<{ nodes: number; relationships: number; hash: string }> {
  const nodes = await driver.executeQuery('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
  const rels = await driver.executeQuery('MATCH (a)-[r]->(b) RETURN properties(a) AS a, type(r) AS type, properties(r) AS props, properties(b) AS b');
  const lines = [
    ...nodes.records.map((r) => JSON.stringify(['n', [...(r.get('labels') as string[])].sort(), canon(r.get('props'))])),
    ...rels.records.map((r) => JSON.stringify(['r', canon(r.get('a')), r.get('type'), canon(r.get('props')), canon(r.get('b'))])),
  ].sort();
  const hash = crypto.createHash('sha256');
  for (const l of lines) hash.update(l).update('\n');
  return { nodes: nodes.records.length, relationships: rels.records.length, hash: hash.digest('hex') };
}
