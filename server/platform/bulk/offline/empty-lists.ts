/**
 * Sets the empty lists an offline import could not hold (csv-writer.ts notes them), with the
 * loader's own `SET … +=` and a driver list parameter, so they are stored as a load stores them.
 * Run after the schema migrations: the lookups use the id constraints' indexes.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import type { Driver } from 'neo4j-driver';
import { ENTITY_LABEL, relKind } from '../../../model/model';
import { seekId } from '../load-queries';

interface EmptyLists { kind: 'node' | 'rel'; type: string; id: string; props: Record<string, never[]> }

const BATCH = 10_000;

async function setBatch(driver: Driver, database: string, key: string, rows: EmptyLists[]): Promise<void> {
  const [kind, type] = key.split(':');
  const query = kind === 'node'
    ? `UNWIND $rows AS row MATCH (n:${ENTITY_LABEL} {id: row.id}) ${seekId('n')} SET n += row.props`
    // The type comes from the model, never from the file.
    : `UNWIND $rows AS row MATCH ()-[r:${relKind(type)!.type} {id: row.id}]->() ${seekId('r', type)} SET r += row.props`;
  await driver.executeQuery(query, { rows: rows.map((r) => ({ id: r.id, props: r.props })) }, { database });
}

/** Returns how many records got their empty lists. */
export async function applyEmptyLists(driver: Driver, database: string, file: string): Promise<number> {
  const pending = new Map<string, EmptyLists[]>();
  let count = 0;
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const entry = JSON.parse(line) as EmptyLists;
    if (entry.kind === 'rel' && !relKind(entry.type)) throw new Error(`${file}: unknown relationship type ${entry.type}`);
    const key = `${entry.kind}:${entry.type}`;
    const rows = pending.get(key) ?? [];
    rows.push(entry);
    pending.set(key, rows);
    count += 1;
    if (rows.length >= BATCH) { await setBatch(driver, database, key, rows); pending.set(key, []); }
  }
  for (const [key, rows] of pending) if (rows.length) await setBatch(driver, database, key, rows);
  return count;
}
