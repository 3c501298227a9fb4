/** Production mode refuses to start without a Neo4j password from the environment or a real identity provider. */
import { config, resetConfig } from '../../platform/config';
import { productionProblems } from '../production';

const KEYS = ['NODE_ENV', 'NEO4J_PASSWORD', 'OIDC_ISSUER', 'OIDC_JWKS_URI'] as const;
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
