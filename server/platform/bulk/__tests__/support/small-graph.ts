/** A small hand-built graph (child, adult person of concern, place, incident) and a full snapshot, for loader tests. */
import { driver } from '../../../../../tests/support/db';
import type { LoadUnit } from '../../../../model/types';

export const prov = {
  source: 'POLICE', sourceRef: 'T-1', recordedAt: '2025-05-01T10:00:00Z', gradingScheme: '3x5x2',
  sourceEval: 'B', assessment: '2', handling: 'P', reviewBy: '2026-05-01', status: 'confirmed',
};
export const person = (id: string, dob: string, roles: string[]) => ({
  id, name: `Test Person ${id}`, dateOfBirth: dob, sex: 'FEMALE', ethnicity: 'NOT_STATED', source: 'POLICE', roles,
});
export const base = (): LoadUnit[] => [
  { kind: 'node', label: 'Person', origin: 'people.ndjson', rows: [person('p1', '2010-02-03', ['YoungPerson']), person('p2', '1990-01-01', ['PersonOfConcern'])] as never },
  { kind: 'node', label: 'Location', origin: 'places.ndjson', rows: [{ id: 'l1', name: 'Test Park', kind: 'park', lat: 51.5, lon: -0.1, source: 'POLICE' }] },
  { kind: 'node', label: 'Incident', origin: 'incidents.ndjson', rows: [{ id: 'e1', occurredAt: '2025-04-30T21:00:00Z', offenceType: 'robbery', ...prov }] },
  { kind: 'rel', type: 'INVOLVED', origin: 'involved.ndjson', rows: [{ id: 'r1', from: 'e1', to: 'p1', role: 'victim', ...prov }] },
  { kind: 'rel', type: 'AT', origin: 'at.ndjson', rows: [{ id: 'r2', from: 'e1', to: 'l1', ...prov }] },
  { kind: 'rel', type: 'EXPLOITS', origin: 'exploits.ndjson', rows: [{ id: 'r3', from: 'p2', to: 'p1', ...prov, status: 'hypothesis' }] },
];

export async function snapshot(): Promise<string> {
  const { records } = await driver().executeQuery(
    `MATCH (n:Entity) OPTIONAL MATCH (n)-[r]->(m) WITH n, r, m ORDER BY n.id, r.id
     RETURN collect([n.id, labels(n), properties(n), type(r), properties(r), m.id]) AS all`);
  return JSON.stringify(records[0].get('all'));
}
