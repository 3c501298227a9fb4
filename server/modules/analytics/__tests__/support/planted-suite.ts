/**
 * The planted-truth checks, shared by the demo and borough test files: load the
 * synthetic borough into the real Neo4j, run every analytic, compare with the ground truth.
 */
import { freshGraph, closeDriver, driver } from '../../../../../tests/support/db';
import { load } from '../../../../platform/bulk/loader';
import { generate } from '../../../../../fixtures/generator';
import type { Scale } from '../../../../../fixtures/generator/types';
import { storeBaseline, disproportionality, networkThemes } from '../..';
import { evaluatePlanted, PlantedReport } from './planted';
import { viewerOf } from '../../../../platform/visibility';

export function plantedSuite(scale: Scale, seed: number, QUARTER: string, loadTimeoutMs = 120_000): void {
const fixture = generate({ scale, seed });
const gt = fixture.groundTruth;

describe(`analytics on the planted ${scale} borough (seed ${seed}, ${QUARTER})`, () => {
  let r: PlantedReport;
  beforeAll(async () => {
    await freshGraph();
    await load(driver(), fixture.units);
    await storeBaseline({ driver: driver() }, fixture.baseline);
    r = await evaluatePlanted(driver(), fixture, QUARTER);
    console.log(JSON.stringify(r, null, 1));
  }, loadTimeoutMs);
  afterAll(async () => { await closeDriver(); });

  it('hotspots: precision@k ≥ 0.8 and the busy transport hub is not in the top 10', () => {
    expect(r.hotspotPrecision).toBeGreaterThanOrEqual(0.8);
    expect(r.hubRank === null || r.hubRank > 10).toBe(true);
  });
  it('high-harm: recall@k ≥ 0.8, the prolific low-harm adult not in the top 10, no child ranked', () => {
    expect(r.highHarmRecall).toBeGreaterThanOrEqual(0.8);
    expect(r.prolificRank === null || r.prolificRank > 10).toBe(true);
    expect(r.childrenInRanking).toBe(0);
  });
  it('peer communities recovered (ARI or NMI ≥ 0.7)', () => {
    expect(Math.max(r.ari, r.nmi)).toBeGreaterThanOrEqual(0.7);
  });
  it('the rising share of girls among children at risk of CCE is detected', () => {
    expect(r.trend).toMatchObject({ significant: true, direction: 'rising' });
  });
  it('every planted never-referred child not on a plan is found', () => {
    expect(r.neverReferredPlanted).toBeGreaterThan(0);
    expect(r.neverReferredFound).toBe(r.neverReferredPlanted);
  });
  it('every planted child recorded as a suspect while exploited, and not known to a panel, is found', () => {
    expect(r.coercedPlanted).toBeGreaterThan(0);
    expect(r.coercedFound).toBe(r.coercedPlanted);
  });
  it('every planted child in a high-harm person\'s family is found, linked as planted; no adult, expired or ended link is listed', () => {
    expect(r.familyPlanted).toBeGreaterThan(0);
    expect(r.familyFound).toBe(r.familyPlanted);
    expect(r.familyDecoysListed).toEqual([]);
    expect(r.familyPrecision).toBe(1);
  });
  it('disproportionality by outcome: each cohort is the children counted from the fixture\'s own rows', () => {
    for (const [outcome, c] of Object.entries(r.outcomeCohorts)) expect({ outcome, n: c.analytic }).toEqual({ outcome, n: c.rows });
    expect(Object.values(r.outcomeCohorts).filter((c) => c.rows > 0).length).toBeGreaterThanOrEqual(3);
  });
  it('RHI-within-72h rate equals the rate computed from raw rows', () => {
    expect(r.rhiRate).not.toBeNull();
    expect(r.rhiRate).toBeCloseTo(r.rhiRateFromRows!, 10);
  });
  it('community ids carry over between quarters and disproportionality runs against the stored baseline', async () => {
    const now = await networkThemes({ driver: driver(), viewer: viewerOf({ role: 'police', agency: 'POLICE' }) }, { quarter: QUARTER });
    const before = await networkThemes({ driver: driver(), viewer: viewerOf({ role: 'police', agency: 'POLICE' }) }, { quarter: gt.quarters[gt.quarters.indexOf(QUARTER) - 1] });
    const carried = now.communities.filter((c) => before.communities.some((b) => b.id === c.id));
    expect(carried.length).toBeGreaterThan(now.communities.length / 2);
    const d = await disproportionality({ driver: driver(), viewer: viewerOf({ role: 'police', agency: 'POLICE' }) }, { quarter: QUARTER });
    expect(d.populationTotal).toBe(fixture.baseline.total);
    expect(d.rows.every((x) => x.cohortDisplay === 'c' || x.cohortDisplay === '0' || Number(x.cohortDisplay) >= 5)).toBe(true);
  });
});
}
