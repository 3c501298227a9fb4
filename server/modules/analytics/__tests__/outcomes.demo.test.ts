/**
 * Support and outcome measures against the planted demo borough in the real Neo4j: every figure
 * equals the one worked out from the generator's rows and its planted support.
 */
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { load } from '../../../platform/bulk/loader';
import { generate } from '../../../../fixtures/generator';
import { viewerOf } from '../../../platform/visibility';
import { outcomes } from '../outcomes';
import { outcomesTruth } from './support/outcomes-truth';
import { disruptionTruth } from './support/disruption-truth';

const fixture = generate({ scale: 'demo', seed: 20251 });
const QUARTERS = ['2025-Q2', '2025-Q4', '2026-Q1', '2026-Q2'];

describe('outcome measures on the planted demo borough (seed 20251)', () => {
  beforeAll(async () => {
    await freshGraph();
    await load(driver(), fixture.units);
  }, 180_000);
  afterAll(async () => { await closeDriver(); });

  it.each(QUARTERS)('%s: every measure equals the planted truth', async (quarter) => {
    const measured = await outcomes({ driver: driver(), viewer: viewerOf({ role: 'police', agency: 'POLICE' }) }, { quarter });
    const truth = outcomesTruth(fixture, quarter);
    console.log(quarter, JSON.stringify({ measured: { ...measured, method: undefined, pushFactors: undefined, pullFactors: undefined }, truth }));
    expect(measured).toMatchObject(truth);
  });

  it('the planted support shows: offers, take-up and every kind of change of score over the year', async () => {
    const viewer = viewerOf({ role: 'police', agency: 'POLICE' });
    const all = await Promise.all(fixture.groundTruth.quarters.map((quarter) => outcomes({ driver: driver(), viewer }, { quarter })));
    const sum = (k: 'offered' | 'accepted' | 'declined' | 'awaitingAnswer') => all.reduce((s, m) => s + m[k], 0);
    const planted = fixture.groundTruth.support;
    expect(sum('offered')).toBe(planted.length);
    expect(sum('accepted')).toBe(planted.filter((s) => s.startedOn).length);
    expect(sum('declined')).toBe(planted.filter((s) => s.status === 'declined').length);
    expect(sum('awaitingAnswer')).toBe(planted.filter((s) => s.status === 'offered').length);
    const last = all[all.length - 1];
    expect(last.ceamImproved + last.ceamUnchanged + last.ceamWorse).toBe(last.ceamCompared);
    expect(all.some((m) => m.ceamImproved > 0) && all.some((m) => m.ceamWorse > 0)).toBe(true);
    expect(last.pushFactors.length).toBeGreaterThan(0);
    expect(last.pushFactors[0].interviews).toBeGreaterThanOrEqual(last.pushFactors[last.pushFactors.length - 1].interviews);
  });

  it.each(QUARTERS)('%s: county lines over time and disruption equal the planted truth', async (quarter) => {
    const m = await outcomes({ driver: driver(), viewer: viewerOf({ role: 'police', agency: 'POLICE' }) }, { quarter });
    const truth = disruptionTruth(fixture, quarter);
    expect({
      linesActive: m.linesActive, linesDisrupted: m.linesDisrupted, linesClosed: m.linesClosed,
      disruptionActions: m.disruptionActions, placeActions: m.placeActions, lineActions: m.lineActions,
      outcomeCounts: Object.fromEntries(m.disruptionOutcomes.map((r) => [r.code, r.actions])),
      placeTacticCounts: Object.fromEntries(m.placeTactics.map((r) => [r.code, r.actions])),
    }).toEqual(truth);
  });

  it('the plant covers every line status over the period, and lines disrupted by actions about them', async () => {
    const viewer = viewerOf({ role: 'police', agency: 'POLICE' });
    const all = await Promise.all(fixture.groundTruth.quarters.map((quarter) => outcomes({ driver: driver(), viewer }, { quarter })));
    const planted = fixture.groundTruth.lineStatus;
    expect(all.reduce((s, m) => s + m.linesDisrupted, 0)).toBe(new Set(planted.filter((p) => p.status === 'disrupted').map((p) => p.lineId)).size);
    expect(all.reduce((s, m) => s + m.linesClosed, 0)).toBe(planted.filter((p) => p.status === 'closed').length);
    expect(all.some((m) => m.linesDisrupted > 0) && all.some((m) => m.placeActions > 0)).toBe(true);
    expect(all.reduce((s, m) => s + m.lineActions, 0)).toBe(planted.filter((p) => p.status === 'disrupted').length);
  });
});
