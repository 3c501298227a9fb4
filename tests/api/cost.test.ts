/**
 * Cost that matches the work: neighbourhood and subgraph are counted as ids × hops × limit (ids for
 * subgraph) over the whole request, aliases and fragments included, and refused over the budget
 * before anything runs or is logged; rate limits per user as well as per address.
 */
import { apiOverGraph } from './harness';
import { handBuiltGraph } from './graph-fixture';
import { startApi } from './client';
import { driver } from '../support/db';
import { LIMITS } from '../../server/graphql/limits';

const logCount = async () => Number((await driver().executeQuery('MATCH (e:AccessLogEntry) RETURN count(e) AS n')).records[0].get('n'));
const WHY = { justification: 'CASE-2026-21' };

const api = apiOverGraph({ modules: ['neighbourhood'], graph: handBuiltGraph });

describe('work budget', () => {
  it('refuses ten aliased 3-hop neighbourhoods at limit 2,000 before any runs, and logs nothing', async () => {
    const before = await logCount();
    const q = `{ ${Array.from({ length: 10 }, (_, i) => `n${i}: neighbourhood(ids: ["yp1"], hops: 3, limit: 2000) { nodes { id } }`).join(' ')} }`;
    const r = await api.gql('ana.analyst', q, {}, WHY);
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', work: 60_000, maxWork: LIMITS.maxWork });
    expect(r.body.errors?.[0].message).toMatch(/^This request asks for 60,000 units of work \(neighbourhood: ids × hops × limit, summed over 10 fields\): at most 25,000\./);
    expect(await logCount()).toBe(before);
  });

  it('counts seeds, defaults, variables, fragments and subgraph ids together', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `x${i}`);
    // 50 seeds × 1 hop (default) × 500 (default) = 25,000, plus subgraph's 50 ids: over.
    const q = 'query Q($ids: [ID!]!) { ...F s: subgraph(ids: $ids) { nodes { id } } } fragment F on Query { neighbourhood(ids: $ids) { nodes { id } } }';
    const r = await api.gql('ana.analyst', q, { ids }, WHY);
    expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', work: 25_050 });
    const alone = await api.gql('ana.analyst', 'query Q($ids: [ID!]!) { neighbourhood(ids: $ids) { nodes { id } } }', { ids }, WHY);
    expect(alone.body.errors).toBeUndefined();
  });

  it('runs a single 3-hop neighbourhood at the largest limit', async () => {
    const r = await api.gql('ana.analyst', '{ neighbourhood(ids: ["yp1"], hops: 3, limit: 2000) { nodes { id } } }', {}, WHY);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.neighbourhood.nodes.length).toBeGreaterThan(5);
  });
});

describe('rate limits per user', () => {
  it('stop one user at their limit while another user from the same address goes on', async () => {
    const limited = await startApi({ modules: [], rateLimits: { graphqlPerMinute: 1000, graphqlPerUserPerMinute: 3 } });
    try {
      const ana: number[] = [];
      for (let i = 0; i < 4; i++) ana.push((await limited.gql('ana.analyst', '{ me { id } }')).status);
      expect(ana).toEqual([200, 200, 200, 429]);
      const over = await limited.gql('ana.analyst', '{ me { id } }');
      expect(over.body.errors?.[0]).toEqual({ message: 'Too many requests from this user: try again in a minute', extensions: { code: 'LIMIT_EXCEEDED' } });
      expect((await limited.gql('pat.police', '{ me { id } }')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
