/**
 * Louvain communities with a seeded RNG (pure, deterministic for a given graph and seed). A
 * community larger than MAX_ACTIONABLE_SIZE (more than an analyst can hold in mind) is split by
 * running Louvain again inside it at a higher resolution, up to SPLIT_ROUNDS times, so small
 * dense groups are not merged into their sparse surroundings.
 */
import louvain from 'graphology-communities-louvain';
import Graph from 'graphology';
import type { PersonGraph } from './projection';
import { mulberry32 } from '../../../domain/rng';

export interface Partition {
  /** Community members, each list sorted; communities sorted by size desc then first member. */
  communities: string[][];
  modularity: number;
}

export const MAX_ACTIONABLE_SIZE = 20;
export const SPLIT_ROUNDS = 3;
const SPLIT_RESOLUTION_STEP = 2;

function louvainGroups(g: PersonGraph, seed: number, resolution: number): { groups: string[][]; modularity: number } {
  if (g.order === 0 || g.size === 0) return { groups: g.nodes().map((n) => [n]), modularity: 0 };
  const out = louvain.detailed(g, { getEdgeWeight: 'weight', rng: mulberry32(seed), resolution });
  const groups = new Map<number, string[]>();
  for (const [node, c] of Object.entries(out.communities)) {
    if (!groups.has(c)) groups.set(c, []);
    groups.get(c)!.push(node);
  }
  return { groups: [...groups.values()], modularity: out.modularity };
}

/** Each edge's position in the graph's edge order (induced subgraphs keep that order). */
type EdgeOrder = Map<string, number>;

function edgeOrder(g: PersonGraph): EdgeOrder {
  const order: EdgeOrder = new Map();
  g.forEachEdge((e) => { order.set(e, order.size); });
  return order;
}

/**
 * The members and the weighted edges among them, read from the members' own edges (not every
 * edge of the graph), added in the graph's edge order so Louvain sees what it would see in a
 * copy of the whole graph cut down to the members.
 */
function inducedSubgraph(g: PersonGraph, members: string[], order: EdgeOrder): PersonGraph {
  const inside = new Set(members);
  const sub: PersonGraph = new Graph({ type: 'undirected', allowSelfLoops: false });
  members.forEach((m) => sub.addNode(m));
  const edges: Array<{ at: number; a: string; b: string; weight: number }> = [];
  for (const m of members) {
    g.forEachEdge(m, (e, attr, a, b) => {
      const other = a === m ? b : a;
      // Each inner edge once: from its end that sorts first.
      if (inside.has(other) && m < other) edges.push({ at: order.get(e)!, a, b, weight: attr.weight });
    });
  }
  edges.sort((x, y) => x.at - y.at).forEach(({ a, b, weight }) => sub.addUndirectedEdge(a, b, { weight }));
  return sub;
}

/** Splits a community too large to act on, inside its own subgraph, at higher resolutions. */
function splitLarge(g: PersonGraph, order: EdgeOrder, members: string[], seed: number, resolution: number, round: number): string[][] {
  if (members.length <= MAX_ACTIONABLE_SIZE || round >= SPLIT_ROUNDS) return [members];
  const sub = inducedSubgraph(g, members, order);
  const { groups } = louvainGroups(sub, seed, resolution * SPLIT_RESOLUTION_STEP);
  if (groups.length < 2) return [members];
  return groups.flatMap((m) => splitLarge(g, order, m, seed, resolution * SPLIT_RESOLUTION_STEP, round + 1));
}

export function findCommunities(g: PersonGraph, seed = 20251, resolution = 1): Partition {
  const { groups, modularity } = louvainGroups(g, seed, resolution);
  const order = edgeOrder(g);
  const communities = groups.flatMap((m) => splitLarge(g, order, m, seed, resolution, 0)).map((m) => m.sort())
    .sort((a, b) => b.length - a.length || a[0].localeCompare(b[0]));
  return { communities, modularity };
}
