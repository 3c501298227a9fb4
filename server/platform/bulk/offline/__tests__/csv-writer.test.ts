import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AdminCsvWriter } from '../csv-writer';
import { nodeHeader, relHeader } from '../columns';
import { importArguments } from '../../../../../scripts/neo4j/admin-import';
import type { LoadUnit } from '../../../../model/types';

const PROV = { source: 'POLICE', sourceRef: 'SYN-1', recordedAt: '2025-01-02T10:00:00Z', gradingScheme: '3x5x2', sourceEval: 'A', assessment: '1', handling: 'P', reviewBy: '2026-01-01', status: 'confirmed' };

const units = (): LoadUnit[] => [
  { kind: 'node', label: 'Person', origin: 'p.ndjson', rows: [
    { id: 'B01-yp-1', name: 'Kalix Vorwood, "Syn"', dateOfBirth: '2010-03-14', sex: 'FEMALE', ethnicity: 'NOT_STATED', source: 'SOCIAL_CARE', borough: 'B01', roles: ['YoungPerson'] },
  ] },
  { kind: 'node', label: 'ReturnInterview', origin: 'r.ndjson', rows: [
    { id: 'B01-rhi-1', ...PROV, occurredAt: '2025-01-01T09:30:00Z', outcome: 'completed', pushFactors: [], pullFactors: ['friends', 'an adult'], harmDisclosed: false, borough: 'B01' },
  ] },
  { kind: 'node', label: 'Location', origin: 'l.ndjson', rows: [
    { id: 'B01-loc-1', name: 'Synthetic Park', kind: 'park', lat: 51.62345, lon: -0.05, source: 'POLICE', borough: 'B01' },
  ] },
  { kind: 'rel', type: 'INVOLVED', origin: 'i.ndjson', rows: [
    { id: 'B01-r-involved-1', from: 'B01-rhi-1', to: 'B01-yp-1', ...PROV, role: 'subject' },
  ] },
];

describe('neo4j-admin import CSV from load units', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-csv-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const read = (...p: string[]) => fs.readFileSync(path.join(dir, ...p), 'utf8');

  it('types every column as the loader stores it, in one id space', () => {
    expect(nodeHeader('Person').slice(0, 2)).toEqual(['id:ID(Entity)', ':LABEL']);
    expect(nodeHeader('Person')).toEqual(expect.arrayContaining(['dateOfBirth:date', 'age:long', 'aliases:string[]', 'borough:string', 'dobLatest:date']));
    expect(nodeHeader('Location')).toEqual(expect.arrayContaining(['lat:double', 'kind:string']));
    expect(nodeHeader('MissingEpisode')).toEqual(expect.arrayContaining(['occurredAt:datetime', 'fromCare:boolean', 'reviewBy:date']));
    expect(relHeader('INVOLVED').slice(0, 3)).toEqual([':START_ID(Entity)', ':END_ID(Entity)', 'id:string']);
  });

  it('writes a header file and one data file per part, values as validation makes them', () => {
    const writer = new AdminCsvWriter(dir);
    writer.writePart('B01', units());
    const files = writer.finish();
    expect(files.nodes.get('Person')).toEqual([path.join(dir, 'nodes', 'Person', 'header.csv'), path.join(dir, 'nodes', 'Person', 'B01.csv')]);
    expect([files.nodeRows, files.relRows]).toEqual([3, 1]);
    const header = read('nodes', 'Person', 'header.csv').trim().split(',');
    const person = Object.fromEntries(header.map((h, i) => [h, read('nodes', 'Person', 'B01.csv').trim().split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)[i]]));
    expect(person).toMatchObject({ 'id:ID(Entity)': 'B01-yp-1', ':LABEL': 'Entity|Person|YoungPerson', 'name:string': '"Kalix Vorwood, ""Syn"""', 'dobLatest:date': '2010-03-14', 'borough:string': 'B01', 'age:long': '' });
    expect(read('nodes', 'ReturnInterview', 'B01.csv')).toContain('2025-01-01T09:30:00Z');
    expect(read('nodes', 'ReturnInterview', 'B01.csv')).toContain('friends|an adult');
    expect(read('nodes', 'Location', 'B01.csv')).toContain('51.62345,-0.05');
    expect(read('rels', 'INVOLVED', 'B01.csv').startsWith('B01-rhi-1,B01-yp-1,B01-r-involved-1,POLICE,')).toBe(true);
  });

  it('notes empty lists, which an import cell cannot hold, to be set afterwards', () => {
    const writer = new AdminCsvWriter(dir);
    writer.writePart('B01', units());
    const lines = read('empty-lists.ndjson').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([{ kind: 'node', type: 'ReturnInterview', id: 'B01-rhi-1', props: { pushFactors: [] } }]);
  });

  it('refuses a value it cannot write: a line break, a list item holding the delimiter, a bad row', () => {
    const withBreak = units();
    (withBreak[2].rows[0] as Record<string, unknown>).name = 'two\nlines';
    expect(() => new AdminCsvWriter(dir).writePart('B01', withBreak)).toThrow(/l\.ndjson row 1, name: a line break/);
    const withPipe = units();
    (withPipe[1].rows[0] as Record<string, unknown>).pullFactors = ['a|b'];
    expect(() => new AdminCsvWriter(dir).writePart('B01', withPipe)).toThrow(/holds the list delimiter/);
    const bad = units();
    (bad[0].rows[0] as Record<string, unknown>).sex = 'MARTIAN';
    expect(() => new AdminCsvWriter(dir).writePart('B01', bad)).toThrow(/p\.ndjson, row 1, field "sex"/);
  });

  it('gives the importer each label group and each type with its header first', () => {
    const writer = new AdminCsvWriter(dir);
    writer.writePart('B01', units());
    writer.writePart('B02', units().map((u) => ({ ...u, rows: u.rows.map((r) => ({ ...r, id: r.id.replace('B01', 'B02') })) })) as LoadUnit[]);
    const args = importArguments(writer.finish(), '/tmp/report');
    expect(args.slice(0, 4)).toEqual(['database', 'import', 'full', 'neo4j']);
    expect(args).toContain(`--relationships=INVOLVED=${['header', 'B01', 'B02'].map((f) => path.join(dir, 'rels', 'INVOLVED', `${f}.csv`)).join(',')}`);
    expect(args).toContain(`--nodes=${['header', 'B01', 'B02'].map((f) => path.join(dir, 'nodes', 'Person', `${f}.csv`)).join(',')}`);
  });
});
