/**
 * Queries over the limits are rejected at parse/validation time: LIMIT_EXCEEDED, HTTP 400, and
 * no resolver runs (so nothing reaches the database or the access log).
 */
import { apiOverGraph } from './harness';
import { driver } from '../support/db';
import { LIMITS } from '../../server/graphql/limits';

const logCount = async () => Number((await driver().executeQuery('MATCH (e:AccessLogEntry) RETURN count(e) AS n')).records[0].get('n'));

const profileFields = 'node { id kind name properties } flags timeline { id at kind role summary source grading status reviewBy properties } relationships { id type direction other { id name kind properties labels } source sourceRef grading status validFrom validTo reviewBy reviewOverdue } criticalMoments { id kind at followUp } riskTrend { direction points { at score level } }';
const nested = (depth: number): string => (depth === 0 ? 'name' : `ofType { ${nested(depth - 1)} }`);

const OVER: Array<[string, string]> = [
  ['aliases', `{ ${Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `s${i}: search(text: "Test") { items { id } }`).join(' ')} }`],
  ['directives', `{ search(text: "Test") { items { id ${Array.from({ length: LIMITS.maxDirectives + 1 }, () => '@include(if: true)').join(' ')} } } }`],
  ['tokens', `{ search(text: "Test") { items { ${Array.from({ length: LIMITS.maxTokens }, () => 'id').join(' ')} } } }`],
  ['cost', `{ ${Array.from({ length: 9 }, (_, i) => `p${i}: profile(id: "yp1") { ${profileFields} }`).join(' ')} }`],
  ['depth', `{ __schema { types { fields { type { ${nested(LIMITS.maxDepth)} } } } } }`],
];

const api = apiOverGraph({ modules: ['search', 'profile'] });

describe.each(OVER)('over the %s limit', (_name, query) => {
  it('is rejected with LIMIT_EXCEEDED before any resolver runs', async () => {
    const before = await logCount();
    const r = await api.gql('ana.analyst', query, {}, { justification: 'LIMITS-TEST' });
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors?.map((e) => e.extensions?.code)).toContain('LIMIT_EXCEEDED');
    expect(await logCount()).toBe(before);
  });
});

it('a query within the limits runs (and is logged)', async () => {
  const before = await logCount();
  const r = await api.gql('ana.analyst', `{ ${Array.from({ length: LIMITS.maxAliases }, (_, i) => `s${i}: search(text: "Test") { items { id } }`).join(' ')} }`, {}, { justification: 'LIMITS-TEST' });
  expect(r.status).toBe(200);
  expect(r.body.errors).toBeUndefined();
  expect(await logCount()).toBe(before + LIMITS.maxAliases);
});
