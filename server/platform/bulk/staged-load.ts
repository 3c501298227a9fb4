/**
 * Staged loading for loads too big for one transaction within the heap (the borough: ~700k rows
 * need more transaction state than a 2 GB heap holds). Atomicity is kept another way:
 *  1. everything is validated first, including every relationship endpoint (in this load or
 *     already in the graph, with an allowed label), so a bad row stops the load before any write;
 *  2. batches commit on their own, two in flight (openStagedWriter); the query that writes a batch
 *     also returns the old labels and properties of the records that already existed;
 *  3. if any batch fails (the database, the network, a constraint), the load is undone: records it
 *     created are deleted and records it changed get their old labels and properties back.
 * Readers may see a partly written load while it runs; nothing of a failed load remains after.
 */
import neo4j, { Driver, ManagedTransaction } from 'neo4j-driver';
import { relKind, ENTITY_LABEL, NODE_KINDS, PERSON_ROLES } from '../../model/model';
import { RowError } from '../../model/errors';
import { wrongEndReason } from '../../model/validate';
import type { LoadOptions, LoadSummary, PreparedUnit, NodeBatchRow, RelBatchRow } from './types';
import { stagedNodeQuery, stagedRelQuery, diagnoseRel, lookupLabels, seekId, LOOKUP_BATCH } from './load-queries';

interface Snapshot { id: string; labels: string[]; props: Record<string, unknown> }
interface Undo {
  createdNodes: string[];
  createdRels: Map<string, string[]>;
  changedNodes: Array<Snapshot & { added: string[] }>;
  changedRels: Map<string, Snapshot[]>;
}

/** Every label the loader can set (labels only ever come from the model). */
const MODEL_LABELS = new Set([ENTITY_LABEL, ...NODE_KINDS.flatMap((k) => [k.label, ...k.extraLabels]), ...PERSON_ROLES]);

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
interface BatchResult { counters: Counters; created: string[]; changed: Undo['changedNodes'] }

/**
 * The node groups of one batch, written in one query (whatever their labels) that also returns
 * what existing records were before.
 */
async function writeNodeBatch(tx: ManagedTransaction, groups: Array<{ labelKey: string; rows: NodeBatchRow[] }>): Promise<BatchResult> {
  const rows: Array<{ id: string; labels: string[]; props: Record<string, unknown> }> = [];
  for (const g of groups) {
    const labels = g.labelKey.split(':');
    // Labels are set from a parameter: only the model's labels may get there.
    const unknown = labels.find((l) => !MODEL_LABELS.has(l));
    if (unknown !== undefined) throw new Error(`not a label of the model: ${JSON.stringify(unknown)}`);
    for (const r of g.rows) rows.push({ id: r.id, labels, props: r.props });
  }
  const res = await tx.run(stagedNodeQuery, { rows });
  const existing = res.records[0].get('existing') as Array<[string, [string[], Array<[string, unknown, string]>]]>;
  const old = new Map(existing.map(([id, [labels, props]]) => [id, { labels, props: typedProps(props) }]));
  const result: BatchResult = { counters: res.summary.counters.updates(), created: [], changed: [] };
  for (const r of rows) {
    const o = old.get(r.id);
    if (!o) { result.created.push(r.id); continue; }
    const added = r.labels.filter((l) => !o.labels.includes(l));
    if (added.length || !sameProps(o.props, r.props)) result.changed.push({ id: r.id, labels: o.labels, props: o.props, added });
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
    changed: rows.filter((r) => old.has(r.id) && !sameProps(old.get(r.id)!, r.props)).map((r) => ({ id: r.id, labels: [], props: old.get(r.id)!, added: [] })),
  };
}

export interface StagedWriterOptions {
  database?: string;
  batchSize?: number;
  /** Batches in flight at once: while Neo4j writes one, this process prepares the next (default 2). */
  concurrency?: number;
  /**
   * Relationship batches one at a time (node batches still overlap them): the next starts once the
   * one before has run its queries, while it commits. Writing a relationship locks both its ends,
   * so two batches of relationships among the same nodes running at once deadlock, and the retry
   * (after a back-off) costs more than the overlap gains; a batch that is committing takes no
   * more locks, so one that starts meanwhile at most waits for its locks.
   */
  relationshipsOneAtATime?: boolean;
  /** Called after each committed batch with the rows written so far; a throw fails the load. */
  onProgress?: (done: number) => void;
}

/** Rows of one label set (nodes) or of one relationship type from one file, for writeGroups. */
export type WriteGroup =
  | { kind: 'node'; labelKey: string; rows: NodeBatchRow[] }
  | { kind: 'rel'; type: string; origin: string; rows: RelBatchRow[] };

/**
 * Writes already validated rows in committed batches, several in flight, and can undo them all.
 * The caller writes every node a relationship needs before that relationship (relationships wait
 * for node batches still in flight) and has checked relationship endpoints (checkEndpoints).
 */
export interface StagedWriter {
  /** Resolve once the rows are queued (back-pressure: at most `concurrency` batches in flight). */
  writeNodes(labelKey: string, rows: NodeBatchRow[]): Promise<void>;
  writeRels(type: string, origin: string, rows: RelBatchRow[]): Promise<void>;
  /**
   * Several groups, packed into batches of up to batchSize rows (one transaction each, one query
   * per group in it): node groups first, then relationship groups, which wait as writeRels does.
   * Many small groups so cost a few transactions instead of one each.
   */
  writeGroups(groups: WriteGroup[]): Promise<void>;
  /**
   * Waits for every batch; if one failed, undoes the load and throws its error (an
   * UndoFailedError when the undoing failed too).
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
  const undo: Undo = { createdNodes: [], createdRels: new Map(), changedNodes: [], changedRels: new Map() };
  const summary: LoadSummary = { rows: 0, nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 };
  const inFlight = new Set<Promise<void>>();
  let nodesInFlight = 0;
  /** Relationship batches running their queries (not yet committing): each resolves when done. */
  const relsRunning = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let done = 0;

  /** Results of one batch: its node query (type undefined) or one query per relationship group. */
  type Written = Array<{ type?: string; r: BatchResult }>;
  const record = (results: Written, rows: number) => {
    // Recorded only once the batch has committed (executeWrite may retry the function).
    for (const { type, r } of results) {
      if (type === undefined) {
        undo.createdNodes.push(...r.created);
        undo.changedNodes.push(...r.changed);
      } else {
        undo.createdRels.get(type)!.push(...r.created);
        undo.changedRels.get(type)!.push(...r.changed);
      }
      const c = r.counters;
      summary.nodesCreated += c.nodesCreated ?? 0;
      summary.relationshipsCreated += c.relationshipsCreated ?? 0;
      summary.propertiesSet += c.propertiesSet ?? 0;
      summary.labelsAdded += c.labelsAdded ?? 0;
    }
    summary.rows += rows;
    done += rows;
    if (!failure) opts.onProgress?.(done);
  };
  async function write(tx: ManagedTransaction, groups: WriteGroup[]): Promise<Written> {
    const nodes = groups.flatMap((g) => (g.kind === 'node' ? [g] : []));
    const rels = groups.flatMap((g) => (g.kind === 'rel' ? [g] : []));
    const results: Written = nodes.length ? [{ r: await writeNodeBatch(tx, nodes) }] : [];
    // Sent together (the driver pipelines them; Neo4j runs them in order): no round trip each.
    const settled = await Promise.allSettled(rels.map((g) => writeRelBatch(tx, g.origin, g.type, g.rows)));
    settled.forEach((s, i) => {
      if (s.status === 'rejected') throw s.reason; // the first failing group's error
      results.push({ type: rels[i].type, r: s.value });
    });
    return results;
  }
  /**
   * One batch in one transaction: one query for its nodes, then one per relationship group (its
   * nodes were committed by earlier batches).
   */
  async function launch(isNode: boolean, groups: WriteGroup[]): Promise<void> {
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (failure) throw failure.error;
    if (isNode) nodesInFlight += 1;
    let ran = () => {};
    if (!isNode) {
      const running = new Promise<void>((resolve) => { ran = () => { relsRunning.delete(running); resolve(); }; });
      relsRunning.add(running);
    }
    const rows = groups.reduce((n, g) => n + g.rows.length, 0);
    const session = driver.session({ database });
    const p: Promise<void> = session.executeWrite(async (tx) => { const r = await write(tx, groups); ran(); return r; })
      .then((results) => record(results, rows))
      .catch((e) => { failure ??= { error: e }; })
      .finally(() => {
        inFlight.delete(p);
        if (isNode) nodesInFlight -= 1;
        ran();
        return session.close();
      });
    inFlight.add(p);
  }
  const settle = async () => { while (inFlight.size) await Promise.race(inFlight); };
  /** The groups cut into batches of at most batchSize rows (a big group spans several). */
  const pack = (groups: WriteGroup[]): WriteGroup[][] => {
    const batches: WriteGroup[][] = [];
    let batch: WriteGroup[] = [];
    let size = 0;
    for (const g of groups) {
      for (let at = 0; at < g.rows.length;) {
        const take = Math.min(batchSize - size, g.rows.length - at);
        const rows = g.rows.slice(at, at + take);
        batch.push(g.kind === 'node' ? { ...g, rows: rows as NodeBatchRow[] } : { ...g, rows: rows as RelBatchRow[] });
        at += take;
        size += take;
        if (size >= batchSize) { batches.push(batch); batch = []; size = 0; }
      }
    }
    if (batch.length) batches.push(batch);
    return batches;
  };
  async function writeGroups(groups: WriteGroup[]): Promise<void> {
    const nodes = groups.filter((g) => g.kind === 'node' && g.rows.length);
    const rels = groups.filter((g) => g.kind === 'rel' && g.rows.length);
    for (const batch of pack(nodes)) await launch(true, batch);
    if (!rels.length) return;
    for (const g of rels) {
      if (g.kind === 'rel' && !undo.createdRels.has(g.type)) { undo.createdRels.set(g.type, []); undo.changedRels.set(g.type, []); }
    }
    for (const batch of pack(rels)) {
      // Endpoints written by node batches still in flight must be committed first.
      while (nodesInFlight > 0 || (opts.relationshipsOneAtATime && relsRunning.size > 0)) await Promise.race([...inFlight, ...relsRunning]);
      await launch(false, batch);
    }
  }

  return {
    writeNodes: (labelKey, rows) => writeGroups([{ kind: 'node', labelKey, rows }]),
    writeRels: (type, origin, rows) => writeGroups([{ kind: 'rel', type, origin, rows }]),
    writeGroups,
    async finish() {
      await settle();
      if (failure) {
        await undoLoad(driver, database, undo, failure.error);
        throw failure.error;
      }
      return summary;
    },
    async abort(cause) {
      await settle();
      await undoLoad(driver, database, undo, cause);
      let rels = 0;
      for (const [type, ids] of undo.createdRels) rels += ids.length + undo.changedRels.get(type)!.length;
      return undo.createdNodes.length + undo.changedNodes.length + rels;
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
async function undoLoad(driver: Driver, database: string, undo: Undo, cause: unknown): Promise<void> {
  const run = (q: string, params: Record<string, unknown>) => driver.executeQuery(q, params, { database });
  const chunks = <T>(xs: T[]) => Array.from({ length: Math.ceil(xs.length / LOOKUP_BATCH) }, (_, i) => xs.slice(i * LOOKUP_BATCH, (i + 1) * LOOKUP_BATCH));
  try {
    for (const [type, ids] of undo.createdRels) {
      for (const c of chunks(ids)) await run(`UNWIND $ids AS id MATCH ()-[r:${type} {id: id}]->() ${seekId('r', type)} DELETE r`, { ids: c });
    }
    for (const [type, snaps] of undo.changedRels) {
      for (const c of chunks(snaps)) await run(`UNWIND $rows AS row MATCH ()-[r:${type} {id: row.id}]->() ${seekId('r', type)} SET r = row.props`, { rows: c });
    }
    for (const c of chunks(undo.createdNodes)) await run(`UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) ${seekId('n')} DETACH DELETE n`, { ids: c });
    for (const c of chunks(undo.changedNodes)) await run(`UNWIND $rows AS row MATCH (n:${ENTITY_LABEL} {id: row.id}) ${seekId('n')} SET n = row.props`, { rows: c });
    for (const label of MODEL_LABELS) {
      const ids = undo.changedNodes.filter((s) => s.added.includes(label)).map((s) => s.id);
      for (const c of chunks(ids)) await run(`UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) ${seekId('n')} REMOVE n:${label}`, { ids: c });
    }
  } catch (undoError) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new UndoFailedError(`load failed (${why}) and undoing its writes failed too (${undoError instanceof Error ? undoError.message : undoError}); ` +
      `records of this load may remain: reload the same files once the database is healthy (loading is idempotent)`);
  }
}
