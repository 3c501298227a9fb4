/**
 * Test helpers over the real Neo4j started by global-setup. Data tests call freshGraph() in
 * beforeAll: it empties the data (schema and the access log's constraints stay), and the access
 * log's checkpoint file with it.
 */
import fs from 'node:fs';
import type { Driver, Transaction } from 'neo4j-driver';
import { getDriver, closeDriver } from '../../server/platform/db/driver';
import { config } from '../../server/platform/config';

export const driver = (): Driver => getDriver();

export async function freshGraph(): Promise<Driver> {
  const d = getDriver();
  // CALL … IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
  const session = d.session();
  try {
    // Relationships first, in bounded batches: detaching a hub node (an agency reported by every
    // event of the borough) in one inner transaction would exceed the transaction memory pool.
    await session.run('MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) WHERE NOT n:SchemaMigration CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  fs.rmSync(config().ACCESS_LOG_CHECKPOINTS, { force: true });
  return d;
}

export async function counts(): Promise<{ nodes: number; rels: number }> {
  const { records } = await getDriver().executeQuery(
    'MATCH (n) WHERE NOT n:SchemaMigration WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels',
  );
  return { nodes: records[0].get('nodes') as number, rels: records[0].get('rels') as number };
}

/**
 * An explicit transaction a test keeps open, as another person's decision still in flight:
 * what it writes holds its locks until `commit()`, which also closes its session.
 */
export async function transactionInFlight(): Promise<{ tx: Transaction; commit(): Promise<void> }> {
  const session = getDriver().session();
  const tx = await session.beginTransaction();
  return { tx, commit: async () => { try { await tx.commit(); } finally { await session.close(); } } };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export { closeDriver };
