/**
 * Every analytic against a tiny hand-built graph in the real Neo4j, with hand-computed answers.
 * Quarter 2025-Q3 (1 Jul – 30 Sep 2025); previous 2025-Q2.
 */
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { load } from '../../../platform/bulk/loader';
import { world } from './support/world';
import { hotspots, criticalMoments, notYetReferred, networkThemes, highHarmPersonsOfConcern, trends, disproportionality, storeBaseline } from '..';
import { viewerOf, packViewer } from '../../../platform/visibility';

const Q = '2025-Q3';
const source = () => ({ driver: driver(), viewer: viewerOf({ role: 'police', agency: 'POLICE' }) });


describe('analytics on a hand-built graph (real Neo4j)', () => {
  beforeAll(async () => {
    await freshGraph();
    await load(driver(), world().units());
  });
  afterAll(async () => { await closeDriver(); });

  it('hotspots: harm to children by default; the hub, where no child was involved, only with all harm', async () => {
    const r0 = await hotspots(source(), { quarter: Q });
    expect(r0).toMatchObject({ harm: 'children', placesConsidered: 1 });
    expect(r0.items.map((h) => h.id)).toEqual(['park']);
  });

  it('hotspots, all harm: harm beats volume; children, PoCs, co-presence; handling C hidden when asked', async () => {
    const r = await hotspots(source(), { quarter: Q, harm: 'all' });
    expect(r.items.map((h) => h.id)).toEqual(['park', 'hub']);
    const park = r.items[0];
    // robbery 1460 × 1 × 0.5^(1h/45d) ≈ 1459.06
    expect(park.score).toBeCloseTo(1460 * Math.pow(0.5, 1 / 24 / 45), 2);
    expect(park).toMatchObject({ distinctChildren: 1, distinctPersonsOfConcern: 1, coPresenceEvents: 1, eventCount: 1 });
    const hub = r.items[1];
    expect(hub.eventCount).toBe(11);
    // Q2 at the park: the robbery by poc3 when still 17 — counted as a child, not as a person of concern.
    const q2park = (await hotspots(source(), { quarter: '2025-Q2' })).items.find((h) => h.id === 'park')!;
    expect(q2park).toMatchObject({ distinctChildren: 2, distinctPersonsOfConcern: 0, coPresenceEvents: 0 });
    const hidden = await hotspots({ driver: driver(), viewer: viewerOf({ role: 'analyst' }) }, { quarter: Q, harm: 'all' });
    expect(hidden.items.find((h) => h.id === 'hub')!.eventCount).toBe(10);
  });

  it('critical moments: RHI within 72 h, overdue and referral follow-up', async () => {
    const r = await criticalMoments(source(), { quarter: Q, asOf: '2025-12-01T00:00:00Z' });
    expect(r.countsByKind.ReturnFromMissing).toBe(2);
    const byId = new Map(r.items.map((m) => [m.eventId, m]));
    expect(byId.get('mis1')!.rhi).toMatchObject({ status: 'done', interviewId: 'rhi1', hoursAfterReturn: 48 });
    expect(byId.get('mis2')!.rhi!.status).toBe('none');
    expect(byId.get('mis2')!.referralMade).toBe(true);
    expect(byId.get('mis2')!.overdue).toEqual(['rhi', 'planReview']);
    expect(r.rhi).toMatchObject({ returns: 2, within72h: 1, rate: 0.5 });
  });

  it('not yet referred: one serious harm or one sign alone is below the default threshold; k3 is known (panel in Q3)', async () => {
    expect((await notYetReferred(source(), { quarter: Q })).total).toBe(0);
    const r = await notYetReferred(source(), { quarter: Q, minScore: 1 });
    // k4 has no harm recorded as a victim: poc1's EXPLOITS link is the sign.
    expect(r.items.map((c) => c.id)).toEqual(['k1', 'k2', 'k5', 'k4']);
    expect(r.total).toBe(4);
    expect(r.items[3].indicators).toEqual([{ kind: 'targetedByAdult', evidence: ['EXPLOITS:poc1'] }]);
    const k5 = r.items.find((c) => c.id === 'k5')!;
    expect(k5).toMatchObject({ victimHarm: 1460, victimPoints: 1, concernScore: 1, eventIds: ['inc2'] });
    // Paging: the total stays, the page moves.
    const page = await notYetReferred(source(), { quarter: Q, minScore: 1, limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 4, offset: 1 });
    expect(page.items.map((c) => c.id)).toEqual(['k2']);
    // At the end of Q2 (before the robbery and before k3's panel referral): k3 and k5 too.
    expect((await notYetReferred(source(), { quarter: '2025-Q2', minScore: 1 })).items.map((c) => c.id)).toEqual(['k2', 'k3', 'k5', 'k4']);
  });

  it('network themes: the triangle is a community; small ones are left out', async () => {
    const r = await networkThemes(source(), { quarter: Q });
    expect(r.communities.map((c) => c.memberIds)).toEqual([['k1', 'k2', 'k3']]);
    expect(r.communities[0].status).toBe('new');
    const all = await networkThemes(source(), { quarter: Q, minSize: 2 });
    expect(all.communities[1].status).toBe('stable'); // k4–k5 has no start date: also there in Q2
    expect(all.communities.map((c) => c.memberIds)).toEqual([['k1', 'k2', 'k3'], ['k4', 'k5']]);
    expect(all.communities[1].personsOfConcern.map((p) => p.id)).toEqual(['poc1']);
    expect(all.communities[1].exploitationTypes).toEqual([{ type: 'CCE', members: 1 }]);
  });

  it('a shared memo computes each quarter projection once and gives the same answers', async () => {
    const memo = new Map<string, Promise<unknown>>();
    const withMemo = { ...source(), memo };
    const a = await networkThemes(withMemo, { quarter: Q });
    const b = await highHarmPersonsOfConcern(withMemo, { quarter: Q });
    expect([...memo.keys()].map((k) => k.split('|').slice(0, 3).join('|')).sort()).toEqual(['partition||2025-Q2', 'partition||2025-Q3']);
    expect(a).toEqual(await networkThemes(source(), { quarter: Q }));
    expect(b).toEqual(await highHarmPersonsOfConcern(source(), { quarter: Q }));
  });

  it('high-harm: adults only, with brokerage and evidence; nothing from a childhood counts', async () => {
    const r = await highHarmPersonsOfConcern(source(), { quarter: Q });
    // poc3 is 18 by the end of Q3, but their only evidence is a robbery at 17: a child's record is not evidence against the adult.
    expect(r.items.map((p) => p.id)).toEqual(['poc1', 'poc2']);
    // At the end of Q2 poc3 was 17: a child is never in the ranking.
    const q2 = await highHarmPersonsOfConcern(source(), { quarter: '2025-Q2' });
    expect(q2.items.map((p) => p.id)).not.toContain('poc3');
    expect(q2.items.map((p) => p.id)).toContain('poc2');
    const p1 = r.items[0];
    expect(p1.breakdown.distinctChildren).toBe(2);
    // k1 in {k1,k2,k3}, k4 in {k4,k5}: 1 − (½² + ½²) = 0.5
    expect(p1.breakdown.brokerage).toBeCloseTo(0.5);
    expect(p1.evidence.eventIds).toEqual(['inc1']);
    expect(p1.evidence.relationshipIds).toHaveLength(1);
  });

  it('trends: quarterly series from raw rows', async () => {
    const r = await trends(source(), { quarter: Q, from: '2025-Q2' });
    expect(r.quarters).toEqual(['2025-Q2', '2025-Q3']);
    expect(r.series[1]).toEqual({ quarter: Q, childrenAtRisk: 1, missingEpisodes: 2, childrenMissing: 2, repeatMissingChildren: 0,
      exclusions: 0, referrals: 1, panelOrMaceReferrals: 1, disruptionActions: 0 });
    expect(r.atRisk).toEqual([{ quarter: Q, exploitationType: 'CCE', riskLevel: 'high', children: 1 }]);
  });

  it('disproportionality: needs a baseline; one child → every cell and the total suppressed', async () => {
    await expect(disproportionality(source(), { quarter: Q })).rejects.toThrow(/field "baseline"/);
    await storeBaseline(source(), { description: 'test', total: 100, byEthnicity: { WHITE_BRITISH: 100 }, bySex: { MALE: 50, FEMALE: 50 },
      byAgeBand: { '10-14': 60, '15-17': 40 }, bySen: { N: 100 }, byCareStatus: { NONE: 100 } });
    const r = await disproportionality(source(), { quarter: Q });
    expect(r.cohortTotalDisplay).toBe('c');
    expect(r.rows.filter((x) => x.cohortDisplay !== '0').every((x) => x.cohortDisplay === 'c' && x.rri === null)).toBe(true);
    expect(r.rows.find((x) => x.dimension === 'sex' && x.group === 'FEMALE')!.cohortDisplay).toBe('0');
  });

  it('bad input names the field', async () => {
    await expect(hotspots(source(), { quarter: '2025-Q9' })).rejects.toThrow(/field "quarter"/);
    await expect(hotspots(source(), { quarter: Q, kinds: ['Person' as never] })).rejects.toThrow(/field "kinds"/);
    await expect(hotspots(source(), { quarter: Q, limit: 0 })).rejects.toThrow(/field "limit"/);
  });
});
