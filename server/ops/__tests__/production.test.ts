/**
 * Production mode refuses to start without a Neo4j password from the environment or a real
 * identity provider; buildApp() itself refuses the demo issuer, whoever calls it.
 */
import { config, resetConfig } from '../../platform/config';
import { productionProblems } from '../production';
import { buildApp } from '../../app';
import { issueDemoToken, usingLocalIssuer } from '../../auth';

const KEYS = ['NODE_ENV', 'NEO4J_PASSWORD', 'OIDC_ISSUER', 'OIDC_JWKS_URI', 'OIDC_USERINFO_URI'] as const;
let saved: Record<string, string | undefined>;
beforeEach(() => { saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]])); });
afterEach(() => {
  for (const k of KEYS) if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
  resetConfig();
});

const problemsWith = (env: Partial<Record<(typeof KEYS)[number], string>>): string[] => {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, env);
  resetConfig();
  return productionProblems(config());
};

it('asks for nothing outside production', () => {
  expect(problemsWith({ NODE_ENV: 'development' })).toEqual([]);
});

it('in production, names the missing Neo4j password and identity provider', () => {
  const p = problemsWith({ NODE_ENV: 'production' });
  expect(p).toHaveLength(2);
  expect(p[0]).toMatch(/NEO4J_PASSWORD/);
  expect(p[1]).toMatch(/OIDC_ISSUER/);
  expect(problemsWith({ NODE_ENV: 'production', NEO4J_PASSWORD: 'short', OIDC_ISSUER: 'https://id.example', OIDC_JWKS_URI: 'https://id.example/jwks' }))
    .toEqual(['NEO4J_PASSWORD must be at least 8 characters']);
});

it('in production, accepts a password from the environment and an identity provider', () => {
  expect(problemsWith({ NODE_ENV: 'production', NEO4J_PASSWORD: 'a-long-secret', OIDC_ISSUER: 'https://id.example', OIDC_JWKS_URI: 'https://id.example/jwks' })).toEqual([]);
});

it.each([
  ['the demo issuer named as the provider', { OIDC_ISSUER: 'urn:safeguarding-graph:local-issuer', OIDC_JWKS_URI: 'https://id.example/jwks' }, /OIDC_ISSUER names the demo token issuer/],
  ["the demo issuer's keys", { OIDC_ISSUER: 'https://id.example', OIDC_JWKS_URI: 'http://127.0.0.1:4000/auth/jwks.json' }, /points at the demo token issuer's keys/],
  ['keys over plain http from another host', { OIDC_ISSUER: 'https://id.example', OIDC_JWKS_URI: 'http://id.example/jwks' }, /OIDC_JWKS_URI must be an https URL/],
  ['userinfo over plain http from another host', { OIDC_ISSUER: 'https://id.example', OIDC_JWKS_URI: 'https://id.example/jwks', OIDC_USERINFO_URI: 'http://id.example/userinfo' }, /OIDC_USERINFO_URI must be an https URL/],
])('in production, refuses %s', (_n, env, why) => {
  const p = problemsWith({ NODE_ENV: 'production', NEO4J_PASSWORD: 'a-long-secret', ...env });
  expect(p).toEqual([expect.stringMatching(why)]);
});

it('buildApp() refuses to build in production with the demo issuer, and the issuer issues nothing', async () => {
  problemsWith({ NODE_ENV: 'production', NEO4J_PASSWORD: 'a-long-secret' });
  await expect(buildApp({ modules: [] })).rejects.toThrow(/^Refusing to start in production mode: set OIDC_ISSUER and OIDC_JWKS_URI .*demo token issuer/);
  expect(usingLocalIssuer()).toBe(false);
  await expect(issueDemoToken('adm.admin')).rejects.toThrow(/NODE_ENV is production/);
});
