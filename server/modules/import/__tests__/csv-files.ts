/** Small hand-made CSV files for import tests, written to a fresh temporary folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { templateByName, templateColumns } from '../templates';

export const PROV = {
  source: 'POLICE', sourceRef: 'SYN-REF-1', recordedAt: '2025-05-01T10:00:00Z', gradingScheme: '3x5x2',
  sourceEval: 'B', assessment: '2', handling: 'P', reviewBy: '2026-05-01', status: 'confirmed',
};

export type Row = Record<string, string>;

const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV text with the template's full header; cells not given are empty. */
export function templateText(template: string, rows: Row[]): string {
  const cols = templateColumns(templateByName(template)!);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => quote(r[c] ?? '')).join(','))].join('\r\n') + '\r\n';
}

export function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'import-test-'));
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

export const people: Row[] = [
  { id: 'p1', name: 'Synthetic Child One', dateOfBirth: '2010-02-03', sex: 'FEMALE', ethnicity: 'NOT_STATED', source: 'SOCIAL_CARE', roles: 'YoungPerson', aliases: 'Syn One|S One' },
  { id: 'p2', name: 'Synthetic Adult Two', dateOfBirth: '1990-01-01', sex: 'MALE', ethnicity: 'WHITE_OTHER', source: 'POLICE', roles: 'PersonOfConcern' },
];
export const places: Row[] = [
  { recordType: 'Location', id: 'l1', name: 'Synthetic Park', kind: 'park', lat: '51.5', lon: '-0.1', source: 'POLICE' },
  { recordType: 'School', id: 's1', name: 'Synthetic Academy', lat: '51.51', lon: '-0.11', source: 'EDUCATION' },
];
export const incidents: Row[] = [
  { recordType: 'Incident', id: 'e1', occurredAt: '2025-04-30T21:00:00Z', offenceType: 'robbery', summary: 'Robbery, near the park gate,\nlate evening', personId: 'p1', personRole: 'victim', placeId: 'l1', ...PROV },
  { recordType: 'Injury', id: 'e2', occurredAt: '2025-04-30T21:10:00Z', kind: 'stab', personId: 'p1', ...PROV },
];
export const relationships: Row[] = [
  { type: 'EXPLOITS', id: 'r1', from: 'p2', to: 'p1', exploitationType: 'CCE', ...PROV, status: 'hypothesis' },
  { type: 'ATTENDS', id: 'r2', from: 'p1', to: 's1', ...PROV, source: 'EDUCATION' },
];

/** A folder with the four template files above. */
export function baseFolder(): string {
  const dir = tmpDir();
  writeFile(dir, 'people.csv', templateText('people', people));
  writeFile(dir, 'places.csv', templateText('places', places));
  writeFile(dir, 'incidents.csv', templateText('incidents', incidents));
  writeFile(dir, 'relationships.csv', templateText('relationships', relationships));
  return dir;
}
