/**
 * Production settings (NODE_ENV=production): sign-in only through the configured identity
 * provider, no GraphiQL, no introspection. Embedded default (development): GraphiQL served. Also:
 * rate limits, request ids in the logs, no-store on person data, CORS only to configured origins.
 */
import { startApi, type TestApi } from '../../../tests/api/client';
import { closeDriver } from '../../../tests/support/db';
import { startFakeIdp, type FakeIdp } from '../../../tests/support/fake-idp';
import { resetConfig } from '../../platform/config';

const INTROSPECT = '{ __schema { queryType { name } } }';
const graphiql = (api: TestApi) => fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });

afterAll(async () => { await closeDriver(); });

/** Sets these variables for the describe's tests, and puts the old values back after them. */
function withEnv(env: () => Record<string, string>): void {
  let saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    const e = env();
    saved = Object.fromEntries(Object.keys(e).map((k) => [k, process.env[k]]));
    Object.assign(process.env, e);
    resetConfig();
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    resetConfig();
  });
}

describe('production mode', () => {
  let api: TestApi;
  let idp: FakeIdp;
  let bearer: Record<string, string>;
  beforeAll(async () => { idp = await startFakeIdp(); });
  withEnv(() => ({ NODE_ENV: 'production', ...idp.env() }));
  beforeAll(async () => {
    api = await startApi({ modules: [] });
    bearer = { authorization: `Bearer ${await idp.sign({ sub: 'jo.analyst', role: 'analyst' })}` };
  });
  afterAll(async () => {
    await api.close();
    await idp.close();
  });

  it("signs in through the identity provider's tokens only: the demo issuer issues nothing", async () => {
    expect((await api.gql(null, '{ me { id role } }', {}, { headers: bearer })).body.data.me).toEqual({ id: 'jo.analyst', role: 'analyst' });
    const demo = await fetch(`${api.url}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'adm.admin', password: 'demo' }) });
    expect(demo.status).toBe(404);
    expect(await demo.text()).not.toMatch(/token"/);
  });

  it('refuses introspection', async () => {
    const r = await api.gql(null, INTROSPECT, {}, { headers: bearer });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].message).toMatch(/introspection/i);
  });

  it('serves no GraphiQL page (the request needs a token like any other)', async () => {
    const r = await graphiql(api);
    expect(r.status).toBe(401);
    expect(await r.text()).not.toMatch(/graphiql/i);
  });
});

describe('person data and tokens are never cached', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi({ modules: [] }); });
  afterAll(async () => { await api.close(); });

  it('sends Cache-Control: no-store on /graphql answers, refusals included, and on /auth/token', async () => {
    expect((await api.gql('ana.analyst', '{ me { id } }')).headers.get('cache-control')).toBe('no-store');
    expect((await api.gql(null, '{ me { id } }')).headers.get('cache-control')).toBe('no-store');
    const token = await fetch(`${api.url}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ana.analyst', password: 'demo' }) });
    expect(token.status).toBe(200);
    expect(token.headers.get('cache-control')).toBe('no-store');
  });
});

describe('cross-origin calls', () => {
  const ME = JSON.stringify({ query: '{ me { id } }' });
  const call = async (api: TestApi, origin: string, method = 'POST') => fetch(`${api.url}/graphql`, method === 'OPTIONS'
    ? { method, headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-justification' } }
    : { method, headers: { origin, 'content-type': 'application/json', authorization: `Bearer ${await api.token('ana.analyst')}` }, body: ME });

  describe('none configured (the default)', () => {
    let api: TestApi;
    beforeAll(async () => { api = await startApi({ modules: [] }); });
    afterAll(async () => { await api.close(); });

    it('tells no other site it may read the answers, with or without credentials', async () => {
      for (const method of ['POST', 'OPTIONS']) {
        const r = await call(api, 'https://evil.example', method);
        expect(r.headers.get('access-control-allow-origin')).toBeNull();
        expect(r.headers.get('access-control-allow-credentials')).toBeNull();
      }
    });
  });

  describe('CORS_ORIGINS configured', () => {
    let api: TestApi;
    withEnv(() => ({ CORS_ORIGINS: 'https://workspace.partnership.example, https://second.partnership.example' }));
    beforeAll(async () => { api = await startApi({ modules: [] }); });
    afterAll(async () => { await api.close(); });

    it('names a configured origin back, without credentials, and answers its preflight', async () => {
      const r = await call(api, 'https://workspace.partnership.example');
      expect(r.status).toBe(200);
      expect(r.headers.get('access-control-allow-origin')).toBe('https://workspace.partnership.example');
      expect(r.headers.get('access-control-allow-credentials')).toBeNull();
      expect(r.headers.get('vary')).toMatch(/Origin/);
      const pre = await call(api, 'https://second.partnership.example', 'OPTIONS');
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('https://second.partnership.example');
      expect(pre.headers.get('access-control-allow-headers')).toMatch(/x-justification-purpose/);
    });

    it('answers any other origin without CORS headers', async () => {
      for (const method of ['POST', 'OPTIONS']) {
        const r = await call(api, 'https://workspace.partnership.example.evil.test', method);
        expect(r.headers.get('access-control-allow-origin')).toBeNull();
        expect(r.headers.get('access-control-allow-credentials')).toBeNull();
      }
    });
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
