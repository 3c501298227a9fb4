/**
 * Neighbourhood: breadth-first, one bounded query per hop (hops 1-3; never a variable-length
 * pattern). Filters and the visibility gate run in Cypher (nothing hidden arrives here);
 * the node limit stops growth. One access-log entry per call, written before the result returns.
 */
import type { RequestContext } from '../../platform/context';
import { REL_KINDS } from '../../model/model';
import { checkIds, checkInt, checkWindow } from '../../graphql/args';
import { badInput } from '../../platform/errors';
import { requireCapability, requireJustification } from '../../platform/policy';
import { appendAccessLog } from '../accesslog/access-log';
import { hiddenLinksIndicator, mayKnowHiddenLinks } from '../../platform/existence';
import { presentEdge, presentNode, type ApiEdge, type ApiNode } from '../../platform/present';
import { edgesBetween, expandHop, nodesByIds, plainProperties, type HopFilter } from './neighbourhood.repository';

export interface NeighbourhoodArgs {
  ids: string[];
  hops?: number | null;
  limit?: number | null;
  filter?: {
    from?: string | null; to?: string | null;
    contextTypes?: string[] | null; relationshipTypes?: string[] | null;
    minGrading?: { sourceEval: string; assessment: number } | null;
    statuses?: string[] | null;
  } | null;
}

export interface Subgraph { nodes: ApiNode[]; edges: ApiEdge[]; truncated: boolean; hiddenByLimit: number; hiddenByAccess: number }

export const MAX_HOPS = 3;
export const MAX_NODES = 2000;
/** Rows one hop may return before the result is called truncated (protects against super-nodes). */
export const ROW_CAP = 20_000;
const ALL_REL_TYPES = REL_KINDS.map((r) => r.type);
const DEFAULT_REL_TYPES = ALL_REL_TYPES.filter((t) => t !== 'POSSIBLY_SAME_AS');

export function hopFilter(f: NeighbourhoodArgs['filter']): HopFilter {
  const { from, to } = checkWindow(f?.from, f?.to);
  const relTypes = f?.relationshipTypes?.length ? f.relationshipTypes : DEFAULT_REL_TYPES;
  if (relTypes.some((t) => !ALL_REL_TYPES.includes(t))) throw badInput('filter.relationshipTypes', 'unknown relationship type');
  const g = f?.minGrading;
  if (g && !(Number.isInteger(g.assessment) && g.assessment >= 1 && g.assessment <= 5)) throw badInput('filter.minGrading.assessment', 'must be 1 to 5');
  return {
    relTypes,
    statuses: f?.statuses?.length ? f.statuses : null,
    from, to,
    minSourceEval: g ? g.sourceEval : null,
    minAssessment: g ? String(g.assessment) : null,
    contextTypes: f?.contextTypes?.length ? f.contextTypes : null,
    withHiddenLinks: false,
  };
}

/**
 * The traversal itself, without logging: used by the service and by the benchmark's baseline.
 * Every hop reads through the visibility gate, so what the caller may not see never arrives.
 */
export async function traverse(ctx: RequestContext, seeds: string[], hops: number, limit: number, filter: HopFilter): Promise<Subgraph> {
  const user = ctx.user;
  const nodes = new Map<string, ApiNode>();
  const edges = new Map<string, ApiEdge>();
  const overLimit = new Set<string>();
  let rowCapHit = false;

  // First hop: the seeds' own nodes come back with the expansion (one round trip).
  const uniqueSeeds = [...new Set(seeds)];
  const first = await expandHop(ctx, uniqueSeeds, uniqueSeeds, filter, ROW_CAP, { expanded: [], known: uniqueSeeds, room: limit - uniqueSeeds.length });
  let frontier: string[] = [];
  for (const n of first.seeds) {
    nodes.set(n.id, presentNode(user, { labels: n.labels, properties: plainProperties(n.properties) }, true));
    frontier.push(n.id);
  }
  const expanded: string[] = [];
  for (let hop = 1; hop <= hops && frontier.length > 0; hop++) {
    // After a cut hop, links back to its records may not have come yet: ask for them again.
    const state = { expanded: rowCapHit ? [] : expanded, known: [...nodes.keys()], room: limit - nodes.size };
    const result = hop === 1 ? first : await expandHop(ctx, [], frontier, filter, ROW_CAP, state);
    if (result.rows >= ROW_CAP) rowCapHit = true;
    const next: string[] = [];
    for (const { id, node, links } of result.reached) {
      if (!nodes.has(id)) {
        if (!node || nodes.size >= limit) { overLimit.add(id); continue; }
        nodes.set(id, presentNode(user, { labels: node.labels, properties: plainProperties(node.properties) }, true));
        next.push(id);
      }
      for (const edge of links) {
        if (!edges.has(edge.id)) edges.set(edge.id, presentEdge(user, { ...edge, properties: plainProperties(edge.properties) }));
      }
    }
    expanded.push(...frontier);
    frontier = next;
  }
  return {
    nodes: byId(nodes.values()),
    edges: byId(edges.values()),
    truncated: overLimit.size > 0 || rowCapHit,
    hiddenByLimit: overLimit.size,
    hiddenByAccess: hiddenLinksIndicator(user, first.hiddenLinks),
  };
}

/** In id order: an answer is the same for the same records, however the store happens to hold them. */
const byId = <T extends { id: string }>(items: Iterable<T>): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export async function neighbourhood(ctx: RequestContext, args: NeighbourhoodArgs): Promise<Subgraph> {
  requireCapability(ctx, 'neighbourhood');
  const justification = requireJustification(ctx);
  const ids = checkIds('ids', args.ids, 50);
  const hops = checkInt('hops', args.hops, 1, MAX_HOPS, 1);
  const limit = checkInt('limit', args.limit, 1, MAX_NODES, 500);
  const filter = { ...hopFilter(args.filter), withHiddenLinks: mayKnowHiddenLinks(ctx.user) };
  const result = await traverse(ctx, ids, hops, limit, filter);
  await appendAccessLog(ctx, {
    operation: 'consultation', justification, ids: result.nodes.map((n) => n.id),
    // The seeds are every id asked for, shown or not.
    detail: { query: 'neighbourhood', seeds: ids, hops, limit, filter: args.filter ?? null, edges: result.edges.length },
  });
  return result;
}

export async function subgraph(ctx: RequestContext, args: { ids: string[] }): Promise<Subgraph> {
  requireCapability(ctx, 'subgraph');
  const justification = requireJustification(ctx);
  const ids = checkIds('ids', args.ids, MAX_NODES);
  // Hidden ids and hidden links are left out without a trace: ids are guessable, and a count
  // would tell a hidden id from a missing one (platform/existence.ts).
  const nodes = new Map<string, ApiNode>();
  for (const n of await nodesByIds(ctx, ids)) nodes.set(n.id, presentNode(ctx.user, n));
  const edges = (await edgesBetween(ctx, [...nodes.keys()])).map((e) => presentEdge(ctx.user, e));
  await appendAccessLog(ctx, {
    // Every id asked for, shown or not: the log answers "who asked about this record" too.
    operation: 'consultation', justification, ids: [...nodes.keys()], detail: { query: 'subgraph', requested: ids },
  });
  return { nodes: byId(nodes.values()), edges: byId(edges), truncated: false, hiddenByLimit: 0, hiddenByAccess: 0 };
}
