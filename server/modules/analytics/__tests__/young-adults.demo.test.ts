/**
 * The young-adult cohort and the fairness fields against the planted demo borough in the real
 * Neo4j: the cohort equals the one worked out from the generator's rows, the planted young adults
 * are in it with what was planted, and the fairness fields are where the generator put them.
 */
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { load } from '../../../platform/bulk/loader';
import { generate } from '../../../../fixtures/generator';
import { viewerOf } from '../../../platform/visibility';
import { youngAdultMembers, countCohort } from '../young-adults';
import { disproportionality } from '../trends';
import { youngAdultsTruth } from './support/young-adults-truth';

const fixture = generate({ scale: 'demo', seed: 20251 });
const planted = fixture.groundTruth.youngAdults;
const police = viewerOf({ role: 'police', agency: 'POLICE' });

describe('young adults and fairness fields on the planted demo borough (seed 20251)', () => {
  beforeAll(async () => {
    await freshGraph();
    await load(driver(), fixture.units);
  }, 180_000);
  afterAll(async () => { await closeDriver(); });

  it.each(['2026-Q2', planted.quarter])('%s: the cohort equals the one worked out from the rows', async (quarter) => {
    const measured = await youngAdultMembers({ driver: driver(), viewer: police }, quarter);
    const truth = youngAdultsTruth(fixture, quarter, police);
    console.log(quarter, JSON.stringify(countCohort(measured).total), JSON.stringify(countCohort(truth).total));
    expect(measured).toEqual(truth);
  });

  it('the planted young adults are in the last quarter\'s cohort with what was planted', async () => {
    expect(planted.childAtRiskIds.length).toBeGreaterThanOrEqual(6);
    const byId = new Map((await youngAdultMembers({ driver: driver(), viewer: police }, planted.quarter)).map((m) => [m.id, m]));
    for (const id of planted.childAtRiskIds) {
      expect([id, byId.get(id)]).toEqual([id, expect.objectContaining({
        knownAsChildAtRisk: true,
        referredToAdultsAtRiskPanel: planted.referredToAdultsAtRiskPanelIds.includes(id),
        personOfConcern: planted.personOfConcernIds.includes(id),
      })]);
      if (planted.harmedAsVictimIds.includes(id)) expect(byId.get(id)!.harmedAsVictim).toBe(true);
    }
  });

  it('the fairness fields are recorded on the planted share; the baseline has faith and first language only', async () => {
    const { records } = await driver().executeQuery(`MATCH (p:YoungPerson) RETURN count(p.faith) AS faith, count(p.immigrationStatus) AS immigrationStatus,
      count(p.neurodiversity) AS neurodiversity, count(p.firstLanguage) AS firstLanguage, [x IN collect(CASE WHEN p.immigrationStatus = 'uasc' THEN p.id END) WHERE x IS NOT NULL] AS uasc`);
    const r = records[0].toObject();
    const n = (v: unknown) => Number(v);
    expect({ faith: n(r.faith), immigrationStatus: n(r.immigrationStatus), neurodiversity: n(r.neurodiversity), firstLanguage: n(r.firstLanguage) }).toEqual(fixture.groundTruth.fairness.recorded);
    expect([...(r.uasc as string[])].sort()).toEqual(fixture.groundTruth.fairness.uascIds);
    const d = await disproportionality({ driver: driver(), viewer: police }, { quarter: '2026-Q2', baseline: fixture.baseline });
    expect(d.dimensionsWithoutBaseline).toEqual(['immigrationStatus', 'neurodiversity']);
    expect(d.rows.filter((x) => x.dimension === 'faith').every((x) => x.population !== null)).toBe(true);
  });
});
