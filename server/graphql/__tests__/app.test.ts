/** The API's shape over real HTTP: sign-in, GraphQL over HTTP, errors, limits, CSRF, headers. */
import { startApi, type TestApi } from '../../../tests/api/client';
import { closeDriver } from '../../../tests/support/db';
import { issueDemoToken } from '../../auth';

let api: TestApi;
beforeAll(async () => { api = await startApi({ modules: [] }); });
afterAll(async () => { await api.close(); await closeDriver(); });

describe('sign-in', () => {
  it('rejects requests without a token with 401 and UNAUTHENTICATED', async () => {
    const r = await api.gql(null, '{ me { id } }');
    expect(r.status).toBe(401);
    expect(r.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.body.data).toBeUndefined();
  });

  it('rejects a forged token', async () => {
    const good = await issueDemoToken('ana.analyst');
    const [h, p] = good.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'police' })).toString('base64url')}.${good.split('.')[2]}`;
    const r = await api.gql(null, '{ me { role } }', {}, { headers: { authorization: `Bearer ${forged}` } });
    expect(r.status).toBe(401);
  });

  it('POST /auth/token signs a demo user in; a wrong password is refused', async () => {
    const ok = await fetch(`${api.url}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'pam.partner', password: 'demo' }) });
    expect(ok.status).toBe(200);
    const { token } = (await ok.json()) as { token: string };
    const me = await api.gql(null, '{ me { id role agency capabilities pseudonymised } }', {}, { headers: { authorization: `Bearer ${token}` } });
    expect(me.body.data.me).toEqual(expect.objectContaining({ id: 'pam.partner', role: 'partner', agency: 'EDUCATION', pseudonymised: false }));
    const bad = await fetch(`${api.url}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'pam.partner', password: 'nope' }) });
    expect(bad.status).toBe(401);
  });
});

describe('GraphQL over HTTP', () => {
  it('answers POST with the graphql-response content type and a request id', async () => {
    const r = await api.gql('lee.lead', '{ me { role pseudonymised } }');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/application\/graphql-response\+json/);
    expect(r.headers.get('x-request-id')).toMatch(/[\w-]{8,}/);
    expect(r.body.data.me).toEqual({ role: 'lead', pseudonymised: true });
  });

  it('answers GET queries when the CSRF header is present, refuses them without it', async () => {
    const auth = `Bearer ${await api.token('ana.analyst')}`;
    const q = encodeURIComponent('{ me { role } }');
    const ok = await fetch(`${api.url}/graphql?query=${q}`, { headers: { authorization: auth, 'x-graphql-csrf': '1', accept: 'application/json' } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as any).data.me.role).toBe('analyst');
    const csrf = await fetch(`${api.url}/graphql?query=${q}`, { headers: { authorization: auth } });
    expect(csrf.status).toBe(403);
  });

  it('answers a POST body that is not JSON, empty or over the size limit with a GraphQL error (as yoga did)', async () => {
    const headers = { authorization: `Bearer ${await api.token('ana.analyst')}`, 'content-type': 'application/json' };
    const bad = await fetch(`${api.url}/graphql`, { method: 'POST', headers, body: '{"query": "{ me { id } }"' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0]).toEqual({ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } });
    const empty = await fetch(`${api.url}/graphql`, { method: 'POST', headers, body: '{}' });
    expect(((await empty.json()) as any).errors[0]).toEqual({ message: 'Must provide query string.', extensions: { code: 'BAD_REQUEST' } });
    const big = await fetch(`${api.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: '{ me { id } }', variables: { x: 'x'.repeat(26_000_000) } }) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    const ok = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ query: '{ me { id } }', variables: {} }) });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as any).data.me.id).toBe('ana.analyst');
  });

  it('refuses mutations over GET (405)', async () => {
    const auth = `Bearer ${await api.token('ana.analyst')}`;
    const q = encodeURIComponent('mutation { __typename }');
    const r = await fetch(`${api.url}/graphql?query=${q}`, { headers: { authorization: auth, 'x-graphql-csrf': '1', accept: 'application/graphql-response+json' } });
    expect(r.status).toBe(405);
  });

  it('gives 400 for a syntax error and for an unknown field', async () => {
    expect((await api.gql('ana.analyst', '{ me { ')).status).toBe(400);
    const r = await api.gql('ana.analyst', '{ me { nope } }');
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('sets security headers', async () => {
    const r = await fetch(`${api.url}/health`);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(r.headers.get('x-powered-by')).toBeNull();
  });
});

describe('limits', () => {
  it('rejects a query with too many aliases with LIMIT_EXCEEDED', async () => {
    const q = `{ ${Array.from({ length: 12 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const r = await api.gql('ana.analyst', q);
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].extensions?.code).toBe('LIMIT_EXCEEDED');
  });

  it('rejects an over-long query (tokens) with LIMIT_EXCEEDED', async () => {
    const q = `{ me { ${Array.from({ length: 2500 }, () => 'id').join(' ')} } }`;
    const r = await api.gql('ana.analyst', q);
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].extensions?.code).toBe('LIMIT_EXCEEDED');
  });
});
