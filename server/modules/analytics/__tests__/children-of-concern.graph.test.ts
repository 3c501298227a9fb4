/**
 * Children of concern and critical-moment follow-up against a hand-built graph in the real Neo4j:
 * a child recorded as a suspect who is being exploited, children already known by an NRM referral
 * or a plan, and a witness to a missing episode. Quarter 2025-Q3.
 */
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { load } from '../../../platform/bulk/loader';
import { GraphBuilder } from './support/build';
import { criticalMoments, highHarmPersonsOfConcern, notYetReferred, trends } from '..';
import { viewerOf, packViewer } from '../../../platform/visibility';

const Q = '2025-Q3';
const source = () => ({ driver: driver(), viewer: viewerOf({ role: 'police', agency: 'POLICE' }) });

function world(): GraphBuilder {
  const g = new GraphBuilder();
  g.child('coerced', '2010-02-01');
  g.child('nrm', '2010-02-01');
  g.child('planned', '2010-02-01', { careStatus: 'CPP' });
  g.child('witness', '2010-02-01');
  g.child('missing', '2010-02-01');
  g.adult('poc1');
  g.node('CountyLine', { id: 'line1', name: 'Test Line', source: 'POLICE' });
  // The coerced child: arrested for supply in Q3, linked to a line, exploited, found out of borough.
  g.event('Arrest', 'arr1', '2025-08-10T10:00:00Z', { offenceType: 'drug_supply', foundWith: ['PHONES', 'DRUGS'] });
  g.involve('arr1', 'coerced', 'suspect');
  g.rel('LINKED_TO_LINE', 'coerced', 'line1');
  g.rel('EXPLOITS', 'poc1', 'coerced', { exploitationType: 'CCE' });
  g.event('MissingEpisode', 'mis1', '2025-08-20T20:00:00Z', { returnedAt: '2025-08-22T12:00:00Z', foundOutOfBorough: true, countyLinesConcern: true });
  g.involve('mis1', 'coerced', 'subject');
  g.involve('mis1', 'witness', 'witness');
  // The same signs for a child with an NRM referral, and for a child on a protection plan: both known.
  for (const k of ['nrm', 'planned']) {
    g.event('Arrest', `arr-${k}`, '2025-08-10T10:00:00Z', { offenceType: 'drug_supply' });
    g.involve(`arr-${k}`, k, 'suspect');
    g.rel('LINKED_TO_LINE', k, 'line1');
  }
  g.event('Referral', 'nrm1', '2025-03-01T10:00:00Z', { referralType: 'NRM' });
  g.involve('nrm1', 'nrm', 'subject');
  // Three missing episodes within 30 days: repeat missing, with one serious harm.
  ['07-01', '07-10', '07-20'].forEach((d, i) => {
    g.event('MissingEpisode', `rep${i}`, `2025-${d}T20:00:00Z`, { returnedAt: `2025-${d}T23:00:00Z` });
    g.involve(`rep${i}`, 'missing', 'subject');
  });
  // Found with money as the victim of a robbery: what was on a child who was robbed is no sign.
  g.event('Incident', 'rob1', '2025-07-05T10:00:00Z', { offenceType: 'robbery', foundWith: ['UNEXPLAINED_MONEY'] });
  g.involve('rob1', 'missing', 'victim');
  // A young adult (19) assessed at risk at 17, now recorded as a suspect; poc1 was never a child at risk.
  g.adult('ya1', '2006-03-01');
  g.event('RiskAssessment', 'ra-ya1', '2023-06-01T10:00:00Z', { ceamScore: 25, riskLevel: 'high', exploitationType: 'CCE' });
  g.rel('ABOUT', 'ra-ya1', 'ya1');
  g.event('Incident', 'inc-ya1', '2025-08-01T10:00:00Z', { offenceType: 'drug_supply' });
  g.involve('inc-ya1', 'ya1', 'suspect');
  // Assessed again at 19, in the quarter: a young adult, not a child at risk.
  g.event('RiskAssessment', 'ra-ya1-adult', '2025-08-15T10:00:00Z', { ceamScore: 25, riskLevel: 'high', exploitationType: 'CCE' });
  g.rel('ABOUT', 'ra-ya1-adult', 'ya1');
  return g;
}

describe('children of concern not yet known (real Neo4j)', () => {
  beforeAll(async () => {
    await freshGraph();
    await load(driver(), world().units());
  });
  afterAll(async () => { await closeDriver(); });

  it('lists the coerced child and the repeatedly missing child, not the children already known', async () => {
    const r = await notYetReferred(source(), { quarter: Q });
    expect(r.items.map((c) => c.id)).toEqual(['coerced', 'missing']);
    const coerced = r.items[0];
    expect(coerced.indicators).toEqual([
      { kind: 'possibleCoercionInOffence', evidence: ['arr1'] },
      { kind: 'linkedToCountyLine', evidence: ['line1'] },
      { kind: 'targetedByAdult', evidence: ['EXPLOITS:poc1'] },
      { kind: 'foundOutOfBorough', evidence: ['mis1'] },
      { kind: 'missingWithCountyLinesConcern', evidence: ['mis1'] },
      { kind: 'foundWithUnexplainedItems', evidence: ['arr1'] },
    ]);
    expect(coerced).toMatchObject({ concernScore: 6, victimPoints: 0, missingEpisodes: 1 });
    const missing = r.items[1];
    expect(missing.indicators).toEqual([{ kind: 'repeatMissing', evidence: ['rep0', 'rep1', 'rep2'] }]);
    expect(missing).toMatchObject({ concernScore: 2, victimPoints: 1 });
  });

  it('a threshold filters the list, and the counts by score show its effect whatever the threshold', async () => {
    const at2 = await notYetReferred(source(), { quarter: Q });
    const at3 = await notYetReferred(source(), { quarter: Q, minScore: 3 });
    expect(at3.items.map((c) => c.id)).toEqual(['coerced']);
    expect(at3.total).toBe(1);
    expect(at2.countsByScore).toEqual([{ score: 6, children: 1 }, { score: 2, children: 1 }]);
    expect(at3.countsByScore).toEqual(at2.countsByScore);
  });

  it('counts a child known only by the configured list', async () => {
    const r = await notYetReferred(source(), { quarter: Q, known: { referralTypes: ['PANEL', 'MACE'], careStatuses: [] } });
    expect(r.items.map((c) => c.id).sort()).toEqual(['coerced', 'missing', 'nrm', 'planned']);
  });

  it('high-harm ranking: a young adult known as a child at risk is shown as such, with the record', async () => {
    const r = await highHarmPersonsOfConcern(source(), { quarter: Q });
    const byId = new Map(r.items.map((p) => [p.id, p]));
    expect(byId.get('ya1')).toMatchObject({ knownAsChildAtRisk: true, childAtRiskEvidence: ['ra-ya1'] });
    expect(byId.get('poc1')).toMatchObject({ knownAsChildAtRisk: false, childAtRiskEvidence: [] });
  });

  it('trends: a young adult assessed at 19 is not counted among children at risk', async () => {
    const r = await trends(source(), { quarter: Q, from: Q });
    expect(r.series[0].childrenAtRisk).toBe(0);
  });

  it('critical moments: the witness has no return; a known child is never overdue a referral', async () => {
    const r = await criticalMoments(source(), { quarter: Q, asOf: '2025-12-01T00:00:00Z' });
    const returns = r.items.filter((m) => m.kind === 'ReturnFromMissing');
    expect(returns.map((m) => m.childId).sort()).toEqual(['coerced', 'missing', 'missing', 'missing']);
    expect(r.rhi.returns).toBe(4);
    const byChild = (id: string) => r.items.find((m) => m.childId === id && m.kind === 'Arrest')!;
    expect(byChild('coerced')).toMatchObject({ alreadyKnown: false, overdue: ['referral', 'planReview'] });
    expect(byChild('nrm')).toMatchObject({ alreadyKnown: true, knownBy: ['NRM'], overdue: ['planReview'] });
    expect(byChild('planned')).toMatchObject({ alreadyKnown: true, knownBy: ['CPP'], overdue: ['planReview'] });
  });
});
