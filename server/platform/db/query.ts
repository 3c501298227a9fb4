/**
 * The one query runner. Every feature keeps its parameterised Cypher beside its code
 * (`server/modules/<feature>/<name>.cypher`) and runs it through these functions: read or write
 * access mode, a server-side timeout, driver errors mapped once to the typed errors, and results as
 * plain JSON values (temporal values as ISO text) so services never see driver types.
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isTime, isNode, isRelationship, type Driver, type ManagedTransaction, type Record as Neo4jRecord, type Result, type Session } from 'neo4j-driver';
import { AppError, UNAVAILABLE_MESSAGE } from '../errors';
import type { User } from '../context';
import { expandVisibility, usesGate, viewerOf, type Viewer } from '../visibility';
import { openSession } from './session';

/**
 * Where queries run: the driver and the database name, and whose reads they are (a request
 * context is one). Queries that read through the visibility gate take the viewer from here unless
 * the caller passes `viewer` itself (a briefing pack is read as its edition's reader).
 */
export interface Db { driver: Driver; database: string; user?: User }

/** Server-side limit for one read, so a runaway query cannot hold a connection (ms). */
const READ_TIMEOUT_MS = 60_000;

const cache = new Map<string, string>();

/**
 * The text of `<dir>/<name>.cypher`, read once and compacted. `dir` is the calling module's
 * folder (`__dirname`); names come from code, never from input.
 */
export function cypherFile(dir: string, name: string): string {
  const file = path.join(dir, `${name}.cypher`);
  let text = cache.get(file);
  if (text === undefined) {
    if (!/^[a-z][\w-]*$/.test(name)) throw new Error(`bad query name ${name}`);
    text = compactCypher(expandVisibility(fs.readFileSync(file, 'utf8')));
    cache.set(file, text);
  }
  return text;
}

/**
 * The statement as sent: comments dropped and whitespace runs outside string literals and
 * `quoted` names collapsed to one space. Every query's text travels with every request, and the
 * driver writes a message in 1,400-byte chunks, one socket write each: the neighbourhood's expand
 * (2.8 kB with its comments) took three writes per hop, compacted it takes two.
 */
export function compactCypher(src: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === "'" || c === '"' || c === '`') {
      // Literal or quoted name: copied as is, backslash escapes included (doubled backticks pair up).
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' && c !== '`' ? 2 : 1;
      if (space && out) out += ' ';
      space = false;
      out += src.slice(i, j + 1);
      i = j;
    } else if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      space = true;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 1;
      space = true;
    } else if (/\s/.test(c)) {
      space = true;
    } else {
      if (space && out) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

/**
 * session.run without the driver's call-site capture: neo4j-driver builds an Error and reads its
 * stack for every query (to graft it onto a later failure), and under tsx's source maps that was
 * ~5 % of the API process's CPU. The Result is made synchronously inside run(), so the limit is
 * back before anything else runs. Failures keep the server's message and code, not the caller's frames.
 */
export function runWithoutCallSite(session: Session, text: string, params: Record<string, unknown>): Result {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return session.run(text, params);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function toPlain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(toPlain);
  if (typeof v !== 'object') return v;
  if (isDateTime(v as never) || isDate(v as never) || isLocalDateTime(v as never) || isTime(v as never) || isLocalTime(v as never) || isDuration(v as never)) {
    return normaliseTemporal(String(v));
  }
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  if (isNode(v as never)) return { labels: (v as { labels: string[] }).labels, properties: toPlain((v as { properties: object }).properties) };
  if (isRelationship(v as never)) return { type: (v as { type: string }).type, properties: toPlain((v as { properties: object }).properties) };
  return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, toPlain(x)]));
}

/** Neo4j prints nanoseconds (…00.000000000Z); clients expect ordinary ISO text. */
function normaliseTemporal(s: string): string {
  return s.replace(/(\.\d{3})\d*(?=Z|[+-]\d{2}:\d{2}|$)/, '$1').replace(/\.000(?=Z|[+-]|$)/, '');
}

export type Row = Record<string, unknown>;

/**
 * The parameters as sent: a query that reads through the visibility gate gets `$viewer` from the
 * caller's user. A gated query with no viewer is a programming error, never a silent "see all".
 */
export function gatedParams(db: Pick<Db, 'user'>, text: string, params: Record<string, unknown>): Record<string, unknown> {
  if (!usesGate(text) || params.viewer !== undefined) return params;
  if (!db.user) throw new Error('A query that reads through the visibility gate was run without a viewer');
  return { ...params, viewer: viewerOf(db.user) satisfies Viewer };
}

const DRIVER_UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * Driver failures that a caller can act on become typed errors (and reach clients with their
 * code); anything else is rethrown as it is and masked as an unexpected error.
 */
export function mapDriverError(e: unknown): unknown {
  const code = (e as { code?: string } | null)?.code ?? '';
  if (DRIVER_UNAVAILABLE.has(code)) return new AppError('SERVICE_UNAVAILABLE', UNAVAILABLE_MESSAGE, {}, e as Error);
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new AppError('LIMIT_EXCEEDED', 'The query took longer than the server allows; narrow it (fewer hops, a shorter period or a lower limit)');
  }
  return e;
}

let answered = 0;
/**
 * How many queries Neo4j has answered in this process: evidence that it is alive, however busy
 * (the availability probe reads it before counting a slow answer of its own against Neo4j).
 */
export const queriesAnswered = (): number => answered;

async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    answered += 1;
    return result;
  } catch (e) {
    throw mapDriverError(e);
  }
}

const plainRows = (records: Neo4jRecord[]): Row[] => records.map((r) => toPlain(r.toObject()) as Row);

/** Runs a read query (routed to a reader in a cluster); rows as plain objects. */
export async function readRows<T = Row>(db: Db, text: string, params: Record<string, unknown>): Promise<T[]> {
  const sent = gatedParams(db, text, params);
  const { records } = await mapped(() => db.driver.executeQuery(text, sent, { database: db.database, routing: neo4j.routing.READ, transactionConfig: { timeout: READ_TIMEOUT_MS } }));
  return plainRows(records) as T[];
}

/** Runs a write query in its own transaction; rows as plain objects. */
export async function writeRows<T = Row>(db: Db, text: string, params: Record<string, unknown>): Promise<T[]> {
  const sent = gatedParams(db, text, params);
  const { records } = await mapped(() => db.driver.executeQuery(text, sent, { database: db.database }));
  return plainRows(records) as T[];
}

/** Runs a query in a transaction the caller holds; rows as plain objects. */
export async function txRows<T = Row>(tx: Pick<ManagedTransaction, 'run'>, text: string, params: Record<string, unknown>): Promise<T[]> {
  const { records } = await tx.run(text, gatedParams({}, text, params));
  return plainRows(records) as T[];
}

/**
 * Runs work in one write transaction (retried by the driver on transient errors), in a session
 * of its own that is always closed.
 */
export async function inWriteTransaction<T>(db: Db, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = openSession(db.driver, db.database);
  try {
    return await mapped(() => session.executeWrite(work));
  } finally {
    await session.close();
  }
}

/**
 * One read statement in an auto-commit transaction, records as the driver gives them (for the
 * hot paths that pick fields themselves): RUN and PULL in one round trip, where a managed
 * transaction adds BEGIN and COMMIT (measured on the neighbourhood's expand: Neo4j 1.72 -> 1.42 ms
 * and Node 1.46 -> 1.04 ms CPU per call). A transient error gets one managed retry.
 */
export async function readRecordsAutoCommit(db: Db, text: string, given: Record<string, unknown>): Promise<Neo4jRecord[]> {
  const params = gatedParams(db, text, given);
  const session = openSession(db.driver, db.database, 'READ');
  try {
    return (await runWithoutCallSite(session, text, params)).records;
  } catch (e) {
    if (!neo4j.isRetriableError(e)) throw mapDriverError(e);
  } finally {
    await session.close();
  }
  return (await mapped(() => db.driver.executeQuery(text, params, { database: db.database, routing: neo4j.routing.READ }))).records;
}
