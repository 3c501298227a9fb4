/**
 * One borough's figures out of a store that holds several (a synthetic force of three small
 * boroughs, in the real Neo4j): what each analytic ranks or counts belongs to the borough asked
 * for, the boroughs together make up the whole store where a figure counts distinct records, and
 * links to records of other boroughs are still read (a person of concern of one borough keeps the
 * child they are alleged to exploit in another).
 */
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { load } from '../../../platform/bulk/loader';
import { generateForce, forceUnits, type ForceFixture } from '../../../../fixtures/generator/force';
import type { NodeRow } from '../../../model/types';
import { viewerOf } from '../../../platform/visibility';
import { scopedSource } from '../borough';
import {
  criticalMoments, disproportionality, highHarmPersonsOfConcern, hotspots, networkThemes, notYetReferred, storeBaseline, trends, youngAdults,
  type AnalyticsSource,
} from '..';

const Q = '2026-Q2';
let force: ForceFixture;
const boroughOf = new Map<string, string>();

const source = (borough: string | null = null): AnalyticsSource => ({ driver: driver(), viewer: viewerOf({ role: 'police', agency: 'POLICE' }), borough });
const codes = (): string[] => force.boroughs.map((b) => b.code);
const inBorough = (code: string) => (id: string) => boroughOf.get(id) === code;
const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

beforeAll(async () => {
  force = generateForce({ seed: 5, boroughs: 3, boroughScale: 'tiny' });
  const units = forceUnits(force);
  for (const u of units) if (u.kind === 'node') for (const row of u.rows as NodeRow[]) boroughOf.set(row.id, row.borough as string);
  await freshGraph();
  await load(driver(), units);
  await storeBaseline({ driver: driver() }, force.baseline);
  for (const b of force.boroughs) await storeBaseline({ driver: driver() }, b.baseline, b.code);
}, 300_000);
afterAll(closeDriver);

describe('the borough argument', () => {
  it('takes a borough the store holds, and names the argument for one it does not', async () => {
    expect((await scopedSource(source(), 'B02')).borough).toBe('B02');
    expect((await scopedSource(source(), null)).borough).toBeNull();
    await expect(scopedSource(source(), 'B09')).rejects.toThrow('field "borough": no records of borough B09 are held here');
    await expect(scopedSource(source(), "B01' OR 1=1")).rejects.toThrow('field "borough": must be a borough code');
  });
});

describe('each analytic for one borough', () => {
  it('hotspots: the borough\'s own places, scored on everything that happened there', async () => {
    const whole = await hotspots(source(), { quarter: Q, limit: 500, harm: 'all' });
    expect(whole.items.length).toBeGreaterThan(3);
    const scoreOf = new Map(whole.items.map((h) => [h.id, h.score]));
    const seen: string[] = [];
    for (const code of codes()) {
      const r = await hotspots(source(code), { quarter: Q, limit: 500, harm: 'all' });
      expect(r.items.map((h) => h.id).filter((id) => !inBorough(code)(id))).toEqual([]);
      for (const h of r.items) expect(h.score).toBeCloseTo(scoreOf.get(h.id)!, 9);
      seen.push(...r.items.map((h) => h.id));
    }
    expect(seen.sort()).toEqual([...scoreOf.keys()].sort());
  });

  it('high-harm ranking: the borough\'s persons of concern, with their links into other boroughs', async () => {
    const whole = await highHarmPersonsOfConcern(source(), { quarter: Q, limit: 500 });
    const seen: string[] = [];
    const byBorough = new Map<string, Awaited<ReturnType<typeof highHarmPersonsOfConcern>>>();
    for (const code of codes()) {
      const r = await highHarmPersonsOfConcern(source(code), { quarter: Q, limit: 500 });
      expect(r.items.map((p) => p.id).filter((id) => !inBorough(code)(id))).toEqual([]);
      seen.push(...r.items.map((p) => p.id));
      byBorough.set(code, r);
    }
    expect(seen.sort()).toEqual(whole.items.map((p) => p.id).sort());
    // The planted person of concern whose alleged exploitation is of a child in another borough.
    let checked = 0;
    for (const t of force.cross.truth.personsInTwoBoroughs) {
      const ranked = byBorough.get(t.homeBorough)!.items.find((p) => p.id === t.personId);
      const wholeRanked = whole.items.find((p) => p.id === t.personId);
      if (!ranked || !wholeRanked?.evidence.relationshipIds.includes(t.exploitsRelId)) continue;
      expect(ranked.evidence.relationshipIds).toContain(t.exploitsRelId);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('children-level results: each borough\'s own children, the boroughs adding up to the whole', async () => {
    const asOf = '2026-12-01T00:00:00Z';
    const wholeMoments = await criticalMoments(source(), { quarter: Q, asOf });
    const wholeReferred = await notYetReferred(source(), { quarter: Q, limit: 500 });
    expect(wholeMoments.items.length).toBeGreaterThan(0);
    expect(wholeReferred.items.length).toBeGreaterThan(0);
    const moments: string[] = [];
    const referred: string[] = [];
    for (const code of codes()) {
      const m = await criticalMoments(source(code), { quarter: Q, asOf });
      const n = await notYetReferred(source(code), { quarter: Q, limit: 500 });
      expect([...m.items.map((x) => x.childId), ...n.items.map((x) => x.id)].filter((id) => !inBorough(code)(id))).toEqual([]);
      moments.push(...m.items.map((x) => `${x.eventId}|${x.childId}`));
      referred.push(...n.items.map((x) => x.id));
    }
    expect(moments.sort()).toEqual(wholeMoments.items.map((x) => `${x.eventId}|${x.childId}`).sort());
    expect(referred.sort()).toEqual(wholeReferred.items.map((x) => x.id).sort());
  });

  it('counts of distinct children and records add up over the boroughs', async () => {
    const whole = await trends(source(), { quarter: Q });
    const wholeAdults = await youngAdults(source(), { quarter: Q });
    const parts = await Promise.all(codes().map((code) => trends(source(code), { quarter: Q })));
    const adultParts = await Promise.all(codes().map((code) => youngAdults(source(code), { quarter: Q })));
    const fields = ['childrenAtRisk', 'missingEpisodes', 'exclusions', 'referrals', 'disruptionActions'] as const;
    for (const [i, row] of whole.series.entries()) {
      for (const f of fields) expect([row.quarter, f, sum(parts.map((p) => p.series[i][f]))]).toEqual([row.quarter, f, row[f]]);
    }
    expect(sum(whole.series.map((r) => r.childrenAtRisk))).toBeGreaterThan(0);
    expect(sum(adultParts.map((p) => p.total.youngAdults))).toBe(wholeAdults.total.youngAdults);
    expect(parts.every((p) => p.method.length > 0)).toBe(true);
  });

  it('peer communities: every community of a borough holds one of its young people', async () => {
    for (const code of codes()) {
      const r = await networkThemes(source(code), { quarter: Q, minSize: 2 });
      for (const c of r.communities) expect([c.id, c.memberIds.some(inBorough(code))]).toEqual([c.id, true]);
    }
  });

  it('disproportionality reads the borough\'s own population', async () => {
    for (const b of force.boroughs) {
      const r = await disproportionality(source(b.code), { quarter: Q });
      expect(r.populationTotal).toBe(b.baseline.total);
    }
    expect((await disproportionality(source(), { quarter: Q })).populationTotal).toBe(force.baseline.total);
  });
});
