/**
 * Clear input errors instead of a masked 500: impossible dates anywhere a date argument is taken
 * (BAD_USER_INPUT naming the argument, literal or variable), and saved investigation state that is
 * oversized or deeply nested (BAD_USER_INPUT naming input.state).
 */
import { apiOverGraph } from './harness';
import { handBuiltGraph } from './graph-fixture';
import { driver } from '../support/db';

const logCount = async () => Number((await driver().executeQuery('MATCH (e:AccessLogEntry) RETURN count(e) AS n')).records[0].get('n'));
const WHY = { justification: 'CASE-2026-21' };

const api = apiOverGraph({ modules: ['neighbourhood', 'investigations', 'accesslog', 'analytics'], graph: handBuiltGraph });

describe('impossible dates', () => {
  it.each([
    ['neighbourhood, a literal', '{ neighbourhood(ids: ["yp1"], filter: {from: "2025-02-30T10:00:00Z"}) { nodes { id } } }', {}, 'ana.analyst', 'filter.from', '2025-02-30 is not a date: February 2025 has 28 days'],
    ['neighbourhood, a variable', 'query Q($f: NeighbourhoodFilter) { neighbourhood(ids: ["yp1"], filter: $f) { nodes { id } } }', { f: { to: '2025-04-31T00:00:00Z' } }, 'ana.analyst', 'filter.to', '2025-04-31 is not a date: April 2025 has 30 days'],
    ['the access log, a variable inside a literal', 'query Q($t: DateTime) { accessLog(filter: {to: $t}) { entries { seq } } }', { t: '2025-13-01T00:00:00Z' }, 'aud.auditor', 'filter.to', '2025-13-01 is not a date: there is no month 13'],
    ['critical moments', '{ criticalMoments(quarter: "2025-Q3", asOf: "2025-09-31T12:00:00Z") { asOf } }', {}, 'ana.analyst', 'asOf', '2025-09-31 is not a date: September 2025 has 30 days'],
    ['a time of day that does not exist', '{ criticalMoments(quarter: "2025-Q3", asOf: "2025-09-30T24:00:00Z") { asOf } }', {}, 'ana.analyst', 'asOf', '24:00:00 is not a time of day'],
  ])('in %s: BAD_USER_INPUT naming the argument, nothing logged', async (_n, q, vars, user, field, reason) => {
    const before = await logCount();
    const r = await api.gql(user, q, vars, user === 'aud.auditor' ? { justification: 'AUDIT-2026-Q4', purpose: 'audit' } : WHY);
    expect(r.status).toBeLessThan(500);
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors?.[0]).toMatchObject({ message: `${field}: ${reason}`, extensions: { code: 'BAD_USER_INPUT', field } });
    expect(await logCount()).toBe(before);
  });

  it('a real leap day is a date', async () => {
    const r = await api.gql('ana.analyst', '{ neighbourhood(ids: ["yp1"], filter: {from: "2024-02-29T10:00:00Z"}) { nodes { id } } }', {}, WHY);
    expect(r.body.errors).toBeUndefined();
  });
});

describe('saved investigation state', () => {
  const SAVE = 'mutation S($input: InvestigationInput!) { saveInvestigation(input: $input) { id } }';
  const nested = (depth: number): unknown => {
    let v: unknown = 'leaf';
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  };

  it('nested 100,000 deep (sent as JSON text: no JSON.stringify can write it): BAD_USER_INPUT naming input.state', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const body = `{"query":${JSON.stringify(SAVE)},"variables":{"input":{"name":"Deep","ids":["yp1"],"state":${deep}}}}`;
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await api.token('ana.analyst')}` }, body });
    expect(res.status).toBeLessThan(500);
    const r = (await res.json()) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
    expect(r.errors?.[0]).toMatchObject({ message: 'input.state: nested at most 32 levels deep', extensions: { code: 'BAD_USER_INPUT', field: 'input.state' } });
  });

  it.each([
    ['nested 33 deep', nested(33), 'input.state: nested at most 32 levels deep'],
    ['over 1 MB', { positions: 'x'.repeat(1_100_000) }, 'input.state: at most 1 MB as JSON (this is 1.1 MB)'],
    ['over 200,000 values', { ids: Array.from({ length: 200_001 }, () => 1) }, 'input.state: at most 200,000 values'],
  ])('%s: BAD_USER_INPUT naming input.state', async (_n, state, message) => {
    const r = await api.gql('ana.analyst', SAVE, { input: { name: 'Too much', ids: ['yp1'], state } });
    expect(r.status).toBeLessThan(500);
    expect(r.body.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field: 'input.state' } });
  });

  it('the workspace state it saves is kept', async () => {
    const state = { positions: { yp1: { x: 1, y: 2 } }, filters: { kinds: ['Person'] }, nested: nested(30) };
    const r = await api.gql('ana.analyst', SAVE, { input: { name: 'Fine', ids: ['yp1'], state } });
    expect(r.body.errors).toBeUndefined();
  });
});
