/**
 * What production mode (NODE_ENV=production) requires before the API starts: a Neo4j password
 * given in the environment (never the driver's default), and a real identity provider rather than
 * the local issuer, whose demo users' password is printed at start-up.
 */
import type { Config } from '../platform/config';

export const DEFAULT_NEO4J_PASSWORD = 'neo4j';

export function productionProblems(c: Config): string[] {
  if (c.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  if (c.NEO4J_PASSWORD === DEFAULT_NEO4J_PASSWORD) problems.push('set NEO4J_PASSWORD in the environment (the Neo4j password; authentication must be on)');
  else if (c.NEO4J_PASSWORD.length < 8) problems.push('NEO4J_PASSWORD must be at least 8 characters');
  if (!c.OIDC_ISSUER || !c.OIDC_JWKS_URI) problems.push('set OIDC_ISSUER and OIDC_JWKS_URI (the demo sign-in is for the embedded default only)');
  return problems;
}
