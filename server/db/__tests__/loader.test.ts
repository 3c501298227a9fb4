import { freshGraph, counts, closeDriver, driver } from '../../../tests/support/db';
import { load } from '../loader';
import type { LoadUnit } from '../../model/types';

const prov = {
  source: 'POLICE', sourceRef: 'T-1', recordedAt: '2025-05-01T10:00:00Z', gradingScheme: '3x5x2',
  sourceEval: 'B', assessment: '2', handling: 'P', reviewBy: '2026-05-01', status: 'confirmed',
};
const person = (id: string, dob: string, roles: string[]) => ({
  id, name: `Test Person ${id}`, dateOfBirth: dob, sex: 'FEMALE', ethnicity: 'NOT_STATED', source: 'POLICE', roles,
});
const base = (): LoadUnit[] => [
  { kind: 'node', label: 'Person', origin: 'people.ndjson', rows: [person('p1', '2010-02-03', ['YoungPerson']), person('p2', '1990-01-01', ['PersonOfConcern'])] as never },
  { kind: 'node', label: 'Location', origin: 'places.ndjson', rows: [{ id: 'l1', name: 'Test Park', kind: 'park', lat: 51.5, lon: -0.1, source: 'POLICE' }] },
  { kind: 'node', label: 'Incident', origin: 'incidents.ndjson', rows: [{ id: 'e1', occurredAt: '2025-04-30T21:00:00Z', offenceType: 'robbery', ...prov }] },
  { kind: 'rel', type: 'INVOLVED', origin: 'involved.ndjson', rows: [{ id: 'r1', from: 'e1', to: 'p1', role: 'victim', ...prov }] },
  { kind: 'rel', type: 'AT', origin: 'at.ndjson', rows: [{ id: 'r2', from: 'e1', to: 'l1', ...prov }] },
  { kind: 'rel', type: 'EXPLOITS', origin: 'exploits.ndjson', rows: [{ id: 'r3', from: 'p2', to: 'p1', ...prov, status: 'hypothesis' }] },
];

async function snapshot(): Promise<string> {
  const { records } = await driver().executeQuery(
    `MATCH (n:Entity) OPTIONAL MATCH (n)-[r]->(m) WITH n, r, m ORDER BY n.id, r.id
     RETURN collect([n.id, labels(n), properties(n), type(r), properties(r), m.id]) AS all`);
  return JSON.stringify(records[0].get('all'));
}

describe('bulk loader (real Neo4j)', () => {
  beforeEach(async () => { await freshGraph(); });
  afterAll(async () => { await closeDriver(); });

  it('loads nodes and relationships with native dates, and loading twice changes nothing', async () => {
    const first = await load(driver(), base());
    expect(first.nodesCreated).toBe(4);
    expect(first.relationshipsCreated).toBe(3);
    const before = await snapshot();
    const second = await load(driver(), base());
    expect(second.nodesCreated).toBe(0);
    expect(second.relationshipsCreated).toBe(0);
    expect(await snapshot()).toBe(before);
    const { records } = await driver().executeQuery('MATCH (e:Incident {id: "e1"}) RETURN e.occurredAt.year AS y, labels(e) AS l');
    expect(records[0].get('y')).toBe(2025);
    expect(records[0].get('l')).toEqual(expect.arrayContaining(['Entity', 'Incident', 'Event']));
  });

  const badCases: Array<[string, (u: LoadUnit[]) => void, RegExp]> = [
    ['missing id', (u) => { (u[1].rows[0] as any).id = ''; }, /places\.ndjson, row 1, field "id": required/],
    ['unknown enum', (u) => { (u[1].rows[0] as any).kind = 'nightclubz'; }, /places\.ndjson, row 1, field "kind": unknown code/],
    ['future date', (u) => { (u[2].rows[0] as any).occurredAt = '2999-01-01T00:00:00Z'; }, /incidents\.ndjson, row 1, field "occurredAt": .*future/],
    ['child as person of concern', (u) => { (u[0].rows[0] as any).roles = ['PersonOfConcern']; }, /people\.ndjson, row 1, field "roles": a person under 18/],
    ['unknown endpoint', (u) => { (u[3].rows[0] as any).to = 'nobody'; }, /involved\.ndjson, row 1, field "to": reference to an unknown id/],
    ['exploitation from a child', (u) => { (u[5].rows[0] as any).from = 'p1'; (u[5].rows[0] as any).to = 'p2'; }, /exploits\.ndjson, row 1, field "from"/],
    ['handling C without conditions', (u) => { (u[2].rows[0] as any).handling = 'C'; }, /field "conditions"/],
  ];
  it.each(badCases)('a bad row (%s) stops the load, names file/row/field, writes nothing', async (_name, spoil, message) => {
    const units = base();
    spoil(units);
    await expect(load(driver(), units)).rejects.toThrow(message);
    expect(await counts()).toEqual({ nodes: 0, rels: 0 });
  });

  it('the uniqueness constraint rejects a duplicate id written outside the loader', async () => {
    await load(driver(), base());
    await expect(driver().executeQuery('CREATE (:Entity:Location {id: "l1"})')).rejects.toThrow(/already exists/);
  });
});
