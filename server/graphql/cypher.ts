/**
 * Named, parameterised Cypher: cypher/queries/<concept>/<name>.cypher, read once. Results come
 * back as plain JSON values (temporal values as ISO text) so services never see driver types.
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isTime, isNode, isRelationship, type ManagedTransaction, type Result, type Session } from 'neo4j-driver';
import type { RequestContext } from './context';

const QUERY_DIR = path.resolve(__dirname, '..', '..', 'cypher', 'queries');
const cache = new Map<string, string>();

export function namedQuery(concept: string, name: string): string {
  const key = `${concept}/${name}`;
  let text = cache.get(key);
  if (text === undefined) {
    if (!/^[a-z][\w-]*$/.test(concept) || !/^[a-z][\w-]*$/.test(name)) throw new Error(`bad query name ${key}`);
    text = compactCypher(fs.readFileSync(path.join(QUERY_DIR, concept, `${name}.cypher`), 'utf8'));
    cache.set(key, text);
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

/** Runs a named read query with parameters; rows as plain objects. */
export async function readRows(ctx: Pick<RequestContext, 'driver' | 'database'>, concept: string, name: string, params: Record<string, unknown>): Promise<Row[]> {
  const { records } = await ctx.driver.executeQuery(namedQuery(concept, name), params, { database: ctx.database, routing: neo4j.routing.READ });
  return records.map((r) => toPlain(r.toObject()) as Row);
}

export async function writeRows(ctx: Pick<RequestContext, 'driver' | 'database'>, concept: string, name: string, params: Record<string, unknown>): Promise<Row[]> {
  const { records } = await ctx.driver.executeQuery(namedQuery(concept, name), params, { database: ctx.database });
  return records.map((r) => toPlain(r.toObject()) as Row);
}

/** Runs a named query in a transaction the caller holds; rows as plain objects. */
export async function txRows(tx: Pick<ManagedTransaction, 'run'>, concept: string, name: string, params: Record<string, unknown>): Promise<Row[]> {
  const { records } = await tx.run(namedQuery(concept, name), params);
  return records.map((r) => toPlain(r.toObject()) as Row);
}
