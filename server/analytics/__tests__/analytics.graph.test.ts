/**
 * Every analytic against a tiny hand-built graph in the real Neo4j, with hand-computed answers.
 * Quarter 2025-Q3 (1 Jul – 30 Sep 2025); previous 2025-Q2.
 */
import { freshGraph, closeDriver, driver } from '../../../tests/support/db';
import { load } from '../../db/loader';
import { GraphBuilder } from './support/build';
import { hotspots, criticalMoments, notYetReferred, networkThemes, highHarmPersonsOfConcern, trends, disproportionality, storeBaseline } from '..';

const Q = '2025-Q3';
const source = () => ({ driver: driver() });

function world(): GraphBuilder {
  const g = new GraphBuilder();
  ['k1', 'k2', 'k3', 'k4'].forEach((k) => g.child(k));
  g.child('k5', '2011-05-05');
  g.adult('poc1');
  g.adult('poc2');
  g.place('park');
  g.place('hub', 'transport_hub');
  // Park: a robbery (1460, A1) at the very end of Q3 with k1 victim and poc1 suspect.
  g.event('Incident', 'inc1', '2025-09-30T23:00:00Z', { offenceType: 'robbery' });
  g.involve('inc1', 'k1', 'victim'); g.involve('inc1', 'poc1', 'suspect'); g.rel('AT', 'inc1', 'park');
  // Hub: 10 antisocial behaviour events (weight 1) in Q3.
  for (let i = 0; i < 10; i++) {
    g.event('Incident', `asb${i}`, `2025-09-${String(10 + i).padStart(2, '0')}T12:00:00Z`, { offenceType: 'antisocial_behaviour' });
    g.rel('AT', `asb${i}`, 'hub');
  }
  // A handling-C abh (365) at the hub (only police see it).
  g.event('Incident', 'secret', '2025-09-30T22:00:00Z', { offenceType: 'abh', handling: 'C', conditions: 'Test conditions' });
  g.rel('AT', 'secret', 'hub');
  // Peers: k1–k2–k3 triangle, k4–k5 pair.
  const since = { validFrom: '2025-07-05T00:00:00Z' }; // the triangle forms in Q3
  g.rel('ASSOCIATES_WITH', 'k1', 'k2', since); g.rel('ASSOCIATES_WITH', 'k2', 'k3', since); g.rel('ASSOCIATES_WITH', 'k1', 'k3', since);
  g.rel('ASSOCIATES_WITH', 'k4', 'k5');
  // poc1 exploits k4 (other community): brokerage.
  g.rel('EXPLOITS', 'poc1', 'k4', { exploitationType: 'CCE' });
  // Missing: k2 returns 1 Aug 12:00, RHI completed 48 h later; k3 returns 2 Aug, no RHI.
  g.event('MissingEpisode', 'mis1', '2025-07-31T20:00:00Z', { returnedAt: '2025-08-01T12:00:00Z' });
  g.involve('mis1', 'k2', 'subject');
  g.event('ReturnInterview', 'rhi1', '2025-08-03T12:00:00Z', { outcome: 'completed' });
  g.involve('rhi1', 'k2', 'subject'); g.rel('FOLLOWS_UP', 'rhi1', 'mis1');
  g.event('MissingEpisode', 'mis2', '2025-08-01T20:00:00Z', { returnedAt: '2025-08-02T12:00:00Z' });
  g.involve('mis2', 'k3', 'subject');
  // A referral to panel for k3 ten days later.
  g.event('Referral', 'ref1', '2025-08-12T09:00:00Z', { referralType: 'PANEL' });
  g.involve('ref1', 'k3', 'subject');
  // k5: victim of gbh (1460) in Q2, never referred; k3: victim of gbh too but referred (ref1).
  g.event('Incident', 'inc2', '2025-05-01T10:00:00Z', { offenceType: 'gbh' });
  g.involve('inc2', 'k5', 'victim'); g.involve('inc2', 'poc2', 'suspect');
  g.event('Incident', 'inc3', '2025-05-02T10:00:00Z', { offenceType: 'gbh' });
  g.involve('inc3', 'k3', 'victim');
  // poc3 turns 18 on 1 Sep 2025: suspect in a robbery in May 2025 (as a child).
  g.adult('poc3', '2007-09-01');
  g.event('Incident', 'inc4', '2025-05-03T10:00:00Z', { offenceType: 'robbery' });
  g.involve('inc4', 'poc3', 'suspect'); g.involve('inc4', 'k2', 'victim');
  // Risk assessments in Q3: k1 high CCE; k2 medium then none (latest counts: not at risk); k4 medium CSE (girl, via sex below).
  g.event('RiskAssessment', 'ra1', '2025-07-10T10:00:00Z', { ceamScore: 30, riskLevel: 'high', exploitationType: 'CCE' });
  g.rel('ABOUT', 'ra1', 'k1');
  g.event('RiskAssessment', 'ra2', '2025-07-10T10:00:00Z', { ceamScore: 20, riskLevel: 'medium', exploitationType: 'CCE' });
  g.rel('ABOUT', 'ra2', 'k2');
  g.event('RiskAssessment', 'ra3', '2025-09-10T10:00:00Z', { ceamScore: 2, riskLevel: 'none', exploitationType: 'CCE' });
  g.rel('ABOUT', 'ra3', 'k2');
  return g;
}

describe('analytics on a hand-built graph (real Neo4j)', () => {
  beforeAll(async () => {
    await freshGraph();
    await load(driver(), world().units());
  });
  afterAll(async () => { await closeDriver(); });

  it('hotspots: harm beats volume; children, PoCs, co-presence; handling C hidden when asked', async () => {
    const r = await hotspots(source(), { quarter: Q });
    expect(r.items.map((h) => h.id)).toEqual(['park', 'hub']);
    const park = r.items[0];
    // robbery 1460 × 1 × 0.5^(1h/45d) ≈ 1459.06
    expect(park.score).toBeCloseTo(1460 * Math.pow(0.5, 1 / 24 / 45), 2);
    expect(park).toMatchObject({ distinctChildren: 1, distinctPersonsOfConcern: 1, coPresenceEvents: 1, eventCount: 1 });
    const hub = r.items[1];
    expect(hub.eventCount).toBe(11);
    const hidden = await hotspots({ driver: driver(), hiddenHandling: ['C'] }, { quarter: Q });
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

  it('not yet referred: robbery and gbh victims with no panel referral but not k3 (referred to panel in Q3)', async () => {
    const r = await notYetReferred(source(), { quarter: Q });
    expect(r.items.map((c) => c.id)).toEqual(['k1', 'k2', 'k5']);
    const k5 = r.items.find((c) => c.id === 'k5')!;
    expect(k5.victimHarm).toBeCloseTo(1460, 1);
    expect(k5.eventIds).toEqual(['inc2']);
    expect((await notYetReferred(source(), { quarter: Q, minHarm: 1500 })).items).toEqual([]);
    // At the end of Q2 (before the robbery and before k3's panel referral): k3 and k5.
    expect((await notYetReferred(source(), { quarter: '2025-Q2' })).items.map((c) => c.id)).toEqual(['k2', 'k3', 'k5']);
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

  it('high-harm: adults only, with brokerage and evidence', async () => {
    const r = await highHarmPersonsOfConcern(source(), { quarter: Q });
    expect(r.items.map((p) => p.id)).toEqual(['poc1', 'poc3', 'poc2']);
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
