/**
 * Production settings (NODE_ENV=production): no GraphiQL, no introspection. Embedded default
 * (development): GraphiQL served. Also: rate limits, request ids in the logs.
 */
import { startApi, type TestApi } from '../../../tests/api/client';
import { closeDriver } from '../../../tests/support/db';
import { resetConfig } from '../../platform/config';

const INTROSPECT = '{ __schema { queryType { name } } }';
const graphiql = (api: TestApi) => fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });

afterAll(async () => { await closeDriver(); });

describe('production mode', () => {
  let api: TestApi;
  const saved = process.env.NODE_ENV;
  beforeAll(async () => {
    process.env.NODE_ENV = 'production';
    resetConfig();
    api = await startApi({ modules: [] });
  });
  afterAll(async () => {
    await api.close();
    process.env.NODE_ENV = saved;
    resetConfig();
  });

  it('refuses introspection', async () => {
    const r = await api.gql('ana.analyst', INTROSPECT);
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].message).toMatch(/introspection/i);
  });

  it('serves no GraphiQL page (the request needs a token like any other)', async () => {
    const r = await graphiql(api);
    expect(r.status).toBe(401);
    expect(await r.text()).not.toMatch(/graphiql/i);
  });
});

describe('development (embedded default)', () => {
  let api: TestApi;
  const lines: Array<Record<string, unknown>> = [];
  beforeAll(async () => { api = await startApi({ modules: [], rateLimits: { authPerMinute: 3, graphqlPerMinute: 5 }, log: (l) => lines.push(l) }); });
  afterAll(async () => { await api.close(); });

  it('serves GraphiQL and allows introspection', async () => {
    const page = await graphiql(api);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/graphiql/i);
    expect((await api.gql('ana.analyst', INTROSPECT)).body.data.__schema.queryType.name).toBe('Query');
  });

  it('logs every request with its request id (echoing a caller-supplied one)', async () => {
    await api.gql('ana.analyst', '{ me { id } }', {}, { headers: { 'x-request-id': 'trace-abc-123' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(lines).toEqual(expect.arrayContaining([expect.objectContaining({ requestId: 'trace-abc-123', path: '/graphql', status: 200, user: 'ana.analyst' })]));
  });

  it('rate-limits /graphql and /auth/token (429)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.gql('ana.analyst', '{ me { id } }')).status);
    expect(statuses).toContain(429);
    const auth: number[] = [];
    for (let i = 0; i < 4; i++) {
      auth.push((await fetch(`${api.url}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ana.analyst', password: 'x' }) })).status);
    }
    expect(auth.slice(0, 3)).toEqual([401, 401, 401]);
    expect(auth[3]).toBe(429);
  });
});
