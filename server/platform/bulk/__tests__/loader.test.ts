import { freshGraph, counts, closeDriver, driver } from '../../../../tests/support/db';
import { load } from '../loader';
import type { LoadUnit } from '../../../model/types';
import { base, snapshot } from './support/small-graph';

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

  it('newOnly: a record whose id is already in use stops the load, names its row, writes and changes nothing', async () => {
    await load(driver(), base().slice(1, 2));
    const before = await snapshot();
    const units = base();
    (units[1].rows[0] as any).name = 'Renamed Park';
    await expect(load(driver(), units, { newOnly: true })).rejects.toThrow(/places\.ndjson, row 1, field "id": this id is already in use/);
    expect(await snapshot()).toBe(before); // the new people of the same load are not written
    // A relationship id already in use (r2): r1, new, is not written either.
    await load(driver(), base());
    await driver().executeQuery("MATCH ()-[r]->() WHERE r.id IN ['r1', 'r3'] DELETE r");
    await expect(load(driver(), base().slice(3, 5), { newOnly: true })).rejects.toThrow(/at\.ndjson, row 1, field "id": this id is already in use/);
    expect(await counts()).toEqual({ nodes: 4, rels: 1 });
  });

  it('inSameTransaction writes in the load\'s own transaction: both commit, or neither', async () => {
    const marker = 'MERGE (m:LoadMarker {id: $id}) SET m.seenNodes = $seen';
    await load(driver(), base(), {
      // The rows are already written when it runs: it sees them in the same transaction.
      inSameTransaction: async (tx) => {
        const seen = (await tx.run('MATCH (n:Entity) RETURN count(n) AS n')).records[0].get('n');
        await tx.run(marker, { id: 'ok', seen });
      },
    });
    const { records } = await driver().executeQuery('MATCH (m:LoadMarker {id: $id}) RETURN m.seenNodes AS seen', { id: 'ok' });
    expect(Number(records[0].get('seen'))).toBe(4);
    await freshGraph();
    await expect(load(driver(), base(), {
      inSameTransaction: async (tx) => { await tx.run(marker, { id: 'failed', seen: 0 }); throw new Error('the log entry could not be written'); },
    })).rejects.toThrow('the log entry could not be written');
    expect(await counts()).toEqual({ nodes: 0, rels: 0 }); // the marker included
    await expect(load(driver(), base(), { singleTransactionMaxRows: 1, inSameTransaction: async () => undefined }))
      .rejects.toThrow(/must fit in one transaction/);
    expect(await counts()).toEqual({ nodes: 0, rels: 0 });
  });

  it('the uniqueness constraint rejects a duplicate id written outside the loader', async () => {
    await load(driver(), base());
    await expect(driver().executeQuery('CREATE (:Entity:Location {id: "l1"})')).rejects.toThrow(/already exists/);
  });
});
