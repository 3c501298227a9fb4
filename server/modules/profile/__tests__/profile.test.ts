/** Profile over HTTP on the hand-built graph: timeline, provenance, flags, access rules. */
import { apiOverGraph } from '../../../../tests/api/harness';
import { handBuiltGraph } from '../../../../tests/api/graph-fixture';
import { criticalMoments, riskTrend } from '../flags';

const Q = `query P($id: ID!) { profile(id: $id) {
  node { id kind name properties } flags harmedAndAllegedToHarm hiddenByAccess
  timeline { id at kind role source grading status reviewBy }
  relationships { id type direction other { id name } source sourceRef grading status validFrom reviewBy reviewOverdue }
  criticalMoments { id kind at followUp } riskTrend { direction points { score } } } }`;
const profile = async (id: string, user = 'ana.analyst') => api.gql(user, Q, { id }, { justification: 'TEST-CASE-3' });

const api = apiOverGraph({ modules: ['profile'], graph: handBuiltGraph });

describe('profile', () => {
  it('gives the timeline newest first, links with provenance, and child-first flags', async () => {
    const p = (await profile('yp1')).body.data.profile;
    expect(p.node).toEqual(expect.objectContaining({ id: 'yp1', kind: 'Person', name: 'Test Child Alpha' }));
    expect(p.timeline.map((t: any) => t.id)).toEqual(['inc3', 'ra2', 'rhi1', 'me1', 'exc1', 'inc1', 'ra1']);
    expect(p.timeline.find((t: any) => t.id === 'inc1')).toEqual(expect.objectContaining({ role: 'victim', source: 'POLICE', grading: '3x5x2 B2P', status: 'confirmed' }));
    const exploits = p.relationships.find((r: any) => r.type === 'EXPLOITS');
    expect(exploits).toEqual(expect.objectContaining({ direction: 'IN', other: { id: 'poc1', name: 'Test Adult Zeta' }, status: 'hypothesis', grading: '3x5x2 B3P', reviewBy: '2027-01-01', reviewOverdue: false }));
    expect(exploits.validFrom).toMatch(/^2025-01-01T00:00/);
    expect(p.relationships).toHaveLength(4);
    expect(p.harmedAndAllegedToHarm).toBe(true);
    expect(p.riskTrend).toEqual({ direction: 'rising', points: [{ score: 10 }, { score: 18 }] });
    expect(p.criticalMoments).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: 'exc1', kind: 'Exclusion' }),
      expect.objectContaining({ id: 'me1', kind: 'MissingEpisode', followUp: 'return interview within 72 hours (completed)' }),
    ]));
    expect(p.flags.join(' ')).toMatch(/Harmed and alleged to harm/);
    expect(p.flags.join(' ')).not.toMatch(/offender|gang|perpetrator/i);
  });

  it('a partner sees only its own and shared records, and learns nothing of the rest', async () => {
    const p = (await profile('yp1', 'pam.partner')).body.data.profile;
    expect(p.timeline.map((t: any) => t.id).sort()).toEqual(['exc1', 'me1']);
    expect(p.relationships.map((r: any) => r.other.id).sort()).toEqual(['sch1', 'yp2']);
    expect(p.hiddenByAccess).toBe(0); // inc1, inc3, ra1, ra2, rhi1, EXPLOITS, ACTIVE_ON are hidden, and not told
  });

  it('an analyst is told, as one bit, that hidden links exist (police-only inc2); police see them', async () => {
    expect((await profile('yp2')).body.data.profile.hiddenByAccess).toBe(1);
    expect((await profile('yp2', 'pat.police')).body.data.profile.hiddenByAccess).toBe(0);
  });

  it('a lead sees a pseudonym, no name or date of birth', async () => {
    const p = (await profile('yp1', 'lee.lead')).body.data.profile;
    expect(p.node.name).toMatch(/^Person [0-9A-F]{8}$/);
    expect(p.node.properties).not.toHaveProperty('dateOfBirth');
    expect(p.node.properties).not.toHaveProperty('name');
    expect(p.node.properties).toEqual(expect.objectContaining({ isChild: true }));
    expect(JSON.stringify(p)).not.toContain('Test Child');
  });

  it('an unknown id and a record the role may not see both give NOT_FOUND', async () => {
    expect((await profile('nobody')).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await profile('poc1', 'pam.partner')).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('flags (pure)', () => {
  const ev = (id: string, kind: string, at: string, properties: Record<string, unknown> = {}, followUps: any[] = []) => ({ id, kind, at, role: 'subject', properties, followUps });
  it('a return without an interview, and one with a late interview', () => {
    const m = criticalMoments([
      ev('a', 'MissingEpisode', '2025-01-01T00:00:00Z', { returnedAt: '2025-01-02T00:00:00Z' }),
      ev('b', 'MissingEpisode', '2025-02-01T00:00:00Z', { returnedAt: '2025-02-02T00:00:00Z' }, [{ id: 'r', occurredAt: '2025-02-06T00:00:00Z', outcome: 'declined' }]),
    ]);
    expect(m.map((x) => x.followUp)).toEqual(['no return interview recorded', 'return interview after 72 hours (declined)']);
  });
  it('risk trend falling / stable / single', () => {
    const ra = (at: string, s: number) => ev(at, 'RiskAssessment', at, { ceamScore: s });
    expect(riskTrend([ra('2025-01-01', 9), ra('2025-02-01', 4)])?.direction).toBe('falling');
    expect(riskTrend([ra('2025-01-01', 4), ra('2025-02-01', 4)])?.direction).toBe('stable');
    expect(riskTrend([ra('2025-01-01', 4)])?.direction).toBe('single');
    expect(riskTrend([])).toBeNull();
  });
});
