/**
 * The access log (DPA 2018 s.62): one entry per consultation, disclosure, alteration,
 * combination, erasure or collection, with who, when, why, and the ids touched.
 *
 * Append-only and hash-chained: each entry stores sha256(previous hash + canonical entry), and a
 * single :AccessLogHead node holds the last sequence number and hash. Appends lock the head in
 * the same write transaction (SET before read), so concurrent appends serialise and the chain
 * never forks. Callers await the append BEFORE returning data, so no response leaves unlogged.
 */
import crypto from 'node:crypto';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { RequestContext, User } from '../../platform/context';
import { runWithoutCallSite } from '../../platform/db/query';
import { accessLogAppendTimer } from '../../ops/metrics';
import { openSession } from '../../platform/db/session';

export type AccessOperation = 'consultation' | 'disclosure' | 'alteration' | 'combination' | 'erasure' | 'collection';
export const ACCESS_OPERATIONS: readonly AccessOperation[] = ['consultation', 'disclosure', 'alteration', 'combination', 'erasure', 'collection'];

/** A non-human actor (import job, retention sweep, seed). */
export interface SystemActor {
  system: string;
  driver: Driver;
  database: string;
  requestId?: string;
}
export const systemActor = (system: string, driver: Driver, database = 'neo4j'): SystemActor => ({ system, driver, database });

export interface AccessLogInput {
  operation: AccessOperation;
  justification: string;
  /** Ids of the records returned or touched. */
  ids: readonly string[];
  /** Anything else worth keeping (query arguments, export format, recipient…). */
  detail?: Record<string, unknown>;
}

export interface AccessLogEntry {
  seq: number;
  at: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  actorAgency: string | null;
  operation: AccessOperation;
  justification: string;
  ids: string[];
  detail: string;
  requestId: string;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The exact bytes hashed: a fixed field order, so verification recomputes the same string. */
export function canonical(e: Omit<AccessLogEntry, 'hash'>): string {
  return JSON.stringify([e.seq, e.at, e.actorId, e.actorName, e.actorRole, e.actorAgency, e.operation,
    e.justification, e.ids, e.detail, e.requestId, e.prevHash]);
}
export const entryHash = (e: Omit<AccessLogEntry, 'hash'>): string =>
  crypto.createHash('sha256').update(canonical(e)).digest('hex');

const isSystem = (a: RequestContext | SystemActor): a is SystemActor => 'system' in a;

function actorFields(a: RequestContext | SystemActor): Pick<AccessLogEntry, 'actorId' | 'actorName' | 'actorRole' | 'actorAgency' | 'requestId'> {
  if (isSystem(a)) {
    return { actorId: `system:${a.system}`, actorName: a.system, actorRole: 'system', actorAgency: null, requestId: a.requestId ?? crypto.randomUUID() };
  }
  const u: User = a.user;
  return { actorId: u.id, actorName: u.name, actorRole: u.role, actorAgency: u.agency ?? null, requestId: a.requestId };
}

const LOCK_HEAD = `MERGE (h:AccessLogHead {id: 'head'})
ON CREATE SET h.seq = toInteger(0), h.hash = $genesis
SET h.lockedBy = $requestId
RETURN h.seq AS seq, h.hash AS hash`;

const APPEND = `MATCH (h:AccessLogHead {id: 'head'})
UNWIND $entries AS e
CREATE (:AccessLogEntry {seq: e.seq, at: datetime(e.at), atText: e.at, actorId: e.actorId, actorName: e.actorName,
  actorRole: e.actorRole, actorAgency: e.actorAgency, operation: e.operation, justification: e.justification,
  ids: e.ids, detail: e.detail, requestId: e.requestId, prevHash: e.prevHash, hash: e.hash})
WITH h, max(e.seq) AS seq, $lastHash AS hash
SET h.seq = seq, h.hash = hash
REMOVE h.lockedBy`;

/**
 * One round trip when this process already knows the head (the usual case): lock the head, check
 * it is still where we left it, append. No row back means another process appended meanwhile.
 */
const APPEND_IF_HEAD = `MATCH (h:AccessLogHead {id: 'head'})
SET h.lockedBy = $requestId
WITH h WHERE h.seq = $expectSeq AND h.hash = $expectHash
UNWIND $entries AS e
CREATE (:AccessLogEntry {seq: e.seq, at: datetime(e.at), atText: e.at, actorId: e.actorId, actorName: e.actorName,
  actorRole: e.actorRole, actorAgency: e.actorAgency, operation: e.operation, justification: e.justification,
  ids: e.ids, detail: e.detail, requestId: e.requestId, prevHash: e.prevHash, hash: e.hash})
WITH h, max(e.seq) AS seq
SET h.seq = seq, h.hash = $lastHash
REMOVE h.lockedBy
RETURN seq`;

interface Pending { actor: RequestContext | SystemActor; input: AccessLogInput }
export interface Head { seq: number; hash: string }

function chain(items: Pending[], head: Head): AccessLogEntry[] {
  let seq = head.seq;
  let prevHash = head.hash;
  const at = new Date().toISOString();
  return items.map(({ actor, input }) => {
    const base: Omit<AccessLogEntry, 'hash'> = {
      seq: ++seq, at, ...actorFields(actor),
      operation: input.operation,
      justification: input.justification,
      ids: [...new Set(input.ids)].map(String),
      detail: JSON.stringify(input.detail ?? {}),
      prevHash,
    };
    const entry: AccessLogEntry = { ...base, hash: entryHash(base) };
    prevHash = entry.hash;
    return entry;
  });
}

const asParams = (entries: AccessLogEntry[]) => entries.map((e) => ({ ...e, seq: neo4j.int(e.seq) }));

/** Appends several entries in a caller's write transaction, chained in order after the locked head. */
async function appendManyTx(tx: ManagedTransaction, items: Pending[]): Promise<AccessLogEntry[]> {
  items.forEach((i) => validateInput(i.input));
  const requestId = actorFields(items[0].actor).requestId;
  const head = await tx.run(LOCK_HEAD, { genesis: GENESIS_HASH, requestId });
  const entries = chain(items, { seq: Number(head.records[0].get('seq')), hash: String(head.records[0].get('hash')) });
  await tx.run(APPEND, { entries: asParams(entries), lastHash: entries[entries.length - 1].hash });
  return entries;
}

/**
 * Appends inside a caller's write transaction, so an alteration and its log entry commit
 * together. The log's constraints come from cypher/schema/003_access_log.cypher (npm run migrate).
 */
export async function appendAccessLogTx(tx: ManagedTransaction, actor: RequestContext | SystemActor, input: AccessLogInput): Promise<AccessLogEntry> {
  return (await appendManyTx(tx, [{ actor, input }]))[0];
}

/** Entries and commits since the process started (the API benchmark reports entries per commit). */
export const commitStats = { commits: 0, entries: 0 };

/**
 * Group commit: appends that arrive while a transaction is in flight wait and go together in the
 * next one. Each caller still resolves only after its own entry is committed; far fewer commits
 * (and lock waits on the head) under concurrent load.
 */
class GroupCommitter {
  private pending: Array<Pending & { resolve: (e: AccessLogEntry) => void; reject: (e: unknown) => void }> = [];
  private running = false;
  /** The head after this process's last committed batch (a guess: another process may have moved it). */
  private head: Head | undefined;
  constructor(private readonly driver: Driver, private readonly database: string) {}

  append(actor: RequestContext | SystemActor, input: AccessLogInput): Promise<AccessLogEntry> {
    try {
      validateInput(input);
    } catch (e) {
      return Promise.reject(e);
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ actor, input, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.pending.length) {
      const batch = this.pending.splice(0, 500);
      try {
        const entries = await this.commit(batch);
        const last = entries[entries.length - 1];
        this.head = { seq: last.seq, hash: last.hash };
        commitStats.commits += 1;
        commitStats.entries += batch.length;
        batch.forEach((b, i) => b.resolve(entries[i]));
      } catch (e) {
        this.head = undefined;
        batch.forEach((b) => b.reject(e));
      }
    }
    this.running = false;
  }

  /**
   * Resolves once the batch is committed. When this process knows the head (the usual case) the
   * check-and-append is ONE statement, run as an auto-commit transaction: one round trip (RUN +
   * PULL, whose success arrives after the commit) instead of BEGIN/RUN/COMMIT, all or nothing
   * like any transaction. No row back (another process moved the head) or a transient error:
   * the locked read-then-append in a managed, retried write transaction.
   */
  private async commit(batch: Pending[]): Promise<AccessLogEntry[]> {
    if (this.head) {
      // Inputs were validated by append().
      const known = this.head;
      const entries = chain(batch, known);
      const session = openSession(this.driver, this.database);
      try {
        const r = await runWithoutCallSite(session, APPEND_IF_HEAD, {
          requestId: actorFields(batch[0].actor).requestId, expectSeq: neo4j.int(known.seq), expectHash: known.hash,
          entries: asParams(entries), lastHash: entries[entries.length - 1].hash,
        });
        if (r.records.length > 0) return entries;
      } catch (e) {
        if (!neo4j.isRetriableError(e)) throw e;
      } finally {
        await session.close();
      }
    }
    const session = openSession(this.driver, this.database);
    try {
      return await session.executeWrite((tx) => appendManyTx(tx, batch));
    } finally {
      await session.close();
    }
  }
}

const committers = new WeakMap<Driver, Map<string, GroupCommitter>>();

/** Appends an entry; resolves once it is committed. Await it BEFORE returning data. */
export async function appendAccessLog(actor: RequestContext | SystemActor, input: AccessLogInput): Promise<AccessLogEntry> {
  let byDb = committers.get(actor.driver);
  if (!byDb) committers.set(actor.driver, (byDb = new Map()));
  let c = byDb.get(actor.database);
  if (!c) byDb.set(actor.database, (c = new GroupCommitter(actor.driver, actor.database)));
  const appended = accessLogAppendTimer();
  return c.append(actor, input).finally(appended);
}

function validateInput(input: AccessLogInput): void {
  if (!ACCESS_OPERATIONS.includes(input.operation)) throw new Error(`access log: unknown operation ${input.operation}`);
  if (!input.justification || !input.justification.trim()) throw new Error('access log: a justification is required');
  if (!Array.isArray(input.ids)) throw new Error('access log: ids must be a list');
}
