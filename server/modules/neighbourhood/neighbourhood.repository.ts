/** Runs the neighbourhood's named Cypher. */
import neo4j from 'neo4j-driver';
import type { RequestContext } from '../../graphql/context';
import { namedQuery, readRows, toPlain } from '../../graphql/cypher';
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

/**
 * One hop. Properties come back as the driver's values (temporal objects included): a hop can
 * return thousands of rows, and only the ones kept are converted (plainProperties) when presented.
 */
export async function expandHop(ctx: Ctx, frontier: string[], f: HopFilter, rowCap: number): Promise<HopRow[]> {
  const { records } = await ctx.driver.executeQuery(namedQuery('neighbourhood', 'expand'), { frontier, ...f, rowCap: neo4j.int(rowCap) },
    { database: ctx.database, routing: neo4j.routing.READ });
  return records.map((r) => ({
    edge: { id: r.get('rid') as string, type: r.get('type') as string, from: r.get('from') as string, to: r.get('to') as string, properties: r.get('rp') as Record<string, unknown> },
    node: { id: r.get('bid') as string, labels: r.get('bl') as string[], properties: r.get('bp') as Record<string, unknown> },
  }));
}

export const plainProperties = (p: Record<string, unknown>): Record<string, unknown> => toPlain(p) as Record<string, unknown>;

export async function nodesByIds(ctx: Ctx, ids: string[]): Promise<Array<RawNode & { id: string }>> {
  const rows = await readRows(ctx, 'neighbourhood', 'nodes', { ids });
  return rows.map((r) => ({ id: String(r.id), labels: r.labels as string[], properties: r.props as Record<string, unknown> }));
}

export async function edgesBetween(ctx: Ctx, ids: string[]): Promise<RawEdge[]> {
  const rows = await readRows(ctx, 'neighbourhood', 'between', { ids });
  return rows.map((r) => ({ id: String(r.rid), type: String(r.type), from: String(r.from), to: String(r.to), properties: r.rp as Record<string, unknown> }));
}
