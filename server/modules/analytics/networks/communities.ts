/** Louvain communities with a seeded RNG (pure, deterministic for a given graph and seed). */
import louvain from 'graphology-communities-louvain';
import type { PersonGraph } from './projection';
import { mulberry32 } from '../../../domain/rng';

export interface Partition {
  /** Community members, each list sorted; communities sorted by size desc then first member. */
  communities: string[][];
  modularity: number;
}

export function findCommunities(g: PersonGraph, seed = 20251, resolution = 1): Partition {
  if (g.order === 0 || g.size === 0) return { communities: g.nodes().map((n) => [n]), modularity: 0 };
  const out = louvain.detailed(g, { getEdgeWeight: 'weight', rng: mulberry32(seed), resolution });
  const groups = new Map<number, string[]>();
  for (const [node, c] of Object.entries(out.communities)) {
    if (!groups.has(c)) groups.set(c, []);
    groups.get(c)!.push(node);
  }
  const communities = [...groups.values()].map((m) => m.sort())
    .sort((a, b) => b.length - a.length || a[0].localeCompare(b[0]));
  return { communities, modularity: out.modularity };
}
