/**
 * Real-shaped police exports the importer had never seen: police.uk street crime (offence
 * categories, fallbacks, where filters, derived places), persons without dates of birth, link
 * files without dates or provenance, and quarantine of bad rows. Real Neo4j.
 */
import fs from 'node:fs';
import path from 'node:path';
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { runImport } from '../run';
import { readMapping, parseMapping } from '../mapping';
import { tmpDir, writeFile } from './csv-files';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const example = path.join(root, 'templates', 'examples', 'police-uk');
const policeUk = () => ['places.mapping.json', 'crimes.mapping.json'].map((m) => readMapping(path.join(example, m)));
const NOW = new Date('2026-06-01T00:00:00Z');
const rows = async (q: string, params: Record<string, unknown> = {}) => (await driver().executeQuery(q, params)).records.map((r) => r.toObject());

const PERSON_MAPPING = parseMapping({
  name: 'force-persons', matches: '^persons\\.csv$', record: { label: 'Person' },
  columns: { 'Person ID': 'id', Name: 'name', DOB: 'dateOfBirth', 'Age at report': 'age', 'Reported on': 'ageOn', 'Age from': 'ageMin', 'Age to': 'ageMax', NHS: 'nhsNumber', Role: 'roles', Sex: 'sex' },
  dateFormat: 'DD/MM/YYYY', values: { sex: { M: 'MALE', F: 'FEMALE' } },
  constants: { source: 'POLICE' }, defaults: { ethnicity: 'NOT_STATED', sex: 'UNKNOWN' },
}, 'persons');
const PERSONS = [
  'Person ID,Name,DOB,Age at report,Reported on,Age from,Age to,NHS,Role,Sex',
  'P1,Synthetic Person One,,,,,,,YoungPerson,F',
  'P2,Synthetic Person Two,,14,01/08/2017,,,,YoungPerson,M',
  'P3,Synthetic Person Three,,,01/06/2026,30,40,9434765919,PersonOfConcern,M',
  'P4,Synthetic Person Four,,,,,,,PersonOfConcern,M',
  'P5,Synthetic Person Five,,,01/01/2026,16,25,,PersonOfConcern,M',
].join('\r\n');
/** Crimes with dates and references, and a victims link file with neither (it takes the crime's). */
const CRIME_MAPPING = parseMapping({
  name: 'crimes', matches: '^crimes\\.csv$', record: { label: 'Incident' }, columns: { Ref: ['id', 'sourceRef'], Date: ['occurredAt', 'recordedAt'], Type: 'offenceType' },
  dateFormat: 'DD/MM/YYYY', values: { offenceType: { Robbery: 'robbery' } }, reviewAfterMonths: 24,
  constants: { source: 'POLICE', gradingScheme: '3x5x2', sourceEval: 'B', assessment: '2', handling: 'P', status: 'confirmed' },
}, 'crimes');
const VICTIM_MAPPING = parseMapping({
  name: 'victims', matches: '^victims\\.csv$', record: { relationship: 'INVOLVED' }, columns: { Crime: 'from', Person: 'to' },
  constants: { role: 'victim' }, provenanceFrom: 'from',
}, 'victims');

describe('real-shaped police exports (real Neo4j)', () => {
  beforeEach(async () => { await freshGraph(); });
  afterAll(async () => { await closeDriver(); });

  it('police.uk street crime: every category imports, untranslated types fall back to other, ASB rows without an id are left out, places derived', async () => {
    const report = await runImport(driver(), example, { mappings: policeUk(), apply: true, now: NOW });
    expect(report.issues).toEqual([]);
    expect(report.applied).toBe(true);
    expect(report.fallbacks).toEqual([{ field: 'offenceType', code: 'Fraud and forgery', rows: 1 }]);
    expect(report.files.map((f) => [f.mapping, f.filtered ?? 0, f.repeated ?? 0])).toEqual([
      ['police-uk-places', 1, 4], ['police-uk-crimes', 1, 0]]);
    const incidents = await rows('MATCH (i:Incident) OPTIONAL MATCH (i)-[:AT]->(l:Location) RETURN i.sourceRef AS ref, i.offenceType AS type, toString(i.occurredAt) AS at, l.kind AS kind ORDER BY ref');
    expect(incidents.map((r) => r.type)).toEqual(['robbery', 'violence_and_sexual_offences', 'drugs', 'shoplifting', 'burglary', 'vehicle_crime', 'bicycle_theft', 'other', 'theft_from_person', 'other']);
    expect(incidents[0]).toMatchObject({ at: '2017-08-01T00:00:00Z', kind: 'park' });
    expect(incidents.map((r) => r.kind)).toEqual(['park', 'park', 'transport_hub', 'shop', 'other', 'other', 'shop', null, 'shop', 'shop']);
    const places = await rows('MATCH (l:Location) RETURN l.id AS id, l.lat AS lat, l.lon AS lon ORDER BY id');
    expect(places).toHaveLength(6);
    expect(places[0]).toEqual({ id: 'police-uk-place:-0.100010,51.500010', lat: 51.50001, lon: -0.10001 });
  });

  it('persons without a date of birth: age unknown, an age on a day, a range; unknown age is never a person of concern', async () => {
    const dir = tmpDir();
    writeFile(dir, 'persons.csv', PERSONS);
    const report = await runImport(driver(), dir, { mappings: [PERSON_MAPPING], apply: false, now: NOW });
    expect(report.issues.map((i) => [i.row, i.column, i.reason.slice(0, 60)])).toEqual([
      [5, 'Role', 'the PersonOfConcern role needs a known age of 18 or over (a '],
      [6, 'Role', 'a person under 18 cannot hold the PersonOfConcern role; reco'],
    ]);
    const ok = await runImport(driver(), dir, { mappings: [PERSON_MAPPING], apply: true, now: NOW, skipInvalid: true });
    expect(ok.applied).toBe(true);
    const people = await rows('MATCH (p:Person) RETURN p.id AS id, toString(p.dobLatest) AS latest, p.nhsNumber AS nhs ORDER BY id');
    expect(people).toEqual([
      { id: 'P1', latest: null, nhs: null },
      { id: 'P2', latest: '2003-08-01', nhs: null },
      { id: 'P3', latest: '1996-06-01', nhs: '9434765919' },
    ]);
  });

  it('a bad NHS number and an age without its day are rejected, naming the line and field', async () => {
    const dir = tmpDir();
    writeFile(dir, 'persons.csv', ['Person ID,Name,DOB,Age at report,Reported on,Age from,Age to,NHS,Role,Sex',
      'Q1,Synthetic Q One,,15,,,,,YoungPerson,F', 'Q2,Synthetic Q Two,,,,,,9434765918,YoungPerson,F'].join('\n'));
    const report = await runImport(driver(), dir, { mappings: [PERSON_MAPPING], now: NOW });
    expect(report.issues.map((i) => [i.row, i.column])).toEqual([[2, 'ageOn'], [3, 'NHS']]);
  });

  it('a link file without dates or references takes provenance from the event it joins; undated links are marked', async () => {
    const dir = tmpDir();
    writeFile(dir, 'crimes.csv', 'Ref,Date,Type\r\nC1,05/08/2017,Robbery\r\n');
    writeFile(dir, 'persons.csv', PERSONS.split('\r\n').slice(0, 3).join('\r\n'));
    writeFile(dir, 'victims.csv', 'Crime,Person\r\nC1,P1\r\n');
    writeFile(dir, 'knows.csv', 'A,B\r\nP1,P2\r\n');
    const knows = parseMapping({
      name: 'knows', matches: '^knows\\.csv$', record: { relationship: 'ASSOCIATES_WITH' }, columns: { A: 'from', B: 'to' }, allowUndated: true, reviewAfterMonths: 12,
      constants: { source: 'POLICE', sourceRef: 'associates extract', gradingScheme: '3x5x2', sourceEval: 'B', assessment: '3', handling: 'P', status: 'hypothesis' },
    }, 'knows');
    const report = await runImport(driver(), dir, { mappings: [PERSON_MAPPING, CRIME_MAPPING, VICTIM_MAPPING, knows], apply: true, now: NOW });
    expect(report.issues).toEqual([]);
    const involved = await rows('MATCH (:Incident)-[r:INVOLVED]->(p) RETURN r.sourceRef AS ref, r.source AS src, toString(r.recordedAt) AS at, r.role AS role');
    expect(involved).toEqual([{ ref: 'C1', src: 'POLICE', at: '2017-08-05T00:00:00Z', role: 'victim' }]);
    const assoc = await rows('MATCH ()-[r:ASSOCIATES_WITH]->() RETURN r.dateUnknown AS unknown, toString(r.recordedAt) AS at, toString(r.reviewBy) AS review');
    expect(assoc).toEqual([{ unknown: true, at: '2026-06-01T00:00:00Z', review: '2027-06-01' }]);
  });

  it('--skip-invalid writes the valid rows, quarantines the rest with reasons and spreadsheet lines; dependent rows say what they follow from', async () => {
    const dir = tmpDir();
    const out = tmpDir();
    writeFile(dir, 'persons.csv', PERSONS);
    writeFile(dir, 'victims.csv', 'Crime,Person\r\nX1,P4\r\nX1,P1\r\n');
    writeFile(dir, 'crimes.csv', 'Ref,Date,Type\r\nX1,05/08/2017,Robbery\r\nX2,31/02/2017,Robbery\r\n');
    const all = await runImport(driver(), dir, { mappings: [PERSON_MAPPING, CRIME_MAPPING, VICTIM_MAPPING], apply: true, now: NOW });
    expect(all.applied).toBe(false);
    expect(all.issues.find((i) => i.file === 'victims.csv')?.reason).toMatch(/refers to "P4", whose row was rejected \(persons\.csv line 5\)/);
    const report = await runImport(driver(), dir, { mappings: [PERSON_MAPPING, CRIME_MAPPING, VICTIM_MAPPING], apply: true, now: NOW, skipInvalid: true, quarantineDir: out });
    expect(report.applied).toBe(true);
    expect(report.issues.map((i) => `${i.file}:${i.row}`)).toEqual(['crimes.csv:3', 'persons.csv:5', 'persons.csv:6', 'victims.csv:2']);
    expect(report.quarantine).toMatchObject({ rows: 4 });
    expect(await rows('MATCH (e:Incident)-[:INVOLVED]->(p) RETURN e.id AS e, p.id AS p')).toEqual([{ e: 'X1', p: 'P1' }]);
    expect(await rows('MATCH (p:Person) RETURN count(p) AS n')).toEqual([{ n: 3 }]);
    const q = fs.readFileSync(path.join(out, 'persons.quarantine.csv'), 'utf8').trim().split('\r\n');
    expect(q[0]).toBe('Person ID,Name,DOB,Age at report,Reported on,Age from,Age to,NHS,Role,Sex,import_line,import_reasons');
    expect(q.slice(1).map((l) => l.split(',')[0])).toEqual(['P4', 'P5']);
    expect(q[1]).toMatch(/,5,"?Role: the PersonOfConcern role needs a known age/);
    expect(report.issueGroups.length).toBeGreaterThanOrEqual(3);
  });

  it('groups many errors by reason with counts and first examples', async () => {
    const dir = tmpDir();
    const body = Array.from({ length: 40 }, (_, i) => `Z${i},${i % 2 ? 'Arson' : 'Fraud'}`).join('\r\n');
    writeFile(dir, 'crimes.csv', `Ref,Type\r\n${body}\r\n`);
    const m = parseMapping({ name: 'crimes', record: { label: 'Incident' }, columns: { Ref: 'id', Type: 'offenceType' }, constants: { source: 'POLICE' } }, 'crimes');
    const report = await runImport(driver(), dir, { mappings: [m], now: NOW });
    const codes = report.issueGroups.find((g) => g.column === 'Type')!;
    expect(codes).toMatchObject({ count: 40, reason: expect.stringMatching(/^unknown code "…"; allowed: …/) });
    expect(codes.values).toEqual([{ value: 'Fraud', count: 20 }, { value: 'Arson', count: 20 }]);
    expect(codes.examples.map((e) => e.row)).toEqual([2, 3, 4]);
  });
});
