/** Erasure leaves no trace: graph, saved investigations, search/profile/neighbourhood, a fresh CSV export. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiOverGraph } from '../../../../tests/api/harness';
import { driver, transactionInFlight, sleep } from '../../../../tests/support/db';
import { generate } from '../../../../fixtures/generator';
import { systemActor } from '../../accesslog/access-log';
import { erasePerson } from '../erase';
import { scrub } from '../../../domain/scrub-ids';
import { confirmMerge } from '../../resolution/merge';
import { exportGraphAsCsv } from '../../import/write-csv';

const fixture = generate({ scale: 'tiny', seed: 20251 });
const J = { justification: 'SYN-ERASURE-CHECK' };
const api = apiOverGraph({ modules: ['search', 'profile', 'neighbourhood'], freshBeforeEach: true, graph: () => fixture.units });

/** A child with at least one event only about them and one shared with someone else. */
async function pickChild(): Promise<{ id: string; name: string; onlyTheirs: string[]; shared: string[] }> {
  const { records } = await driver().executeQuery(
    `MATCH (p:YoungPerson)<-[:INVOLVED|ABOUT]-(e:Event)
     WITH p, e, EXISTS { MATCH (e)-[:INVOLVED|ABOUT]->(o:Person) WHERE o <> p } AS shared
     WITH p, [x IN collect({e: e.id, shared: shared}) WHERE NOT x.shared | x.e] AS only, [x IN collect({e: e.id, shared: shared}) WHERE x.shared | x.e] AS sh
     WHERE size(only) > 0 AND size(sh) > 0
     RETURN p.id AS id, p.name AS name, only, sh ORDER BY size(only) DESC, id LIMIT 1`);
  const r = records[0];
  return { id: r.get('id'), name: r.get('name'), onlyTheirs: r.get('only'), shared: r.get('sh') };
}

/**
 * Three synthetic records of one person, each with a link to the same place: B merged into A, then
 * A into D. Returns the actor that merged them.
 */
async function chainOfMergedRecords() {
  await driver().executeQuery(`
    MATCH (x:Location) WITH x ORDER BY x.id LIMIT 1
    CREATE (a:Entity:Person:YoungPerson {id: 'syn-a', name: 'Tova Lindqvist', source: 'police'}),
           (b:Entity:Person:YoungPerson {id: 'syn-b', name: 'Tova Lindquist', source: 'school'}),
           (d:Entity:Person:YoungPerson {id: 'syn-d', name: 'Tova L. Lindqvist', source: 'health'}),
           (b)-[:FREQUENTS {id: 'syn-r1'}]->(x), (a)-[:FREQUENTS {id: 'syn-r2'}]->(x), (d)-[:FREQUENTS {id: 'syn-r3'}]->(x),
           (a)-[:POSSIBLY_SAME_AS {id: 'syn-ab', status: 'hypothesis'}]->(b),
           (d)-[:POSSIBLY_SAME_AS {id: 'syn-da', status: 'hypothesis'}]->(a)`);
  const actor = systemActor('erase-test', driver(), 'neo4j');
  await confirmMerge(actor, { id: 'syn-ab', justification: 'SYN duplicate' });
  await confirmMerge(actor, { id: 'syn-da', justification: 'SYN duplicate' });
  return actor;
}

describe('erasure of a person', () => {
  it('removes them, what is only about them and their relationships; shared events stay without them; logged', async () => {
    const child = await pickChild();
    await driver().executeQuery(`CREATE (:Investigation {id: 'inv1', name: 'synthetic', ids: [$id, 'other'], state: $state, owner: 'ana.analyst'})`,
      { id: child.id, state: JSON.stringify({ positions: { [child.id]: { x: 1, y: 2 }, other: { x: 0, y: 0 } } }) });
    const before = await api.gql('ana.analyst', 'query($t: String!) { search(text: $t) { items { id } } }', { t: child.id }, J);
    expect(before.body.data.search.items.map((i: { id: string }) => i.id)).toContain(child.id);

    const r = await erasePerson(systemActor('erase-test', driver(), 'neo4j'), { personId: child.id, justification: 'SYN erasure request 1' });
    expect(r.events.sort()).toEqual([...child.onlyTheirs].sort());

    const trace = await driver().executeQuery(
      `MATCH (n) WHERE NOT n:AccessLogEntry AND any(k IN keys(n) WHERE n[k] = $id OR n[k] = $name OR (valueType(n[k]) STARTS WITH 'LIST' AND ($id IN n[k] OR $name IN n[k])) OR (n[k] IS :: STRING AND n[k] CONTAINS $id))
       RETURN count(n) AS nodes`, { id: child.id, name: child.name });
    expect(trace.records[0].get('nodes')).toBe(0);
    const relTrace = await driver().executeQuery('MATCH ()-[r]->() WHERE any(k IN keys(r) WHERE r[k] = $id) OR r.id CONTAINS $id RETURN count(r) AS n', { id: child.id });
    expect(relTrace.records[0].get('n')).toBe(0);
    const gone = await driver().executeQuery('MATCH (e:Entity) WHERE e.id IN $ids RETURN count(e) AS n', { ids: child.onlyTheirs });
    expect(gone.records[0].get('n')).toBe(0);
    const kept = await driver().executeQuery('MATCH (e:Entity) WHERE e.id IN $ids RETURN count(e) AS n', { ids: child.shared });
    expect(kept.records[0].get('n')).toBe(child.shared.length);
    const inv = await driver().executeQuery("MATCH (i:Investigation {id: 'inv1'}) RETURN i.ids AS ids, i.state AS state");
    expect(inv.records[0].get('ids')).toEqual(['other']);
    expect(JSON.parse(inv.records[0].get('state'))).toEqual({ positions: { other: { x: 0, y: 0 } } });
    const log = await driver().executeQuery("MATCH (e:AccessLogEntry {operation: 'erasure'}) RETURN e.ids AS ids, e.justification AS j, e.detail AS d");
    expect(log.records[0].get('ids')).toContain(child.id);
    expect(log.records[0].get('j')).toBe('SYN erasure request 1');
    expect(log.records[0].get('d')).not.toContain(child.name);

    // Reads through the API find nothing.
    const byId = await api.gql('ana.analyst', 'query($t: String!) { search(text: $t) { items { id } } }', { t: child.id }, J);
    expect(byId.body.data.search.items).toEqual([]);
    const byName = await api.gql('ana.analyst', 'query($t: String!) { search(text: $t) { items { id } } }', { t: child.name }, J);
    expect(byName.body.data.search.items.map((i: { id: string }) => i.id)).not.toContain(child.id);
    const profile = await api.gql('ana.analyst', 'query($id: ID!) { profile(id: $id) { node { id } } }', { id: child.id }, J);
    expect(profile.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const hood = await api.gql('ana.analyst', 'query($ids: [ID!]!) { neighbourhood(ids: $ids, hops: 2) { nodes { id } edges { id } } }', { ids: [child.id, child.shared[0]] }, J);
    const ids = [...(hood.body.data?.neighbourhood.nodes ?? []), ...(hood.body.data?.neighbourhood.edges ?? [])].map((x: { id: string }) => x.id);
    expect(ids.filter((x: string) => x.includes(child.id))).toEqual([]);

    // A fresh CSV export contains neither their id nor their name.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'erasure-export-'));
    const exported = await exportGraphAsCsv(driver(), 'neo4j', dir);
    expect(exported.rows).toBeGreaterThan(100);
    for (const f of exported.files) {
      const text = fs.readFileSync(f, 'utf8');
      expect(text.includes(child.id)).toBe(false);
      expect(text.includes(child.name)).toBe(false);
    }
  }, 600_000);

  it('takes every record merged into the person, also through chained merges (B into A into D)', async () => {
    const actor = await chainOfMergedRecords();
    const r = await erasePerson(actor, { personId: 'syn-d', justification: 'SYN erasure request 2' });
    expect([...r.records].sort()).toEqual(['syn-a', 'syn-b', 'syn-d']);
    const { records } = await driver().executeQuery(
      "MATCH (n) WHERE n.id IN ['syn-a', 'syn-b', 'syn-d'] OR n.name STARTS WITH 'Tova' RETURN count(n) AS nodes");
    expect(records[0].get('nodes')).toBe(0);
    const rels = await driver().executeQuery("MATCH ()-[r]->() WHERE r.id STARTS WITH 'syn-' RETURN count(r) AS n");
    expect(rels.records[0].get('n')).toBe(0);
  });

  it('erasing a merged duplicate alone leaves its id nowhere, not even in the merge lists of the links it passed on', async () => {
    const actor = await chainOfMergedRecords();
    const r = await erasePerson(actor, { personId: 'syn-a', justification: 'SYN erasure request 3' });
    expect([...r.records].sort()).toEqual(['syn-a', 'syn-b']);
    // The links stay with the record kept (the same person), without the erased ids.
    const { records } = await driver().executeQuery(
      "MATCH (d:Person {id: 'syn-d'})-[r:FREQUENTS]->() RETURN r.id AS id, properties(r) AS p ORDER BY id");
    expect(records.map((x) => x.get('id'))).toEqual(['syn-r1', 'syn-r2', 'syn-r3']);
    const trace = await driver().executeQuery(
      `MATCH ()-[r]->() WHERE any(k IN keys(r) WHERE r[k] IN ['syn-a', 'syn-b'] OR (valueType(r[k]) STARTS WITH 'LIST' AND any(x IN r[k] WHERE x IN ['syn-a', 'syn-b'])))
       RETURN count(r) AS n`);
    expect(trace.records[0].get('n')).toBe(0);
  });

  it('waits for a merge into the person still in flight, then erases the record merged in too', async () => {
    const actor = await chainOfMergedRecords();
    // Another transaction, not yet committed, merges a further duplicate (syn-x) into syn-d.
    const other = await transactionInFlight();
    await other.tx.run(`MATCH (d:Person {id: 'syn-d'}), (x:Location) WITH d, x ORDER BY x.id LIMIT 1
      CREATE (m:Entity:MergedRecord {id: 'syn-x', name: 'Tova Lindqvist-Berg', source: 'youth-justice', mergedLabels: ['Person', 'YoungPerson'], mergedInto: 'syn-d'})
      CREATE (m)-[:MERGED_INTO {id: 'merge:syn-xd'}]->(d), (d)-[:FREQUENTS {id: 'syn-r4', mergedStartVia: ['syn-x']}]->(x)`);
    const erasure = erasePerson(actor, { personId: 'syn-d', justification: 'SYN erasure request 4' });
    await sleep(500);
    await other.commit();
    expect([...(await erasure).records].sort()).toEqual(['syn-a', 'syn-b', 'syn-d', 'syn-x']);
    const { records } = await driver().executeQuery("MATCH (n) WHERE n.id STARTS WITH 'syn-' OR n.name STARTS WITH 'Tova' RETURN count(n) AS n");
    expect(records[0].get('n')).toBe(0);
  });

  it('an unknown id is refused', async () => {
    await expect(erasePerson(systemActor('erase-test', driver(), 'neo4j'), { personId: 'nobody', justification: 'x' })).rejects.toThrow(/no person/);
  });

  it('scrub drops erased ids from keys, lists and objects', () => {
    expect(scrub({ a: ['x', 'y'], x: 1, nodes: [{ id: 'x' }, { id: 'z' }] }, new Set(['x']))).toEqual({ a: ['y'], nodes: [{ id: 'z' }] });
  });
});

describe('erasure reaches later briefings', () => {
  it('a child named in the restricted briefing is absent from the next one after erasure', async () => {
    const { buildBriefing } = await import('../../briefing');
    const opts = { quarter: '2026-Q2', edition: 'restricted' as const, author: { name: 'Synthetic Analyst', role: 'police' as const }, createdAt: '2026-07-15T09:00:00Z', formats: ['html' as const, 'csv' as const] };
    const text = (files: Array<{ path: string }>) => files.map((f) => fs.readFileSync(f.path, 'utf8')).join('\n');
    const before = await buildBriefing({ driver: driver(), database: 'neo4j' }, opts, fs.mkdtempSync(path.join(os.tmpdir(), 'brief-before-')));
    expect(before.personIds.length).toBeGreaterThan(0);
    const id = before.personIds[0];
    const name = (await driver().executeQuery('MATCH (p:Person {id: $id}) RETURN p.name AS n', { id })).records[0].get('n') as string;
    expect(text(before.files)).toContain(name);

    await erasePerson(systemActor('erase-test', driver(), 'neo4j'), { personId: id, justification: 'SYN erasure request 2' });
    const after = await buildBriefing({ driver: driver(), database: 'neo4j' }, opts, fs.mkdtempSync(path.join(os.tmpdir(), 'brief-after-')));
    expect(after.personIds).not.toContain(id);
    const t = text(after.files);
    expect(t.includes(name)).toBe(false);
    expect(t.includes(id)).toBe(false);
  }, 600_000);
});
