/**
 * Injection corpus in every string argument: the graph's node and relationship counts stay the
 * same, and each answer is data (possibly empty) or a clean typed error, never a 5xx or a
 * masked internal error.
 */
import { apiOverGraph } from './harness';
import { handBuiltGraph } from './graph-fixture';
import { driver } from '../support/db';

export const CORPUS = [
  "'", '"', '\\', '`', "' OR 1=1 --", '" OR ""="',
  '"}) DETACH DELETE n //', "'}) DETACH DELETE n //", '}) DETACH DELETE n RETURN 1 //',
  "x' }) MATCH (n) DETACH DELETE n //", "yp1' OR n.id <> '", '*/ MATCH (n) DETACH DELETE n /*',
  "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "LOAD CSV FROM 'http://127.0.0.1:1/x' AS l CREATE (:Entity {id: l[0]})",
  'CALL db.labels()', 'CALL apoc.cypher.runWrite("MATCH (n) DETACH DELETE n", {})', '$id', '{id: "x"}', '${process.exit()}',
  'name:*', '*:*', '/.*/', 'a AND NOT b OR c', '~', '?', '[* TO *]', 'a^100', '"unterminated',
  '\u202Eevil\u202C', 'zero\u200Bwidth', '\uFF02\uFF09 DETACH DELETE n', 'Ｔｅｓｔ', '\u0000', 'nul\u0000byte', 'tab\there', 'line\nbreak',
  '😀🧒', 'é'.normalize('NFD'), 'x'.repeat(10_000), '%00', '%27%20OR%201=1', '<script>alert(1)</script>', '../../etc/passwd',
];
const HEADER_SAFE = CORPUS.filter((s) => /^[\x20-\x7e]*$/.test(s) && s.length < 2000);

const graphCounts = async () => {
  const { records } = await driver().executeQuery('MATCH (n:Entity) WITH count(n) AS nodes OPTIONAL MATCH (:Entity)-[r]->(:Entity) RETURN nodes, count(r) AS rels');
  return { nodes: Number(records[0].get('nodes')), rels: Number(records[0].get('rels')) };
};
const CLEAN_CODES = ['BAD_USER_INPUT', 'NOT_FOUND', 'JUSTIFICATION_REQUIRED', 'LIMIT_EXCEEDED', 'GRAPHQL_VALIDATION_FAILED'];

const ARGS: Array<[string, string, (s: string) => Record<string, unknown>, string?]> = [
  ['search.text', 'query Q($s: String!) { search(text: $s) { items { id } hidden } }', (s) => ({ s })],
  ['profile.id', 'query Q($s: ID!) { profile(id: $s) { node { id } } }', (s) => ({ s })],
  ['neighbourhood.ids', 'query Q($s: ID!) { neighbourhood(ids: [$s, "yp1"], hops: 2) { nodes { id } } }', (s) => ({ s })],
  ['subgraph.ids', 'query Q($s: ID!) { subgraph(ids: [$s]) { nodes { id } } }', (s) => ({ s })],
  ['investigation.id', 'query Q($s: ID!) { investigation(id: $s) { id } }', (s) => ({ s })],
  ['saveInvestigation.name/ids/state', 'mutation M($s: String!) { saveInvestigation(input: {name: $s, ids: [$s], state: {note: $s}}) { id name ids state } }', (s) => ({ s })],
  ['accessLog.filter', 'query Q($s: String!) { accessLog(filter: {actorId: $s, recordId: $s}) { entries { seq } } }', (s) => ({ s }), 'aud.auditor'],
];

const api = apiOverGraph({ modules: ['search', 'profile', 'neighbourhood', 'investigations', 'accesslog'], graph: handBuiltGraph });

describe.each(ARGS)('injection corpus in %s', (_name, query, vars, user = 'pat.police') => {
  it('leaves the graph unchanged and answers cleanly', async () => {
    const before = await graphCounts();
    for (const s of CORPUS) {
      const r = await api.gql(user, query, vars(s), { justification: 'INJECTION-TEST' });
      expect(r.status).toBeLessThan(500);
      for (const e of r.body.errors ?? []) {
        expect(CLEAN_CODES).toContain(e.extensions?.code);
      }
      if (!r.body.errors && r.body.data?.saveInvestigation) {
        expect(r.body.data.saveInvestigation.name).toBe(s.normalize('NFKC').trim()); // stored as text, verbatim
      }
    }
    expect(await graphCounts()).toEqual(before);
  });
});

it('injection corpus in the x-justification header: logged as text or refused cleanly', async () => {
  const before = await graphCounts();
  for (const s of HEADER_SAFE) {
    const r = await api.gql('ana.analyst', '{ search(text: "Test") { items { id } } }', {}, { justification: s });
    expect(r.status).toBeLessThan(500);
    for (const e of r.body.errors ?? []) expect(['JUSTIFICATION_REQUIRED', 'BAD_USER_INPUT']).toContain(e.extensions?.code);
  }
  expect(await graphCounts()).toEqual(before);
  const v = await api.gql('aud.auditor', '{ verifyAccessLog { ok } }');
  expect(v.body.data.verifyAccessLog.ok).toBe(true);
});

it('search still finds real records after the corpus (nothing was deleted)', async () => {
  const r = await api.gql('ana.analyst', '{ search(text: "Test Child") { items { id } } }', {}, { justification: 'INJECTION-TEST' });
  expect(r.body.data.search.items).toHaveLength(5);
});
