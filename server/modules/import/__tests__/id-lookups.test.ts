/**
 * Batch lookups by id name their unique index (USING INDEX SEEK: a cached plan once scanned the
 * index per id instead). A hint naming an index that does not exist fails the query, so the
 * relationship comparison is run here for every relationship type of the model.
 */
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { REL_KINDS } from '../../../model/model';
import { diffRels, type Diff } from '../diff';
import type { CheckedRel } from '../check';

const checked = (type: string, id: string, from: string, to: string): CheckedRel => ({
  id, from, to, type, props: { id },
  rec: { file: 'rels.csv', row: 1, kind: 'rel', type, data: { id, from, to } as never, columnOf: {} },
});

describe('relationship comparison by id, every type (real Neo4j)', () => {
  beforeAll(async () => {
    await freshGraph();
    await driver().executeQuery("CREATE (:Entity {id: 'lookup-a'}), (:Entity {id: 'lookup-b'})");
    for (const { type } of REL_KINDS) {
      // type comes from the model, not from input.
      await driver().executeQuery(`MATCH (a:Entity {id: 'lookup-a'}), (b:Entity {id: 'lookup-b'}) CREATE (a)-[:${type} {id: $id}]->(b)`, { id: `stored-${type}` });
    }
  });
  afterAll(async () => { await closeDriver(); });

  it.each(REL_KINDS.map((k) => [k.type]))('%s: a stored id is found unchanged, a new one is new', async (type) => {
    const out: Diff = { created: [], updated: [], unchanged: 0, issues: [] };
    await diffRels(driver(), 'neo4j', type, [
      checked(type, `stored-${type}`, 'lookup-a', 'lookup-b'),
      checked(type, `new-${type}`, 'lookup-a', 'lookup-b'),
    ], out);
    expect(out).toEqual({ created: [`new-${type}`], updated: [], unchanged: 1, issues: [] });
  });
});
