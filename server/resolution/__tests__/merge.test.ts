/** Resolution against the real database: propose, confirm (merge), undo exactly, reject. */
import { freshGraph, closeDriver, driver } from '../../../tests/support/db';
import { load } from '../../db/loader';
import { generate } from '../../../fixtures/generator';
import { systemActor } from '../../security/access-log';
import { runResolution } from '../resolve';
import { confirmMerge, undoMerge, rejectPair } from '../merge';

const actor = () => systemActor('resolution-test', driver(), 'neo4j');

/** Every entity with its labels and properties, every relationship with type, ends and properties. */
async function snapshot(): Promise<string> {
  const { records } = await driver().executeQuery(
    `MATCH (n:Entity) OPTIONAL MATCH (n)-[r]->(m:Entity)
     WITH n, r, m ORDER BY n.id, type(r), r.id
     WITH n, collect(CASE WHEN r IS NULL THEN null ELSE [type(r), r.id, m.id, properties(r)] END) AS rels
     RETURN collect([n.id, labels(n), properties(n), rels]) AS all`);
  return JSON.stringify(records[0].get('all'));
}
const logOps = async () => (await driver().executeQuery('MATCH (e:AccessLogEntry) RETURN e.operation AS op, e.detail AS d ORDER BY e.seq')).records.map((r) => [r.get('op'), JSON.parse(r.get('d'))]);

describe('entity resolution in the graph (real Neo4j)', () => {
  const fixture = generate({ scale: 'tiny', seed: 20251 });
  const planted = fixture.groundTruth.duplicatePersonPairs.map((p) => [...p].sort().join('|'));
  beforeEach(async () => { await freshGraph(); await load(driver(), fixture.units); });
  afterAll(async () => { await closeDriver(); });

  it('proposes the planted duplicates as hypotheses with score and reasons, once', async () => {
    const run = await runResolution(actor());
    expect(run.compared).toBeLessThan((run.people * (run.people - 1)) / 2);
    expect(run.proposed.map((p) => [p.from, p.to].sort().join('|'))).toEqual(expect.arrayContaining(planted));
    const { records } = await driver().executeQuery('MATCH ()-[r:POSSIBLY_SAME_AS]->() RETURN r.status AS s, r.score AS score, r.reasons AS reasons, r.reviewBy IS NOT NULL AS review');
    expect(records.length).toBe(run.proposed.length);
    for (const r of records) {
      expect(r.get('s')).toBe('hypothesis');
      expect(r.get('score')).toBeGreaterThanOrEqual(0.85);
      expect(r.get('reasons')).toContain('same date of birth');
      expect(r.get('review')).toBe(true);
    }
    const again = await runResolution(actor());
    expect(again.proposed).toEqual([]);
    expect(again.alreadyKnown).toBe(run.proposed.length);
  });

  it('merge keeps both records, moves relationships, logs a combination; undo restores the exact prior graph', async () => {
    const run = await runResolution(actor());
    const before = await snapshot();
    const pair = run.proposed[0];
    const { records: relsBefore } = await driver().executeQuery('MATCH (p:Person {id: $id})-[r]-() WHERE type(r) <> "POSSIBLY_SAME_AS" RETURN count(r) AS n', { id: pair.to });
    const merged = await confirmMerge(actor(), { id: pair.id, justification: 'case SYN-42: duplicate records' });
    expect(merged).toMatchObject({ keptId: pair.from, mergedId: pair.to, relationshipsMoved: relsBefore[0].get('n') });
    expect(merged.relationshipsMoved).toBeGreaterThan(0);
    const { records } = await driver().executeQuery(
      `MATCH (d:Entity {id: $drop})-[m:MERGED_INTO]->(k:Person {id: $keep})
       OPTIONAL MATCH (d)-[r]-() WHERE NOT type(r) IN ['MERGED_INTO', 'POSSIBLY_SAME_AS']
       RETURN labels(d) AS labels, d.name IS NOT NULL AS kept, count(r) AS left, m.status AS status`, { drop: pair.to, keep: pair.from });
    expect(records[0].toObject()).toEqual({ labels: expect.arrayContaining(['Entity', 'MergedRecord']), kept: true, left: 0, status: 'confirmed' });
    expect(records[0].get('labels')).not.toContain('Person');
    expect((await logOps()).at(-1)).toEqual(['combination', expect.objectContaining({ action: 'merge', kept: pair.from, merged: pair.to })]);
    await expect(confirmMerge(actor(), { id: pair.id, justification: 'again' })).rejects.toThrow(/confirmed, not a hypothesis/);

    const undone = await undoMerge(actor(), { id: pair.id, justification: 'case SYN-42: not the same child after all' });
    expect(undone.relationshipsMoved).toBe(merged.relationshipsMoved);
    expect(await snapshot()).toBe(before);
    expect((await logOps()).at(-1)).toEqual(['combination', expect.objectContaining({ action: 'undo-merge' })]);
  }, 600_000);

  it('a rejected pair is no longer a hypothesis and is never proposed again', async () => {
    const run = await runResolution(actor());
    await rejectPair(actor(), { id: run.proposed[0].id, justification: 'different children, checked with school' });
    const { records } = await driver().executeQuery('MATCH ()-[r:POSSIBLY_SAME_AS {id: $id}]->() RETURN r.status AS s, r.rejected AS rej', { id: run.proposed[0].id });
    expect(records[0].toObject()).toEqual({ s: 'expired', rej: true });
    expect((await runResolution(actor())).proposed).toEqual([]);
    await expect(confirmMerge(actor(), { id: run.proposed[0].id, justification: 'x' })).rejects.toThrow(/expired/);
  });
});
