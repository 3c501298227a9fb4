/**
 * A configured OIDC issuer: tokens verified against its JWKS (served over HTTP here), issuer and
 * audience checked, role and agency read from the claims; demo tokens refused.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { resetConfig } from '../../platform/config';

let server: http.Server;
let sign: (claims: Record<string, unknown>, iss?: string, aud?: string) => Promise<string>;
const ISSUER = 'https://idp.example.test/realms/borough';

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = http.createServer((_req, res) => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ keys: [jwk] })); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  Object.assign(process.env, { OIDC_ISSUER: ISSUER, OIDC_JWKS_URI: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`, OIDC_AUDIENCE: 'safeguarding-graph' });
  resetConfig();
  sign = (claims, iss = ISSUER, aud = 'safeguarding-graph') => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(iss).setAudience(aud).setSubject(String(claims.sub ?? 'u1')).setIssuedAt().setExpirationTime('5m').sign(privateKey);
});
afterAll(async () => {
  delete process.env.OIDC_ISSUER;
  delete process.env.OIDC_JWKS_URI;
  delete process.env.OIDC_AUDIENCE;
  resetConfig();
  await new Promise((r) => server.close(r));
});

it('accepts a token from the configured issuer and reads role and agency', async () => {
  const { authenticate } = await import('../verify');
  const user = await authenticate(`Bearer ${await sign({ sub: 'jo.smith', name: 'Jo Smith', role: 'partner', agency: 'HEALTH' })}`);
  expect(user).toEqual({ id: 'jo.smith', name: 'Jo Smith', role: 'partner', agency: 'HEALTH' });
});

it.each([
  ['another issuer', async () => sign({ role: 'analyst' }, 'https://evil.example.test')],
  ['another audience', async () => sign({ role: 'analyst' }, ISSUER, 'other-app')],
  ['no known role', async () => sign({ role: 'superuser' })],
  ['a partner without agency', async () => sign({ role: 'partner' })],
])('refuses %s', async (_n, make) => {
  const { authenticate } = await import('../verify');
  await expect(authenticate(`Bearer ${await make()}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
});

it('refuses demo tokens and does not issue them', async () => {
  const { issueDemoToken } = await import('../issuer');
  await expect(issueDemoToken('ana.analyst')).rejects.toThrow(/embedded issuer/);
});
