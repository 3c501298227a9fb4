/**
 * A pack for one borough of a store that holds several (a synthetic force of three small
 * boroughs, in the real Neo4j): it says whose it is, its files and published history are the
 * borough's own, and its counts of records are the borough's share of the whole store's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { load } from '../../../platform/bulk/loader';
import { generateForce, forceUnits, type ForceFixture } from '../../../../fixtures/generator/force';
import { storeBaseline } from '../../analytics';
import { buildBriefing, BriefingInputError, type BriefingResult } from '..';

const Q = '2026-Q2';
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'borough-pack-test-'));
const author = { name: 'Lee Lead', role: 'lead' as const };
const createdAt = '2026-07-20T09:00:00Z';
let force: ForceFixture;

const source = () => ({ driver: driver() });
const missingEpisodes = (r: BriefingResult): number => {
  const t = r.publishedTables.find((x) => x.id === 'missing')!;
  return t.cells[t.rows.indexOf('Missing episodes')][0] as number;
};
const restricted = (boroughCode: string | null, formats: Array<'html' | 'csv'> = ['csv']) =>
  buildBriefing(source(), { quarter: Q, edition: 'restricted', author, createdAt, formats, boroughCode }, path.join(out, boroughCode ?? 'whole'));

beforeAll(async () => {
  force = generateForce({ seed: 5, boroughs: 3, boroughScale: 'tiny' });
  await freshGraph();
  await load(driver(), forceUnits(force));
  await storeBaseline(source(), force.baseline);
  for (const b of force.boroughs) await storeBaseline(source(), b.baseline, b.code);
}, 300_000);
afterAll(async () => { await closeDriver(); fs.rmSync(out, { recursive: true, force: true }); });

describe('a pack for one borough of a force', () => {
  it('says whose it is, in its title, its caveats and its file names', async () => {
    const r = await restricted('B02', ['html', 'csv']);
    const html = fs.readFileSync(r.files.find((f) => f.kind === 'html')!.path, 'utf8');
    expect(html).toMatch(/Quarterly exploitation intelligence briefing: [^<]*, borough B02/);
    expect(html).toContain('Borough B02 only: its own children, places, persons of concern and events are counted and ranked');
    expect(r.files.every((f) => f.name.includes(`${Q}-restricted-B02`))).toBe(true);
  });

  it('counts the borough\'s records: the boroughs\' packs add up to the whole store\'s', async () => {
    const whole = missingEpisodes(await restricted(null));
    const parts = [];
    for (const b of force.boroughs) parts.push(missingEpisodes(await restricted(b.code)));
    expect(whole).toBeGreaterThan(0);
    expect(parts.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(parts.reduce((s, n) => s + n, 0)).toBe(whole);
  });

  it('keeps each borough\'s partner packs as a series of their own', async () => {
    const r = await buildBriefing(source(), { quarter: Q, edition: 'partner', author, createdAt, formats: ['csv'], boroughCode: 'B01' }, path.join(out, 'partner'));
    expect(r.historyFile).toBe(path.join(out, 'partner', 'published-history', 'B01', `partner-${Q}.json`));
  });

  it('refuses a borough the store does not hold, naming the option, and writes nothing', async () => {
    const dir = path.join(out, 'unknown');
    const build = buildBriefing(source(), { quarter: Q, edition: 'restricted', author, createdAt, formats: ['csv'], boroughCode: 'B07' }, dir);
    await expect(build).rejects.toThrow(BriefingInputError);
    await expect(build).rejects.toThrow('boroughCode: no records of borough B07 are held here');
    expect(fs.existsSync(dir)).toBe(false);
  });
});
