/**
 * Transitions and fairness against a hand-built graph in the real Neo4j (quarter 2025-Q3): the
 * young-adult cohort's counts (who is in it, known as a child at risk, referred to the Adults at
 * Risk Panel, now a person of concern, harmed as a victim; a record only the police may see), the
 * same "known as a child at risk" in the high-harm ranking, and rankings that do not move when
 * every person gets fairness fields.
 */
import fs from 'node:fs';
import path from 'node:path';
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { load } from '../../../platform/bulk/loader';
import { world } from './support/world';
import { criticalMoments, disproportionality, familiesOfPersonsOfConcern, highHarmPersonsOfConcern, hotspots, networkThemes, notYetReferred, trends, youngAdults, childAtRiskEvidence } from '..';
import { youngAdultMembers } from '../young-adults';
import { viewerOf } from '../../../platform/visibility';
import type { PopulationBaseline } from '../../../domain/population';

const Q = '2025-Q3';
const asPolice = () => ({ driver: driver(), viewer: viewerOf({ role: 'police', agency: 'POLICE' }) });
const asAnalyst = () => ({ driver: driver(), viewer: viewerOf({ role: 'analyst' }) });

let exploitsYaPoc = '';

function graph() {
  const g = world();
  // 19, assessed at high risk at 17; referred to the Adults at Risk Panel in Q3.
  g.child('ya-known', '2006-03-01');
  g.event('RiskAssessment', 'ra-ya-known', '2023-06-01T10:00:00Z', { ceamScore: 25, riskLevel: 'high', exploitationType: 'CCE' });
  g.rel('ABOUT', 'ra-ya-known', 'ya-known');
  g.event('Referral', 'ref-ya-known', '2025-08-05T10:00:00Z', { referralType: 'ADULTS_AT_RISK' });
  g.involve('ref-ya-known', 'ya-known', 'subject');
  // 21, exploited at 16, now also a person of concern: harmed in Q3 and a suspect in supply.
  g.node('Person', { id: 'ya-poc', name: 'Test Young Adult ya-poc', dateOfBirth: '2004-08-01', sex: 'MALE', ethnicity: 'BLACK_CARIBBEAN', source: 'POLICE', roles: ['YoungPerson', 'PersonOfConcern'] });
  exploitsYaPoc = g.rel('EXPLOITS', 'poc2', 'ya-poc', { exploitationType: 'CCE', validFrom: '2021-06-01T00:00:00Z' });
  g.event('Incident', 'inc-ya-poc', '2025-08-10T10:00:00Z', { offenceType: 'common_assault' });
  g.involve('inc-ya-poc', 'ya-poc', 'victim');
  g.event('Incident', 'sup-ya-poc', '2025-08-20T10:00:00Z', { offenceType: 'drug_supply' });
  g.involve('sup-ya-poc', 'ya-poc', 'suspect'); g.rel('AT', 'sup-ya-poc', 'park');
  // 20, a witness in Q3, never a child at risk.
  g.child('ya-new', '2005-01-01');
  g.involve('inc1', 'ya-new', 'witness');
  // Assessed at risk as a child but not known this quarter; 27; no date of birth: none in the cohort.
  g.child('ya-quiet', '2006-01-01');
  g.event('RiskAssessment', 'ra-ya-quiet', '2023-01-01T10:00:00Z', { ceamScore: 15, riskLevel: 'medium' });
  g.rel('ABOUT', 'ra-ya-quiet', 'ya-quiet');
  g.child('ya-old', '1998-01-01');
  g.involve('inc1', 'ya-old', 'witness');
  g.node('Person', { id: 'ya-nodob', name: 'Test Young Adult ya-nodob', age: 20, ageOn: '2025-01-01', sex: 'FEMALE', ethnicity: 'NOT_STATED', source: 'SOCIAL_CARE', roles: ['YoungPerson'] });
  g.involve('inc1', 'ya-nodob', 'witness');
  // 20, harmed in Q3 in an incident shared with conditions (3x5x2 C): the police count it, an analyst does not.
  g.child('ya-hidden', '2005-06-01');
  g.event('Incident', 'inc-hidden', '2025-09-01T10:00:00Z', { offenceType: 'abh', handling: 'C', conditions: 'Police only' });
  g.involve('inc-hidden', 'ya-hidden', 'victim');
  return g;
}

const BASELINE: PopulationBaseline = {
  description: 'test', total: 1000, byEthnicity: { WHITE_BRITISH: 600, BLACK_CARIBBEAN: 400 }, bySex: { FEMALE: 500, MALE: 500 },
  byAgeBand: { '10-14': 600, '15-17': 400 }, bySen: { N: 1000 }, byCareStatus: { NONE: 1000 },
  byFaith: { christian: 400, muslim: 300, no_religion: 300 },
};

/** Every ranking and score, as a caller sees it (the method texts included). */
async function everyRanking() {
  const s = asPolice();
  return {
    hotspots: await hotspots(s, { quarter: Q }), allHarm: await hotspots(s, { quarter: Q, harm: 'all' }),
    networks: await networkThemes(s, { quarter: Q, minSize: 2 }), highHarm: await highHarmPersonsOfConcern(s, { quarter: Q }),
    notYetReferred: await notYetReferred(s, { quarter: Q, minScore: 0.5 }), critical: await criticalMoments(s, { quarter: Q, asOf: '2025-12-01T00:00:00Z' }),
    families: await familiesOfPersonsOfConcern(s, { quarter: Q }), trends: await trends(s, { quarter: Q, from: '2025-Q2' }), youngAdults: await youngAdults(s, { quarter: Q }),
  };
}

describe('young adults 18–25 and fairness fields (real Neo4j)', () => {
  beforeAll(async () => {
    await freshGraph();
    await load(driver(), graph().units());
  });
  afterAll(async () => { await closeDriver(); });

  it('the cohort: who is in it and what each is counted for (police view)', async () => {
    const members = await youngAdultMembers(asPolice(), Q);
    expect(members).toEqual([
      { id: 'ya-hidden', age: 20, band: '18-20', knownAsChildAtRisk: false, referredToAdultsAtRiskPanel: false, personOfConcern: false, harmedAsVictim: true },
      { id: 'ya-known', age: 19, band: '18-20', knownAsChildAtRisk: true, referredToAdultsAtRiskPanel: true, personOfConcern: false, harmedAsVictim: false },
      { id: 'ya-new', age: 20, band: '18-20', knownAsChildAtRisk: false, referredToAdultsAtRiskPanel: false, personOfConcern: false, harmedAsVictim: false },
      { id: 'ya-poc', age: 21, band: '21-25', knownAsChildAtRisk: true, referredToAdultsAtRiskPanel: false, personOfConcern: true, harmedAsVictim: true },
    ]);
    const r = await youngAdults(asPolice(), { quarter: Q });
    expect(r.byBand).toEqual([
      { band: '18-20', youngAdults: 3, knownAsChildAtRisk: 1, referredToAdultsAtRiskPanel: 1, knownAsChildAtRiskNotReferred: 0, personsOfConcern: 0, harmedAsVictim: 1 },
      { band: '21-25', youngAdults: 1, knownAsChildAtRisk: 1, referredToAdultsAtRiskPanel: 0, knownAsChildAtRiskNotReferred: 1, personsOfConcern: 1, harmedAsVictim: 1 },
    ]);
    expect(r.total).toMatchObject({ band: 'all', youngAdults: 4, knownAsChildAtRisk: 2 });
  });

  it('an analyst\'s figures leave out the young adult known only through a police-only record', async () => {
    const r = await youngAdults(asAnalyst(), { quarter: Q });
    expect(r.byBand[0]).toEqual({ band: '18-20', youngAdults: 2, knownAsChildAtRisk: 1, referredToAdultsAtRiskPanel: 1, knownAsChildAtRiskNotReferred: 0, personsOfConcern: 0, harmedAsVictim: 0 });
  });

  it('the evidence of a child at risk is the same records for the cohort, a profile and the high-harm ranking', async () => {
    const evidence = await childAtRiskEvidence(asPolice(), ['ya-known', 'ya-poc', 'ya-quiet', 'ya-new', 'poc1']);
    expect(Object.fromEntries(evidence)).toEqual({ 'ya-known': ['ra-ya-known'], 'ya-poc': [exploitsYaPoc], 'ya-quiet': ['ra-ya-quiet'] });
    const ranked = await highHarmPersonsOfConcern(asPolice(), { quarter: Q });
    expect(ranked.items.find((p) => p.id === 'ya-poc')).toMatchObject({ knownAsChildAtRisk: true, childAtRiskEvidence: [exploitsYaPoc] });
    expect(ranked.items.find((p) => p.id === 'poc1')).toMatchObject({ knownAsChildAtRisk: false });
  });

  it('no ranking or score moves when every person gets fairness fields; disproportionality gains them', async () => {
    const before = await everyRanking();
    const without = await disproportionality(asPolice(), { quarter: Q, baseline: BASELINE });
    await driver().executeQuery(`MATCH (p:Person) WITH p ORDER BY p.id WITH collect(p) AS ps
      UNWIND range(0, size(ps) - 1) AS i WITH ps[i] AS p, i
      SET p.faith = ['muslim', 'christian', 'no_religion', 'sikh'][i % 4], p.immigrationStatus = ['uasc', 'british_citizen', 'refugee'][i % 3],
          p.neurodiversity = CASE i % 2 WHEN 0 THEN ['autism', 'adhd'] ELSE ['none_recorded'] END, p.firstLanguage = ['other', 'english'][i % 2]`);
    const after = await everyRanking();
    expect(after).toEqual(before);
    expect(before.highHarm.items.length).toBeGreaterThan(1);
    expect(before.notYetReferred.items.length).toBeGreaterThan(0);
    const withFields = await disproportionality(asPolice(), { quarter: Q, baseline: BASELINE });
    expect(withFields.dimensionsWithoutBaseline).toEqual(['immigrationStatus', 'neurodiversity', 'firstLanguage']);
    // Only the fairness rows differ: every other row is as it was.
    const other = (rows: typeof without.rows) => rows.filter((r) => !['faith', 'immigrationStatus', 'neurodiversity', 'firstLanguage'].includes(r.dimension));
    expect(other(withFields.rows)).toEqual(other(without.rows));
    const faith = withFields.rows.filter((r) => r.dimension === 'faith');
    expect(faith.every((r) => r.population !== null)).toBe(true);
    expect(withFields.rows.filter((r) => r.dimension === 'immigrationStatus').every((r) => r.population === null && r.ratePer1000 === null && r.rri === null)).toBe(true);
    expect(without.rows.find((r) => r.dimension === 'faith' && r.group === 'not_recorded')).toBeDefined();
  });

  it('no ranking\'s code reads a fairness field', () => {
    const dir = path.join(__dirname, '..');
    const files = ['hotspots', 'networks', 'highharm', 'referral', 'critical', 'family'].flatMap((d) =>
      fs.readdirSync(path.join(dir, d)).map((f) => path.join(dir, d, f)));
    for (const f of files) expect([f, fs.readFileSync(f, 'utf8')]).not.toEqual([f, expect.stringMatching(/faith|immigrationStatus|neurodiversity|firstLanguage/)]);
  });
});
