/** Runs the neighbourhood's named Cypher, as the caller (each query reads through the visibility gate). */
import neo4j from 'neo4j-driver';
import type { RequestContext } from '../../platform/context';
import { cypherFile, readRecordsAutoCommit, readRows, toPlain } from '../../platform/db/query';
import type { RawEdge, RawNode } from '../../platform/present';
import { NODE_KINDS, REL_KINDS } from '../../model/model';
import { expandProjections, temporalKeys } from './projection';

export interface HopFilter {
  relTypes: string[];
  statuses: string[] | null;
  from: string | null;
  to: string | null;
  minSourceEval: string | null;
  minAssessment: string | null;
  contextTypes: string[] | null;
  /** Ask whether the seeds have links the viewer may not see (only for roles that may know). */
  withHiddenLinks: boolean;
}

/** A record one hop reached, with its links from the frontier. */
export interface HopReach {
  id: string;
  /** Null when the record was in `known` (the service holds it), or is beyond the node limit. */
  node: (RawNode & { id: string }) | null;
  /** None beyond the node limit. */
  links: RawEdge[];
}
export interface HopResult {
  /** The nodes of the seeds asked for (first hop) that the caller may see. */
  seeds: Array<RawNode & { id: string }>;
  /** In id order of the record reached. */
  reached: HopReach[];
  /** Links found (each counts against the row cap), sent or not. */
  rows: number;
  /** With `withHiddenLinks`: whether any seed has a link the viewer may not see. */
  hiddenLinks: boolean;
}

/** What the service holds before a hop, so that the hop does not send it again. */
export interface HopState {
  /** Records expanded at earlier hops: every link of theirs came with their hop. */
  expanded: string[];
  /** Records the result holds (their properties are not sent again). */
  known: string[];
  /** How many new records the node limit still admits. */
  room: number;
}

type Ctx = Pick<RequestContext, 'driver' | 'database' | 'user'>;
type Link = [string, string, boolean];

let expandText: string | undefined;
const expandStatement = (): string => (expandText ??= expandProjections(cypherFile(__dirname, 'expand')));

/**
 * One hop out of `frontier`, plus the nodes of `seeds` (the first hop passes the requested ids,
 * so a one-hop neighbourhood is one round trip). Properties come back as plain maps with the
 * model's dates as ISO text; only the ones kept are cleaned (plainProperties) when presented.
 */
export async function expandHop(ctx: Ctx, seeds: string[], frontier: string[], f: HopFilter, rowCap: number, state: HopState): Promise<HopResult> {
  const params = { seeds, frontier, ...f, expanded: state.expanded, known: state.known, room: neo4j.int(Math.max(0, state.room)), rowCap: neo4j.int(rowCap) };
  const records = await readRecordsAutoCommit(ctx, expandStatement(), params);
  const out: HopResult = { seeds: [], reached: [], rows: 0, hiddenLinks: false };
  for (const r of records) {
    const id = r.get('bid') as string;
    const properties = r.get('bp') as Record<string, unknown> | null;
    const node = properties ? { id, labels: r.get('bl') as string[], properties } : null;
    const links = r.get('links') as Link[] | null;
    if (links === null) {
      out.seeds.push(node!);
      if (r.get('hidden') === true) out.hiddenLinks = true;
      continue;
    }
    const linkProperties = r.get('linkProperties') as Array<Record<string, unknown>>;
    out.rows += r.get('rows') as number;
    out.reached.push({
      id, node,
      links: links.map(([from, type, outgoing], i) => {
        const properties = linkProperties[i];
        return { id: properties.id as string, type, from: outgoing ? from : id, to: outgoing ? id : from, properties };
      }),
    });
  }
  return out;
}

/** The model's date and datetime property names (nodes and relationships). */
export const TEMPORAL_KEYS: ReadonlySet<string> = new Set([...NODE_KINDS, ...REL_KINDS].flatMap(temporalKeys));

/** Neo4j's toString() trims trailing zeros of fractions (".5Z"); the API serves milliseconds (".500Z", none when ".000"). */
const FRACTION = /(:\d{2})\.(\d+)/;
const isoMillis = (s: string): string => {
  const m = FRACTION.exec(s);
  if (!m) return s;
  const ms = m[2].slice(0, 3).padEnd(3, '0');
  return s.replace(FRACTION, ms === '000' ? '$1' : `$1.${ms}`);
};

/**
 * A returned property map as plain JSON: drops the nulls the Cypher projections add for absent
 * keys (Neo4j never stores null), millisecond ISO text for dates, and converts any other driver
 * value (a temporal property the model does not know, say) as toPlain does.
 */
export function plainProperties(p: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(p)) {
    const v = p[k];
    if (v === null || v === undefined) continue;
    if (typeof v === 'string') out[k] = TEMPORAL_KEYS.has(k) ? isoMillis(v) : v;
    else if (typeof v !== 'object') out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) out[k] = v;
    else out[k] = toPlain(v);
  }
  return out;
}

export async function nodesByIds(ctx: Ctx, ids: string[]): Promise<Array<RawNode & { id: string }>> {
  const rows = await readRows(ctx, cypherFile(__dirname, 'nodes'), { ids });
  return rows.map((r) => ({ id: String(r.id), labels: r.labels as string[], properties: r.props as Record<string, unknown> }));
}

/** Whether any of these records has direct links the caller may not see (one bit: platform/existence.ts). */
export async function haveHiddenLinks(ctx: Ctx, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const [row] = await readRows<{ hidden: boolean }>(ctx, cypherFile(__dirname, 'hidden-links'), { ids });
  return row?.hidden === true;
}

export async function edgesBetween(ctx: Ctx, ids: string[]): Promise<RawEdge[]> {
  const rows = await readRows(ctx, cypherFile(__dirname, 'between'), { ids });
  return rows.map((r) => ({ id: String(r.rid), type: String(r.type), from: String(r.from), to: String(r.to), properties: r.rp as Record<string, unknown> }));
}
