import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { runImport } from '../run';
import { readMapping } from '../mapping';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const example = path.join(root, 'templates', 'examples', 'social-care');
const mappings = () => ['children.mapping.json', 'episodes.mapping.json'].map((m) => readMapping(path.join(example, m)));

describe('a foreign social-care export through a mapping (real Neo4j)', () => {
  beforeEach(async () => { await freshGraph(); });
  afterAll(async () => { await closeDriver(); });

  it('loads with its own columns, codes, dd/mm/yyyy dates and provenance constants', async () => {
    const report = await runImport(driver(), example, { mappings: mappings(), apply: true });
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ applied: true, read: 6, created: 9, rejected: 0 });
    const people = await driver().executeQuery(
      `MATCH (p:Person) RETURN p.id AS id, p.name AS name, toString(p.dateOfBirth) AS dob, p.sex AS sex, p.ethnicity AS eth,
              p.careStatus AS care, p.sen AS sen, p.source AS source, 'YoungPerson' IN labels(p) AS yp ORDER BY id`);
    expect(people.records[0].toObject()).toEqual({
      id: 'LCS-100234', name: 'Ava Example-Synthetic', dob: '2010-03-14', sex: 'FEMALE', eth: 'WHITE_BRITISH',
      care: 'CLA', sen: 'E', source: 'SOCIAL_CARE', yp: true,
    });
    expect(people.records[2].get('care')).toBeNull();
    expect(people.records[2].get('eth')).toBe('NOT_STATED');
    const ep = await driver().executeQuery(
      `MATCH (e:MissingEpisode {id: 'LCS-ME-5502'})-[i:INVOLVED]->(p:Person)
       RETURN toString(e.occurredAt) AS at, e.missingRisk AS risk, e.fromCare AS care, e.countyLinesConcern AS cl,
              toString(e.reviewBy) AS review, e.sourceRef AS ref, e.summary AS summary, i.role AS role, i.source AS src, p.id AS person`);
    expect(ep.records[0].toObject()).toEqual({
      at: '2025-02-20T22:00:00Z', risk: 'high', care: true, cl: true, review: '2026-02-22', ref: 'ME-5502',
      summary: 'Found out of borough; concerns that adults\narranged travel (synthetic example)', role: 'subject', src: 'SOCIAL_CARE', person: 'LCS-100234',
    });
  });

  it('without the mapping the files are refused, naming them', async () => {
    const report = await runImport(driver(), example, { apply: true });
    expect(report.applied).toBe(false);
    expect(report.issues.map((i) => i.file)).toEqual(['children.csv', 'episodes.csv']);
  });

  it('npm run import: dry run by default, --apply writes, a second run finds nothing to change', () => {
    const run = (...extra: string[]) => spawnSync('npx', ['tsx', 'scripts/import.ts', example,
      '--mapping', path.join(example, 'children.mapping.json'), '--mapping', path.join(example, 'episodes.mapping.json'), ...extra],
    { cwd: root, encoding: 'utf8', env: process.env });
    const dry = run();
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/read 6 rows · created 9 · updated 0 · unchanged 0 · rejected 0 rows/);
    expect(dry.stdout).toMatch(/Dry run: nothing written/);
    const applied = run('--apply');
    expect(applied.stdout).toMatch(/Applied\./);
    const again = run('--apply', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ applied: false, created: 0, updated: 0, unchanged: 9 });
  });
});
