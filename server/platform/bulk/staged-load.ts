/**
 * Staged loading for loads too big for one transaction within the heap (the borough: ~700k rows
 * need more transaction state than a 2 GB heap holds). Atomicity is kept another way:
 *  1. everything is validated first, including every relationship endpoint (in this load or
 *     already in the graph, with an allowed label), so a bad row stops the load before any write;
 *  2. batches commit on their own, two in flight (openStagedWriter); the query that writes a batch
 *     also returns the old labels and properties of the records that already existed, and the
 *     batch's transaction journals them with the ids it created (load-journal.ts);
 *  3. if any batch fails (the database, the network, a constraint), the load is undone from the
 *     journal: records it created are deleted and records it changed get their old labels and
 *     properties back. When this process cannot (it stopped, or the database did), the next start
 *     of the product or of an import undoes it.
 * Readers may see a partly written load while it runs; nothing of a failed load remains after.
 */
import neo4j, { Driver, ManagedTransaction } from 'neo4j-driver';
import { relKind } from '../../model/model';
import { RowError } from '../../model/errors';
import { wrongEndReason } from '../../model/validate';
import type { LoadOptions, LoadSummary, PreparedUnit, NodeBatchRow, RelBatchRow } from './types';
import { stagedNodeQuery, stagedRelQuery, diagnoseRel, lookupLabels } from './load-queries';
import { openSession } from '../db/session';
import { closeJournal, journalBatch, openJournal, undoJournal, type BeforeImage } from './load-journal';

/** Comparable text for a property value (driver temporal / integer types included). */
const text = (v: unknown): string => (Array.isArray(v) ? `[${v.map(text).join(',')}]` : v === null || v === undefined ? '' : String(v));
const sameProps = (old: Record<string, unknown>, next: Record<string, unknown>): boolean =>
  Object.entries(next).every(([k, v]) => text(old[k]) === text(v));

/** Check every relationship endpoint before writing: in this load, or in the graph with an allowed label. */
export async function checkEndpoints(driver: Driver, database: string, prepared: PreparedUnit[]): Promise<void> {
  const labelsOf = new Map<string, string[]>();
  for (const p of prepared) for (const [key, rows] of p.nodeGroups ?? []) for (const r of rows) labelsOf.set(r.id, key.split(':'));
  const unknown = new Set<string>();
  for (const p of prepared) for (const r of p.rels ?? []) {
    if (!labelsOf.has(r.from)) unknown.add(r.from);
    if (!labelsOf.has(r.to)) unknown.add(r.to);
  }
  for (const [id, labels] of await lookupLabels(driver, database, [...unknown])) labelsOf.set(id, labels);
  for (const p of prepared) {
    if (!p.rels || p.unit.kind !== 'rel') continue;
    const kind = relKind(p.unit.type)!;
    for (const r of p.rels) {
      const from = labelsOf.get(r.from);
      const to = labelsOf.get(r.to);
      if (!from) throw new RowError(p.unit.origin, r.i, 'from', `reference to an unknown id ${JSON.stringify(r.from)}`);
      if (!to) throw new RowError(p.unit.origin, r.i, 'to', `reference to an unknown id ${JSON.stringify(r.to)}`);
      if (!from.some((l) => kind.from.includes(l))) throw new RowError(p.unit.origin, r.i, 'from', wrongEndReason(kind.type, 'from'));
      if (!to.some((l) => kind.to.includes(l))) throw new RowError(p.unit.origin, r.i, 'to', wrongEndReason(kind.type, 'to'));
    }
  }
}

/**
 * Old property values come with their Cypher types: a driver configured to return integers as JS
 * numbers would otherwise write them back as floats when a failed load is undone.
 */
function typedProps(list: Array<[string, unknown, string]>): Record<string, unknown> {
  return Object.fromEntries(list.map(([k, v, t]) => [k, t.startsWith('INTEGER') && typeof v === 'number' ? neo4j.int(v) : v]));
}

type Counters = Record<string, number>;
interface BatchResult { counters: Counters; created: string[]; changed: BeforeImage[] }

/** One node batch, written in one query that also returns what existing records were before. */
async function writeNodeBatch(tx: ManagedTransaction, labelKey: string, rows: NodeBatchRow[]): Promise<BatchResult> {
  const res = await tx.run(stagedNodeQuery(labelKey), { rows });
  const existing = res.records[0].get('existing') as Array<[string, [string[], Array<[string, unknown, string]>]]>;
  const old = new Map(existing.map(([id, [labels, props]]) => [id, { labels, props: typedProps(props) }]));
  const labels = labelKey.split(':');
  const result: BatchResult = { counters: res.summary.counters.updates(), created: [], changed: [] };
  for (const r of rows) {
    const o = old.get(r.id);
    if (!o) { result.created.push(r.id); continue; }
    const added = labels.filter((l) => !o.labels.includes(l));
    if (added.length || !sameProps(o.props, r.props)) result.changed.push({ id: r.id, props: o.props, added });
  }
  return result;
}

/** One relationship batch, the same way. */
async function writeRelBatch(tx: ManagedTransaction, origin: string, type: string, rows: RelBatchRow[]): Promise<BatchResult> {
  const kind = relKind(type)!;
  // kind.type comes from the model (prepare() rejected unknown types), never from input text.
  const res = await tx.run(stagedRelQuery(kind.type), { rows, fromLabels: kind.from, toLabels: kind.to });
  if (Number(res.records[0].get('n')) < rows.length) await diagnoseRel(tx, origin, kind.type, rows, kind.from, kind.to);
  const existing = res.records[0].get('existing') as Array<[string, Array<[string, unknown, string]>]>;
  const old = new Map(existing.map(([id, props]) => [id, typedProps(props)]));
  return {
    counters: res.summary.counters.updates(),
    created: rows.filter((r) => !old.has(r.id)).map((r) => r.id),
    changed: rows.filter((r) => old.has(r.id) && !sameProps(old.get(r.id)!, r.props)).map((r) => ({ id: r.id, props: old.get(r.id)!, added: [] })),
  };
}

export interface StagedWriterOptions {
  database?: string;
  batchSize?: number;
  /** Batches in flight at once: while Neo4j writes one, this process prepares the next (default 2). */
  concurrency?: number;
  /** Called after each committed batch with the rows written so far; a throw fails the load. */
  onProgress?: (done: number) => void;
  /** What the load is (its files), kept in its journal for whoever undoes it later. */
  description?: string;
}

/**
 * Writes already validated rows in committed batches, several in flight, and can undo them all.
 * The caller writes every node a relationship needs before that relationship (writeRels waits for
 * node batches still in flight) and has checked relationship endpoints (checkEndpoints).
 */
export interface StagedWriter {
  /** Resolve once the rows are queued (back-pressure: at most `concurrency` batches in flight). */
  writeNodes(labelKey: string, rows: NodeBatchRow[]): Promise<void>;
  writeRels(type: string, origin: string, rows: RelBatchRow[]): Promise<void>;
  /**
   * Waits for every batch and commits the load (its journal goes); if a batch failed, undoes the
   * load and throws its error (an UndoFailedError when the undoing failed too).
   */
  finish(): Promise<LoadSummary>;
  /**
   * Undoes everything written so far (the caller found a problem); returns how many records it
   * undid. Throws an UndoFailedError when the undoing fails.
   */
  abort(cause: unknown): Promise<number>;
}

export function openStagedWriter(driver: Driver, opts: StagedWriterOptions = {}): StagedWriter {
  const database = opts.database ?? 'neo4j';
  const batchSize = opts.batchSize ?? 5000;
  const concurrency = Math.max(1, opts.concurrency ?? 2);
  const summary: LoadSummary = { rows: 0, nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 };
  const inFlight = new Set<Promise<void>>();
  let journal: Promise<string> | undefined;
  let nodesInFlight = 0;
  let failure: { error: unknown } | undefined;
  let done = 0;

  const record = (r: BatchResult, rows: number) => {
    const c = r.counters;
    summary.nodesCreated += c.nodesCreated ?? 0;
    summary.relationshipsCreated += c.relationshipsCreated ?? 0;
    summary.propertiesSet += c.propertiesSet ?? 0;
    summary.labelsAdded += c.labelsAdded ?? 0;
    summary.rows += rows;
    done += rows;
    if (!failure) opts.onProgress?.(done);
  };
  async function launch(isNode: boolean, type: string, write: (tx: ManagedTransaction) => Promise<BatchResult>, rows: number): Promise<void> {
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (failure) throw failure.error;
    journal ??= openJournal(driver, database, opts.description ?? 'staged load');
    const load = await journal;
    if (isNode) nodesInFlight += 1;
    const session = openSession(driver, database);
    const work = async (tx: ManagedTransaction) => {
      const r = await write(tx);
      await journalBatch(tx, load, { kind: isNode ? 'node' : 'rel', type, created: r.created, changed: r.changed });
      return r;
    };
    const p: Promise<void> = session.executeWrite(work)
      .then((r) => record(r, rows))
      .catch((e) => { failure ??= { error: e }; })
      .finally(() => { inFlight.delete(p); if (isNode) nodesInFlight -= 1; return session.close(); });
    inFlight.add(p);
  }
  const settle = async () => { while (inFlight.size) await Promise.race(inFlight); };
  const chunks = <T>(rows: T[]) => Array.from({ length: Math.ceil(rows.length / batchSize) }, (_, i) => rows.slice(i * batchSize, (i + 1) * batchSize));
  const undo = async (cause: unknown): Promise<number> => {
    if (!journal) return 0;
    return undoLoad(driver, database, await journal.catch(() => undefined), cause);
  };

  return {
    async writeNodes(labelKey, rows) {
      for (const batch of chunks(rows)) await launch(true, labelKey, (tx) => writeNodeBatch(tx, labelKey, batch), batch.length);
    },
    async writeRels(type, origin, rows) {
      // Endpoints written by node batches still in flight must be committed first.
      while (nodesInFlight > 0) await Promise.race(inFlight);
      for (const batch of chunks(rows)) await launch(false, type, (tx) => writeRelBatch(tx, origin, type, batch), batch.length);
    },
    async finish() {
      await settle();
      if (failure) {
        await undo(failure.error);
        throw failure.error;
      }
      if (journal) await closeJournal(driver, database, await journal);
      return summary;
    },
    async abort(cause) {
      await settle();
      return undo(cause);
    },
  };
}

export async function stagedLoad(driver: Driver, prepared: PreparedUnit[], opts: LoadOptions, summary: LoadSummary, total: number): Promise<void> {
  const database = opts.database ?? 'neo4j';
  await checkEndpoints(driver, database, prepared);
  const writer = openStagedWriter(driver, { database, batchSize: opts.batchSize, concurrency: opts.concurrency, onProgress: (done) => opts.onProgress?.(done, total) });
  try {
    const ordered = [...prepared].sort((a, b) => Number(!!a.rels) - Number(!!b.rels));
    for (const p of ordered) {
      for (const [labelKey, rows] of p.nodeGroups ?? []) await writer.writeNodes(labelKey, rows);
      if (p.rels && p.unit.kind === 'rel') await writer.writeRels(p.unit.type, p.unit.origin, p.rels);
    }
  } catch (e) {
    await writer.abort(e);
    throw e;
  }
  Object.assign(summary, { ...(await writer.finish()), rows: summary.rows });
}

/** A failed load whose undoing failed too: records of the load may remain. */
export class UndoFailedError extends Error {}

/** Removes what a failed load created and restores what it changed; then the caller rethrows. */
async function undoLoad(driver: Driver, database: string, load: string | undefined, cause: unknown): Promise<number> {
  if (!load) return 0; // the journal was never opened, so no batch was written
  try {
    const undone = await undoJournal(driver, database, load);
    await closeJournal(driver, database, load);
    return undone.length;
  } catch (undoError) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new UndoFailedError(`load failed (${why}) and undoing its writes failed too (${undoError instanceof Error ? undoError.message : undoError}); ` +
      'records of this load remain until the next start of the product or of an import undoes them');
  }
}
