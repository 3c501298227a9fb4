/**
 * The undo journal of a staged load, kept in the database itself, so that a load whose process
 * or database stopped half-way can still be undone afterwards.
 *  - A (:LoadJournal) node opens the load: its id, the host and pid of the writing process.
 *  - Each batch's transaction also writes a (:LoadJournalBatch) naming the records it created,
 *    and a (:LoadJournalBefore) per record it changed, holding that record's earlier properties
 *    and the labels the load added. A batch and its journal commit together or not at all.
 *  - Removing the LoadJournal node is the load's commit; journal nodes without it are leftovers.
 * An abandoned journal (its process gone) is undone by recoverAbandonedLoads, which the product
 * runs before it serves and the importer runs before it writes.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { ENTITY_LABEL, NODE_KINDS, PERSON_ROLES, relKind } from '../../model/model';
import { seekId } from './load-queries';

/** A changed record as it was: its properties, and the labels the load added to it. */
export interface BeforeImage { id: string; props: Record<string, unknown>; added: string[] }
export interface JournalEntry { kind: 'node' | 'rel'; type: string; created: string[]; changed: BeforeImage[] }

/** Every label the loader can add (labels only ever come from the model, never from the journal). */
const MODEL_LABELS = [...new Set([ENTITY_LABEL, ...NODE_KINDS.flatMap((k) => [k.label, ...k.extraLabels]), ...PERSON_ROLES])];
const CHUNK = 10_000;

/** A process on another host that wrote nothing for this long is taken to be gone. */
export const FOREIGN_LOAD_STALE_MS = 30 * 60_000;

export async function openJournal(driver: Driver, database: string, description: string): Promise<string> {
  const id = crypto.randomUUID();
  await driver.executeQuery(
    'CREATE (:LoadJournal {id: $id, host: $host, pid: $pid, description: $description, startedAt: datetime()})',
    { id, host: os.hostname(), pid: process.pid, description }, { database },
  );
  return id;
}

/** Written inside the batch's own transaction, after the batch. */
export async function journalBatch(tx: ManagedTransaction, load: string, e: JournalEntry): Promise<void> {
  await tx.run(`CREATE (b:LoadJournalBatch {load: $load, kind: $kind, type: $type, created: $created, at: datetime()})
WITH b UNWIND $changed AS row
CREATE (x:LoadJournalBefore) SET x = row.props,
  x.__load = $load, x.__kind = $kind, x.__type = $type, x.__id = row.id, x.__added = row.added`,
  { load, kind: e.kind, type: e.type, created: e.created, changed: e.changed });
}

const JOURNAL_KEYS = ['__load', '__kind', '__type', '__id', '__added'];
const unjournal = (v: string) => JOURNAL_KEYS.map((k) => `${v}.${k}`).join(', ');

type Run = (q: string, params?: Record<string, unknown>) => Promise<{ summary: { counters: { updates(): Record<string, number> } } }>;

/** Runs queries on the database, each with the `bound` parameters too. */
const runner = (driver: Driver, database: string, bound: Record<string, unknown> = {}): Run =>
  (q, params = {}) => driver.executeQuery(q, { ...bound, ...params }, { database });

/** Labels the load added to a record, removed again (labels come from the model, never from data). */
const removeAdded = MODEL_LABELS.map((l) => `FOREACH (_ IN CASE WHEN '${l}' IN x.__added THEN [1] ELSE [] END | REMOVE n:${l})`).join('\n');

/**
 * Undoes what the journal's batches wrote: created relationships and nodes are deleted, changed
 * ones get their earlier properties and labels back. Each piece of the journal is deleted in the
 * transaction that undoes it, so an undoing that is itself interrupted resumes where it stopped.
 * Returns the ids of the records it undid.
 */
export async function undoJournal(driver: Driver, database: string, load: string): Promise<string[]> {
  const run = runner(driver, database, { load });
  const { records } = await driver.executeQuery(`MATCH (b:LoadJournalBatch {load: $load}) RETURN elementId(b) AS b, b.kind AS kind, b.type AS type, b.created AS ids
UNION ALL MATCH (x:LoadJournalBefore {__load: $load}) RETURN null AS b, x.__kind AS kind, x.__type AS type, [x.__id] AS ids`, { load }, { database });
  // A relationship type read back from the journal is used only when the model has it.
  const batches = records.map((r) => ({ b: r.get('b') as string | null, kind: r.get('kind') as string, type: relKind(r.get('type'))?.type, ids: r.get('ids') as string[] }));
  for (const { b, type } of batches.filter((x) => x.b && x.kind === 'rel' && x.type)) {
    await run(`MATCH (b:LoadJournalBatch) WHERE elementId(b) = $b
CALL { WITH b UNWIND b.created AS id MATCH ()-[r:${type} {id: id}]->() ${seekId('r', type)} DELETE r } DELETE b`, { b });
  }
  for (const type of new Set(batches.filter((x) => !x.b && x.kind === 'rel' && x.type).map((x) => x.type!))) {
    await untilNoneLeft(run, `MATCH (x:LoadJournalBefore {__load: $load, __kind: 'rel', __type: $type}) WITH x LIMIT ${CHUNK}
OPTIONAL MATCH ()-[r:${type} {id: x.__id}]->()
SET r = properties(x) REMOVE ${unjournal('r')} DELETE x`, { type });
  }
  for (const { b } of batches.filter((x) => x.b && x.kind === 'node')) {
    await run(`MATCH (b:LoadJournalBatch) WHERE elementId(b) = $b
CALL { WITH b UNWIND b.created AS id MATCH (n:${ENTITY_LABEL} {id: id}) ${seekId('n')} DETACH DELETE n } DELETE b`, { b });
  }
  await untilNoneLeft(run, `MATCH (x:LoadJournalBefore {__load: $load, __kind: 'node'}) WITH x LIMIT ${CHUNK}
OPTIONAL MATCH (n:${ENTITY_LABEL} {id: x.__id})
SET n = properties(x) REMOVE ${unjournal('n')}
${removeAdded}
DELETE x`);
  return batches.flatMap((x) => x.ids);
}

/** Runs a bounded statement that deletes journal nodes until it deletes fewer than a chunk. */
async function untilNoneLeft(run: Run, q: string, params: Record<string, unknown> = {}): Promise<void> {
  while ((await run(q, params)).summary.counters.updates().nodesDeleted >= CHUNK) { /* next chunk */ }
}

/** The load is committed, or fully undone: its journal goes (the LoadJournal node first). */
export async function closeJournal(driver: Driver, database: string, load: string): Promise<void> {
  const run = runner(driver, database, { load });
  await run('MATCH (j:LoadJournal {id: $load}) DELETE j');
  await untilNoneLeft(run, `MATCH (x:LoadJournalBatch {load: $load}) WITH x LIMIT ${CHUNK} DELETE x`);
  await untilNoneLeft(run, `MATCH (x:LoadJournalBefore {__load: $load}) WITH x LIMIT ${CHUNK} DELETE x`);
}

export interface RecoveredLoad { id: string; description: string; ids: string[] }

function processGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Undoes every load whose writing process is gone: on this host, its pid is no longer running;
 * on another, it wrote nothing for FOREIGN_LOAD_STALE_MS. Journal pieces of committed loads are
 * deleted. Returns what was undone, for the caller to log.
 */
export async function recoverAbandonedLoads(driver: Driver, database: string, now = Date.now()): Promise<RecoveredLoad[]> {
  const { records } = await driver.executeQuery(`MATCH (j:LoadJournal)
OPTIONAL MATCH (b:LoadJournalBatch {load: j.id})
WITH j, max(b.at) AS lastBatch
RETURN j.id AS id, j.host AS host, j.pid AS pid, j.description AS description,
       coalesce(lastBatch, j.startedAt).epochMillis AS lastWrite`, {}, { database });
  const recovered: RecoveredLoad[] = [];
  for (const r of records) {
    const id = r.get('id') as string;
    const gone = r.get('host') === os.hostname() ? processGone(Number(r.get('pid'))) : now - Number(r.get('lastWrite')) > FOREIGN_LOAD_STALE_MS;
    if (!gone) continue;
    const ids = await undoJournal(driver, database, id);
    await closeJournal(driver, database, id);
    recovered.push({ id, description: String(r.get('description') ?? ''), ids });
  }
  await dropOrphans(driver, database);
  return recovered;
}

/** Journal pieces whose LoadJournal node is gone belong to a committed load. */
async function dropOrphans(driver: Driver, database: string): Promise<void> {
  const run = runner(driver, database);
  await untilNoneLeft(run, `MATCH (x:LoadJournalBatch) WHERE NOT EXISTS { MATCH (:LoadJournal {id: x.load}) } WITH x LIMIT ${CHUNK} DELETE x`);
  await untilNoneLeft(run, `MATCH (x:LoadJournalBefore) WHERE NOT EXISTS { MATCH (:LoadJournal {id: x.__load}) } WITH x LIMIT ${CHUNK} DELETE x`);
}
