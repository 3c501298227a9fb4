/** Resolution against the real database: propose, confirm (merge), undo exactly, reject. */
import { freshGraph, closeDriver, driver, transactionInFlight, sleep } from '../../../../tests/support/db';
import { load } from '../../../platform/bulk/loader';
import { generate } from '../../../../fixtures/generator';
import { systemActor } from '../../accesslog/access-log';
import { runResolution } from '../resolve';
import { confirmMerge, undoMerge, rejectPair } from '../merge';
import { lockRecords } from '../../../platform/db/locks';
import { SCHEMA_DIR, splitStatements } from '../../../platform/db/migrate';
import fs from 'node:fs';
import path from 'node:path';

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

/**
 * A hand-built graph for chained merges: B is a duplicate of A, and A of D. Links of B's at either
 * end, one between B and A (stays with B when B is merged), one between B and D (moves to A, then
 * sits between the next pair and stays with A).
 */
const CHAIN_GRAPH = `
CREATE (a:Entity:Person:YoungPerson {id: 'yp-a', name: 'Ari Tesfaye', source: 'police'}),
       (b:Entity:Person:YoungPerson {id: 'yp-b', name: 'Ari Tesfay', source: 'school'}),
       (d:Entity:Person:YoungPerson {id: 'yp-d', name: 'Ari M. Tesfaye', source: 'health'}),
       (y:Entity:Person:YoungPerson {id: 'yp-y', name: 'Sol Mendes', source: 'police'}),
       (x:Entity:Location {id: 'loc-x', name: 'Canal Path (synthetic)'}),
       (e:Entity:Event:Incident {id: 'ev-1', name: 'Incident 2026-03-02'})
CREATE (b)-[:FREQUENTS {id: 'r1', status: 'confirmed'}]->(x),
       (e)-[:INVOLVED {id: 'r2', role: 'witness'}]->(b),
       (b)-[:ASSOCIATES_WITH {id: 'r3'}]->(d),
       (a)-[:FREQUENTS {id: 'r4', status: 'hypothesis'}]->(x),
       (y)-[:ASSOCIATES_WITH {id: 'r5'}]->(a),
       (d)-[:ASSOCIATES_WITH {id: 'r6'}]->(y),
       (b)-[:ASSOCIATES_WITH {id: 'r7'}]->(a),
       (y)-[:ASSOCIATES_WITH {id: 'r8'}]->(b),
       (a)-[:POSSIBLY_SAME_AS {id: 'psa-ab', status: 'hypothesis', score: 0.93}]->(b),
       (d)-[:POSSIBLY_SAME_AS {id: 'psa-da', status: 'hypothesis', score: 0.91}]->(a)`;

/** A record's own links (not resolution's), as [type, id, start, end, properties], sorted. */
async function linksOf(id: string): Promise<unknown[]> {
  const { records } = await driver().executeQuery(
    `MATCH (n:Entity {id: $id})-[r]-() WHERE NOT type(r) IN ['POSSIBLY_SAME_AS', 'MERGED_INTO']
     RETURN [type(r), r.id, startNode(r).id, endNode(r).id, properties(r)] AS l ORDER BY r.id`, { id });
  return records.map((r) => r.get('l'));
}
const via = async (relId: string) => (await driver().executeQuery(
  'MATCH (s)-[r {id: $relId}]->(e) RETURN s.id AS s, e.id AS e, r.mergedStartVia AS sv, r.mergedEndVia AS ev', { relId })).records[0].toObject();

describe('chained merges undone in any order (real Neo4j, hand-built graph)', () => {
  const why = { justification: 'case SYN-77: checking duplicate records' };
  beforeEach(async () => {
    await freshGraph();
    await driver().executeQuery(CHAIN_GRAPH);
  });
  afterAll(async () => { await closeDriver(); });

  it('B into A, then A into D: each link remembers every record it was moved away from', async () => {
    await confirmMerge(actor(), { id: 'psa-ab', ...why });
    await confirmMerge(actor(), { id: 'psa-da', ...why });
    // r8 came in to B, moved to A, then to D; r3 went from B to A, then sat between the pair (A, D).
    expect(await via('r8')).toEqual({ s: 'yp-y', e: 'yp-d', sv: null, ev: ['yp-b', 'yp-a'] });
    expect(await via('r3')).toEqual({ s: 'yp-a', e: 'yp-d', sv: ['yp-b'], ev: null });
    // r7 (B to A) stayed with B as a link within the first pair; A's end of it then moved to D.
    expect(await via('r7')).toEqual({ s: 'yp-b', e: 'yp-d', sv: null, ev: ['yp-a'] });
    expect(await via('r1')).toEqual({ s: 'yp-d', e: 'loc-x', sv: ['yp-b', 'yp-a'], ev: null });
    expect(await linksOf('yp-b')).toEqual([expect.arrayContaining(['r7'])]);
  });

  it('undoing the first merge first gives B back exactly its links, and undoing both the exact graph', async () => {
    const before = await snapshot();
    const bLinks = await linksOf('yp-b');
    const dAlone = await linksOf('yp-d');
    await confirmMerge(actor(), { id: 'psa-ab', ...why });
    await confirmMerge(actor(), { id: 'psa-da', ...why });
    const undone = await undoMerge(actor(), { id: 'psa-ab', ...why });
    expect(undone).toMatchObject({ keptId: 'yp-a', mergedId: 'yp-b', relationshipsMoved: 4 });
    // B's links are back as they were; only r7's other end is still at D, where A is merged.
    const r7 = ['ASSOCIATES_WITH', 'r7', 'yp-b', 'yp-d', { id: 'r7', mergedEndVia: ['yp-a'] }];
    expect(await linksOf('yp-b')).toEqual(bLinks.map((l) => ((l as string[])[1] === 'r7' ? r7 : l)));
    // A is still merged into D: D holds A's links (r4, r5, r7's end), its own r6, and r3 again
    // from B as at first; none of B's moved links (r1, r2, r8) is left there.
    expect((await linksOf('yp-d')).map((l) => (l as string[])[1])).toEqual(['r3', 'r4', 'r5', 'r6', 'r7']);
    expect((await linksOf('yp-d')).find((l) => (l as string[])[1] === 'r3')).toEqual(dAlone.find((l) => (l as string[])[1] === 'r3'));
    await undoMerge(actor(), { id: 'psa-da', ...why });
    expect(await snapshot()).toBe(before);
  });

  it('undoing the last merge first also ends at the exact graph', async () => {
    const before = await snapshot();
    await confirmMerge(actor(), { id: 'psa-ab', ...why });
    const afterFirst = await snapshot();
    await confirmMerge(actor(), { id: 'psa-da', ...why });
    await undoMerge(actor(), { id: 'psa-da', ...why });
    // The state after the first merge, but for the second pair's decision being taken back.
    expect(await snapshot()).toBe(afterFirst);
    await undoMerge(actor(), { id: 'psa-ab', ...why });
    expect(await snapshot()).toBe(before);
  });

  it('refuses a merge that would chain more than 32 records', async () => {
    // 32 records already merged one into the next, ending at B: merging B into A would make 33 links.
    await driver().executeQuery(`UNWIND range(1, 32) AS i
      CREATE (:Entity:MergedRecord {id: 'chain-' + i, name: 'Synthetic duplicate ' + i, source: 'police'})`);
    await driver().executeQuery(`UNWIND range(1, 32) AS i
      MATCH (m:MergedRecord {id: 'chain-' + i}), (n:Entity {id: CASE WHEN i = 32 THEN 'yp-b' ELSE 'chain-' + (i + 1) END})
      CREATE (m)-[:MERGED_INTO {id: 'merge:chain-' + i}]->(n)`);
    await expect(confirmMerge(actor(), { id: 'psa-ab', ...why })).rejects.toThrow(/longer than 32/);
    const { records } = await driver().executeQuery("MATCH (b:Person {id: 'yp-b'}) RETURN count(b) AS n");
    expect(records[0].get('n')).toBe(1);
    // One link fewer and the merge goes ahead.
    await driver().executeQuery("MATCH (:MergedRecord {id: 'chain-1'})-[r:MERGED_INTO]->() DELETE r");
    await expect(confirmMerge(actor(), { id: 'psa-ab', ...why })).resolves.toMatchObject({ mergedId: 'yp-b' });
  });

  it('a merge waits for a decision in flight on its records, then acts on what that decision left', async () => {
    // Another person's decision on the same records, not yet committed: the pair rejected.
    const other = await transactionInFlight();
    await lockRecords(other.tx, ['yp-a', 'yp-b'], true);
    await other.tx.run("MATCH ()-[s:POSSIBLY_SAME_AS {id: 'psa-ab'}]->() SET s.status = 'expired', s.rejected = true");
    const merge = confirmMerge(actor(), { id: 'psa-ab', ...why });
    const early = await Promise.race([merge.then(() => 'merged', () => 'failed'), sleep(500).then(() => 'waiting')]);
    await other.commit();
    expect(early).toBe('waiting');
    await expect(merge).rejects.toThrow(/psa-ab is expired, not a hypothesis/);
    const { records } = await driver().executeQuery("MATCH (b:Person {id: 'yp-b'}) RETURN count { (b)-[:MERGED_INTO]->() } AS merges");
    expect(records.map((r) => r.get('merges'))).toEqual([0]);
  });

  it('a decision its own request already committed (a retry after an unanswered commit) answers as before; another request is refused', async () => {
    const asRequest = (requestId: string) => ({ ...actor(), requestId });
    const combinations = async () => (await logOps()).filter(([op]) => op === 'combination').length;
    const merged = await confirmMerge(asRequest('req-merge'), { id: 'psa-ab', ...why });
    const afterMerge = await snapshot();
    expect(await confirmMerge(asRequest('req-merge'), { id: 'psa-ab', ...why })).toEqual(merged);
    expect({ graph: await snapshot(), combinations: await combinations() }).toEqual({ graph: afterMerge, combinations: 1 });
    await expect(confirmMerge(asRequest('req-other'), { id: 'psa-ab', ...why })).rejects.toThrow(/not a hypothesis/);

    const undone = await undoMerge(asRequest('req-undo'), { id: 'psa-ab', ...why });
    expect(undone).toMatchObject({ keptId: merged.keptId, mergedId: merged.mergedId, undone: true });
    expect(await undoMerge(asRequest('req-undo'), { id: 'psa-ab', ...why })).toEqual(undone);
    expect(await combinations()).toBe(2);
    await expect(undoMerge(asRequest('req-merge'), { id: 'psa-ab', ...why })).rejects.toThrow(/no merge made/);

    await rejectPair(asRequest('req-reject'), { id: 'psa-da', ...why });
    expect(await rejectPair(asRequest('req-reject'), { id: 'psa-da', ...why })).toEqual({ id: 'psa-da' });
    await expect(rejectPair(asRequest('req-other'), { id: 'psa-da', ...why })).rejects.toThrow(/awaiting a decision/);
  });

  it('two undos of one merge at once: one undoes it, the other finds no merge left and changes nothing', async () => {
    const before = await snapshot();
    await confirmMerge(actor(), { id: 'psa-ab', ...why });
    // Both undos start while another decision holds B, so both read the merge before either acts.
    const other = await transactionInFlight();
    await lockRecords(other.tx, ['yp-b'], true);
    const undos = [undoMerge(actor(), { id: 'psa-ab', ...why }), undoMerge(actor(), { id: 'psa-ab', ...why })];
    await sleep(500);
    await other.commit();
    const results = await Promise.allSettled(undos);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(String((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason)).toMatch(/no merge made from link psa-ab/);
    expect((await logOps()).filter(([, d]) => d.action === 'undo-merge')).toHaveLength(1);
    expect(await snapshot()).toBe(before);
  });

  it('the migration turns mergedFrom, as older merges left it, into the list of the end that moved', async () => {
    await confirmMerge(actor(), { id: 'psa-ab', ...why });
    // As an older version left it: one mergedFrom per moved link.
    await driver().executeQuery(`MATCH ()-[r]->() WHERE r.mergedStartVia IS NOT NULL OR r.mergedEndVia IS NOT NULL
      SET r.mergedFrom = coalesce(r.mergedStartVia, r.mergedEndVia)[0] REMOVE r.mergedStartVia, r.mergedEndVia`);
    for (const statement of splitStatements(fs.readFileSync(path.join(SCHEMA_DIR, '002_merge_via.cypher'), 'utf8'))) {
      await driver().executeQuery(statement);
    }
    expect(await via('r1')).toEqual({ s: 'yp-a', e: 'loc-x', sv: ['yp-b'], ev: null });
    expect(await via('r8')).toEqual({ s: 'yp-y', e: 'yp-a', sv: null, ev: ['yp-b'] });
    const { records } = await driver().executeQuery('MATCH ()-[r]->() WHERE r.mergedFrom IS NOT NULL RETURN count(r) AS n');
    expect(records[0].get('n')).toBe(0);
    await undoMerge(actor(), { id: 'psa-ab', ...why });
    expect((await linksOf('yp-b')).map((l) => (l as string[])[1])).toEqual(['r1', 'r2', 'r3', 'r7', 'r8']);
  });
});

/**
 * Six records of one person, a possible-duplicate link between each neighbour and each second
 * neighbour, and links of their own: every decision below shares records with several others.
 */
const CROWD_GRAPH = `
UNWIND range(1, 6) AS i
CREATE (p:Entity:Person:YoungPerson {id: 'cr-' + i, name: 'Noor Haddad ' + i, source: 'police'})
WITH collect(p) AS ps
CREATE (x:Entity:Location {id: 'cr-place', name: 'Bus Station (synthetic)'})
FOREACH (p IN ps | CREATE (p)-[:FREQUENTS {id: 'f-' + p.id}]->(x))
WITH ps
UNWIND [i IN range(0, 5) | [j IN [i + 1, i + 2] WHERE j < 6 | [ps[i], ps[j]]]] AS row
UNWIND row AS pair
WITH pair[0] AS a, pair[1] AS b
CREATE (a)-[:POSSIBLY_SAME_AS {id: a.id + '~' + b.id, status: 'hypothesis', score: 0.9}]->(b),
       (a)-[:ASSOCIATES_WITH {id: 'a-' + a.id + '~' + b.id}]->(b)`;

describe('many decisions at once on shared records (real Neo4j)', () => {
  const why = { justification: 'case SYN-78: checking duplicate records' };
  beforeEach(async () => {
    await freshGraph();
    await driver().executeQuery(CROWD_GRAPH);
  });
  afterAll(async () => { await closeDriver(); });

  it('every merge and undo either happens whole or is refused, and undoing what was merged gives the exact graph', async () => {
    const before = await snapshot();
    const { records } = await driver().executeQuery("MATCH ()-[s:POSSIBLY_SAME_AS]->() WHERE s.id STARTS WITH 'cr-' RETURN s.id AS id ORDER BY id");
    const pairs = records.map((r) => r.get('id') as string);
    expect(pairs).toHaveLength(9);
    // All nine at once: each record is in up to four pairs, so most must be refused.
    const merges = await Promise.allSettled(pairs.map((id) => confirmMerge(actor(), { id, ...why })));
    const done = pairs.filter((_, i) => merges[i].status === 'fulfilled');
    expect(done.length).toBeGreaterThan(0);
    for (const m of merges) if (m.status === 'rejected') expect(String(m.reason)).toMatch(/already merged|not a hypothesis/);
    // Each merged record is merged into exactly one record, and one merge per confirmed pair.
    const shape = await driver().executeQuery(`MATCH (d:MergedRecord) WHERE d.id STARTS WITH 'cr-'
      RETURN d.id AS id, count { (d)-[:MERGED_INTO]->() } AS out, labels(d) AS labels`);
    expect(shape.records).toHaveLength(done.length);
    for (const r of shape.records) expect([r.get('out'), r.get('labels')]).toEqual([1, ['Entity', 'MergedRecord']]);
    const people = await driver().executeQuery("MATCH (p:Person) WHERE p.id STARTS WITH 'cr-' RETURN count { (p)-[:MERGED_INTO]->() } AS out");
    expect(people.records.map((r) => r.get('out'))).toEqual(people.records.map(() => 0));
    // Undo them all at once; chained ones may be undone in any order.
    const undos = await Promise.allSettled(done.map((id) => undoMerge(actor(), { id, ...why })));
    expect(undos.map((u) => u.status)).toEqual(done.map(() => 'fulfilled'));
    // The pairs merged are hypotheses again, as before; everything else is exactly as it was.
    expect(await snapshot()).toBe(before);
  });
});
