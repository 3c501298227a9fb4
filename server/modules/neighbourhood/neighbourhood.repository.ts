/** Runs the neighbourhood's named Cypher. */
import neo4j from 'neo4j-driver';
import type { RequestContext } from '../../graphql/context';
import { readRows } from '../../graphql/cypher';
import type { RawEdge, RawNode } from '../../security/present';

export interface HopFilter {
  relTypes: string[];
  statuses: string[] | null;
  from: string | null;
  to: string | null;
  minSourceEval: string | null;
  minAssessment: string | null;
  contextTypes: string[] | null;
}

export interface HopRow { edge: RawEdge; node: RawNode & { id: string } }

type Ctx = Pick<RequestContext, 'driver' | 'database'>;

export async function expandHop(ctx: Ctx, frontier: string[], f: HopFilter, rowCap: number): Promise<HopRow[]> {
  const rows = await readRows(ctx, 'neighbourhood', 'expand', { frontier, ...f, rowCap: neo4j.int(rowCap) });
  return rows.map((r) => ({
    edge: { id: String(r.rid), type: String(r.type), from: String(r.from), to: String(r.to), properties: r.rp as Record<string, unknown> },
    node: { id: String(r.bid), labels: r.bl as string[], properties: r.bp as Record<string, unknown> },
  }));
}

export async function nodesByIds(ctx: Ctx, ids: string[]): Promise<Array<RawNode & { id: string }>> {
  const rows = await readRows(ctx, 'neighbourhood', 'nodes', { ids });
  return rows.map((r) => ({ id: String(r.id), labels: r.labels as string[], properties: r.props as Record<string, unknown> }));
}

export async function edgesBetween(ctx: Ctx, ids: string[]): Promise<RawEdge[]> {
  const rows = await readRows(ctx, 'neighbourhood', 'between', { ids });
  return rows.map((r) => ({ id: String(r.rid), type: String(r.type), from: String(r.from), to: String(r.to), properties: r.rp as Record<string, unknown> }));
}
