/**
 * Peer themes an analyst can act on (pure): the projection links only people on the same side of
 * an event, and a community too large to act on is split so small dense groups stand alone.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { buildProjection, type ProjectionRow } from '../networks/projection';
import { findCommunities, MAX_ACTIONABLE_SIZE, type Partition } from '../networks/communities';
import type { PersonGraph } from '../networks/projection';
import { mulberry32 } from '../../../domain/rng';

const incident = (id: string, people: string[], roles: string[]): ProjectionRow =>
  ({ kind: 'event', a: id, b: null, status: null, eventKind: 'Incident', people, roles, place: null, atMs: null });

describe('role-aware projection', () => {
  it('links co-suspects and co-victims, never a victim with a suspect; witnesses link nobody', () => {
    const g = buildProjection([incident('i1', ['robber1', 'robber2', 'victim1', 'victim2', 'witness'], ['suspect', 'suspect', 'victim', 'victim', 'witness'])]);
    expect(g.hasEdge('robber1', 'robber2')).toBe(true);
    expect(g.hasEdge('victim1', 'victim2')).toBe(true);
    expect(g.hasEdge('robber1', 'victim1')).toBe(false);
    expect(g.degree('witness')).toBe(0);
  });

  it('subjects of one missing episode went missing together', () => {
    const g = buildProjection([{ ...incident('m1', ['a', 'b'], ['subject', 'subject']), eventKind: 'MissingEpisode' }]);
    expect(g.getEdgeAttribute(g.edge('a', 'b')!, 'weight')).toBe(1.5);
  });
});

/** Three cliques of six, each tied by six edges into a sparse ring of 120 people. */
function cliquesInSparseSurroundings(): PersonGraph {
  const g: PersonGraph = new Graph({ type: 'undirected' });
  const bg = 120;
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < 6; i++) g.addNode(`c${c}n${i}`);
    for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) g.addUndirectedEdge(`c${c}n${i}`, `c${c}n${j}`, { weight: 1 });
  }
  for (let i = 0; i < bg; i++) g.addNode(`b${i}`);
  for (let i = 0; i < bg; i++) {
    g.addUndirectedEdge(`b${i}`, `b${(i + 1) % bg}`, { weight: 1 });
    if (i % 3 === 0) g.addUndirectedEdge(`b${i}`, `b${(i + 7) % bg}`, { weight: 1 });
  }
  for (let c = 0; c < 3; c++) for (let k = 0; k < 6; k++) g.addUndirectedEdge(`c${c}n${k}`, `b${(c * 20 + k * 2) % bg}`, { weight: 1 });
  return g;
}

const communityOf = (p: Partition, node: string): string[] => p.communities.find((c) => c.includes(node))!;

describe('communities an analyst can act on', () => {
  it('splits a community too large to act on, and each small dense group stands alone', () => {
    const g = cliquesInSparseSurroundings();
    // Plain Louvain merges the groups with their surroundings (the case to fix).
    const plain = louvain(g, { getEdgeWeight: 'weight', rng: mulberry32(20251) });
    const plainSizes = new Map<number, number>();
    Object.values(plain).forEach((c) => plainSizes.set(c, (plainSizes.get(c) ?? 0) + 1));
    expect(Math.max(...plainSizes.values())).toBeGreaterThan(MAX_ACTIONABLE_SIZE);

    const p = findCommunities(g);
    expect(Math.max(...p.communities.map((c) => c.length))).toBeLessThanOrEqual(MAX_ACTIONABLE_SIZE);
    for (const c of [0, 1, 2]) {
      expect(communityOf(p, `c${c}n0`)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `c${c}n${i}`));
    }
  });
});
