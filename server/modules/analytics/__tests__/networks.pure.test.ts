import { buildProjection, ProjectionRow } from '../networks/projection';
import { findCommunities } from '../networks/communities';
import { matchCommunities, jaccard, growth } from '../networks/match';
import { describeCommunity } from '../networks/describe';
import { DAY_MS } from '../../../domain/period';

const peer = (a: string, b: string, status = 'confirmed'): ProjectionRow => ({ kind: 'peer', a, b, status, eventKind: null, people: null, place: null, atMs: null });
const ev = (id: string, kind: string, people: string[], place: string | null = null, atMs: number | null = null): ProjectionRow =>
  ({ kind: 'event', a: id, b: null, status: null, eventKind: kind, people, place, atMs });

describe('peer projection weights (hand-computed)', () => {
  it('sums peer links, shared events and shared places within 7 days', () => {
    const g = buildProjection([
      peer('a', 'b'), peer('b', 'a', 'hypothesis'), // 1 + 0.5
      ev('m1', 'MissingEpisode', ['a', 'b']), // +1.5 → a–b = 3
      ev('i1', 'Incident', ['b', 'c'], 'park', 0), // b–c 1
      ev('i2', 'Arrest', ['c'], 'park', 3 * DAY_MS), // same place within 7 days: b–c +0.2
      ev('i3', 'Arrest', ['d'], 'park', 20 * DAY_MS), // too late: no edge to d
    ]);
    expect(g.getEdgeAttribute(g.edge('a', 'b')!, 'weight')).toBeCloseTo(3);
    expect(g.getEdgeAttribute(g.edge('b', 'c')!, 'weight')).toBeCloseTo(1.2);
    expect(g.hasNode('d')).toBe(true);
    expect(g.degree('d')).toBe(0);
  });
  it('caps co-visits per pair and place at 0.6 and skips crowded events', () => {
    const rows = Array.from({ length: 6 }, (_, i) => ev(`v${i}`, 'Incident', [i % 2 ? 'x' : 'y'], 'shop', i * DAY_MS));
    rows.push(ev('crowd', 'Incident', ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9']));
    const g = buildProjection(rows);
    expect(g.getEdgeAttribute(g.edge('x', 'y')!, 'weight')).toBeCloseTo(0.6);
    expect(g.degree('p1')).toBe(0);
  });
});

describe('Louvain communities', () => {
  it('finds two cliques joined by one weak edge, deterministically', () => {
    const rows: ProjectionRow[] = [];
    const A = ['a1', 'a2', 'a3', 'a4'], B = ['b1', 'b2', 'b3', 'b4'];
    for (const grp of [A, B]) for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) rows.push(peer(grp[i], grp[j]));
    rows.push(peer('a1', 'b1', 'hypothesis'));
    const g = buildProjection(rows);
    const p1 = findCommunities(g, 7);
    expect(p1.communities).toEqual([A, B]);
    expect(findCommunities(g, 7)).toEqual(p1);
    expect(p1.modularity).toBeGreaterThan(0.3);
  });
});

describe('matching communities across quarters', () => {
  it('keeps ids by Jaccard overlap, marks new, growing and dormant', () => {
    expect(jaccard(['a', 'b', 'c'], ['b', 'c', 'd'])).toBeCloseTo(0.5);
    const prev = [{ id: 'PN-old1', members: ['a', 'b', 'c', 'd'] }, { id: 'PN-gone', members: ['x', 'y', 'z'] }];
    const { matched, dormant } = matchCommunities([['a', 'b', 'c', 'd', 'e', 'f'], ['p', 'q', 'r']], prev);
    expect(matched[0]).toMatchObject({ id: 'PN-old1', status: 'growing', previousSize: 4, overlap: 0.667 });
    expect(matched[1].status).toBe('new');
    expect(matched[1].id).toMatch(/^PN-[0-9a-f]{8}$/);
    expect(dormant.map((d) => d.id)).toEqual(['PN-gone']);
    expect(growth(10, 10)).toBe('stable');
    expect(growth(6, 10)).toBe('shrinking');
  });
});

describe('community description', () => {
  it('counts ages, sexes, exploitation types, places and linked adults per member', () => {
    const end = Date.UTC(2025, 9, 1);
    const f = (id: string, dob: string, sex: string, ex: string[], places: string[], pocs: string[]) => ({
      id, dob, sex, exploitation: ex, lines: pocs.length ? [{ id: 'line1', name: 'Test Line' }] : [],
      places: places.map((p) => ({ id: p, name: `Place ${p}`, kind: p.startsWith('s') ? 'School' : 'Location' })),
      pocs: pocs.map((p) => ({ id: p, name: `Adult ${p}` })),
    });
    const facts = new Map([
      ['a', f('a', '2011-01-01', 'MALE', ['CCE'], ['l1', 'l1', 's1'], ['poc1'])],
      ['b', f('b', '2009-01-01', 'FEMALE', ['CCE', 'CSE'], ['l1', 'l2'], ['poc1'])],
      ['c', f('c', '2009-06-01', 'MALE', [], ['l2'], [])],
    ]);
    const d = describeCommunity(['a', 'b', 'c'], facts, end);
    expect(d.ageMix).toEqual({ '10-14': 1, '15-17': 2 });
    expect(d.sexMix).toEqual({ MALE: 2, FEMALE: 1 });
    expect(d.exploitationTypes).toEqual([{ type: 'CCE', members: 2 }, { type: 'CSE', members: 1 }]);
    expect(d.topPlaces.map((p) => [p.id, p.count])).toEqual([['l1', 2], ['l2', 2]]);
    expect(d.topSchools.map((p) => [p.id, p.count])).toEqual([['s1', 1]]);
    expect(d.personsOfConcern).toEqual([{ id: 'poc1', name: 'Adult poc1', kind: 'PersonOfConcern', count: 2 }]);
    expect(d.countyLines[0]).toMatchObject({ id: 'line1', count: 2 });
  });
});
