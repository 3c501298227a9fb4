/**
 * Says which Neo4j a data-management command is about to read or write, before it does anything:
 * address, database, how it was found, its record counts, and whether it is the store configured
 * for this checkout. Writing anywhere else needs a confirmation (or --yes).
 */
import path from 'node:path';
import readline from 'node:readline/promises';
import type { Driver } from 'neo4j-driver';

/** How the command found its Neo4j. */
export type Found = 'NEO4J_URI' | 'running instance' | 'embedded';

export interface Target {
  uri: string;
  database: string;
  found: Found;
  nodes: number;
  relationships: number;
  /** The server's data folder, when it tells. */
  dataDir?: string;
  /** True when this is the store configured for this checkout (NEO4J_URI, or this checkout's data folder). */
  ours: boolean;
}

/** The server's data folder (null when the server does not say). */
async function serverDataDir(driver: Driver, database: string): Promise<string | undefined> {
  const session = driver.session({ database });
  try {
    const r = await session.run('CALL dbms.listConfig($name) YIELD name, value RETURN value', { name: 'server.directories.data' });
    const v = r.records[0]?.get('value');
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  } finally {
    await session.close();
  }
}

async function counts(driver: Driver, database: string): Promise<{ nodes: number; relationships: number }> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const r = await session.run('CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels', {});
    return { nodes: Number(r.records[0].get('nodes')), relationships: Number(r.records[0].get('rels')) };
  } finally {
    await session.close();
  }
}

/** Is a data folder the one this checkout configures (its embedded store)? */
export function isOwnDataDir(serverDir: string | undefined, configured: string): boolean {
  if (!serverDir) return false;
  const mine = path.resolve(configured);
  const theirs = path.resolve(serverDir);
  return theirs === mine || theirs.startsWith(mine + path.sep);
}

export async function describeTarget(driver: Driver, database: string, uri: string, found: Found, configuredDataDir: string): Promise<Target> {
  const [c, dataDir] = await Promise.all([counts(driver, database), serverDataDir(driver, database)]);
  const ours = found === 'NEO4J_URI' || found === 'embedded' || isOwnDataDir(dataDir, configuredDataDir);
  return { uri, database, found, ...c, dataDir, ours };
}

export function targetLine(t: Target): string {
  const how = t.found === 'NEO4J_URI' ? 'from NEO4J_URI' : t.found === 'embedded' ? "this checkout's embedded store, started for this command"
    : `a running instance, ${t.ours ? "this checkout's store" : `NOT this checkout's store${t.dataDir ? ` (its data: ${t.dataDir})` : ' (it does not say where its data is)'}`}`;
  return `Neo4j ${t.uri}, database "${t.database}" (${how}): ${t.nodes.toLocaleString('en-GB')} nodes, ${t.relationships.toLocaleString('en-GB')} relationships`;
}

/**
 * Before writing to a store that is not this checkout's: asks on a terminal, refuses otherwise.
 * Returns true when writing may go ahead.
 */
export async function confirmWrite(t: Target, yes: boolean, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stderr): Promise<boolean> {
  if (t.ours || yes) return true;
  if (!(input as NodeJS.ReadStream).isTTY) {
    output.write('This is not the Neo4j configured for this checkout: pass --yes to write to it, or set NEO4J_URI.\n');
    return false;
  }
  const rl = readline.createInterface({ input, output });
  try {
    const answer = await rl.question(`Write to ${t.uri} (database "${t.database}", ${t.nodes} nodes)? It is not this checkout's store. [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
