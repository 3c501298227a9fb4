/**
 * What production mode (NODE_ENV=production) requires before the API starts: a Neo4j password
 * given in the environment (never the driver's default), and a real identity provider rather than
 * the local issuer, whose demo users share one printed password and can be any role.
 */
import type { Config } from '../platform/config';
import { LOCAL_ISSUER } from '../auth/issuer';

export const DEFAULT_NEO4J_PASSWORD = 'neo4j';

const isLoopback = (host: string): boolean => ['localhost', '127.0.0.1', '[::1]'].includes(host);

/** Why the URL would not do for fetching signing keys or roles: https, or http on this host only. */
function insecureUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return undefined;
  return 'must be an https URL (http only on this host)';
}

/** Sign-in problems: checked by buildApp() too, so no app serves demo sign-in in production. */
export function signInProblems(c: Config): string[] {
  if (c.NODE_ENV !== 'production') return [];
  if (!c.OIDC_ISSUER || !c.OIDC_JWKS_URI) {
    return ['set OIDC_ISSUER and OIDC_JWKS_URI to the identity provider (the demo token issuer, whose users share the password "demo", is for the embedded default only)'];
  }
  const problems: string[] = [];
  if (c.OIDC_ISSUER === LOCAL_ISSUER) problems.push('OIDC_ISSUER names the demo token issuer: set it to the identity provider');
  const jwks = insecureUrl(c.OIDC_JWKS_URI);
  if (jwks) problems.push(`OIDC_JWKS_URI ${jwks}`);
  if (/\/auth\/jwks\.json$/.test(c.OIDC_JWKS_URI)) problems.push("OIDC_JWKS_URI points at the demo token issuer's keys: set it to the identity provider's");
  const userinfo = c.OIDC_USERINFO_URI ? insecureUrl(c.OIDC_USERINFO_URI) : undefined;
  if (userinfo) problems.push(`OIDC_USERINFO_URI ${userinfo}`);
  return problems;
}

export function productionProblems(c: Config): string[] {
  if (c.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  if (c.NEO4J_PASSWORD === DEFAULT_NEO4J_PASSWORD) problems.push('set NEO4J_PASSWORD in the environment (the Neo4j password; authentication must be on)');
  else if (c.NEO4J_PASSWORD.length < 8) problems.push('NEO4J_PASSWORD must be at least 8 characters');
  return [...problems, ...signInProblems(c)];
}

export const refusal = (problems: readonly string[]): string => `Refusing to start in production mode: ${problems.join('; ')}`;
