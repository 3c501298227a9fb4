/**
 * Bearer token → User. Verified against the configured OIDC issuer's JWKS, or the local issuer's
 * key in the embedded default. Claims used: sub, name, role (or roles[0]), agency.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { config } from '../platform/config';
import { AppError } from '../platform/errors';
import type { User } from '../platform/context';
import { AGENCY, ROLE, type AgencyCode, type Role } from '../model/enums';
import { LOCAL_ISSUER, localKeys, usingLocalIssuer } from './issuer';

let remote: ReturnType<typeof createRemoteJWKSet> | undefined;

async function verifyJwt(token: string): Promise<JWTPayload> {
  const c = config();
  const opts = { audience: c.OIDC_AUDIENCE, algorithms: ['ES256', 'RS256', 'PS256', 'EdDSA'] };
  if (usingLocalIssuer()) {
    const { publicKey } = await localKeys();
    return (await jwtVerify(token, publicKey, { ...opts, issuer: LOCAL_ISSUER })).payload;
  }
  if (!c.OIDC_JWKS_URI) throw new Error('OIDC_ISSUER is set without OIDC_JWKS_URI');
  remote ??= createRemoteJWKSet(new URL(c.OIDC_JWKS_URI));
  return (await jwtVerify(token, remote, { ...opts, issuer: c.OIDC_ISSUER })).payload;
}

const unauthenticated = (why: string): AppError => new AppError('UNAUTHENTICATED', why);

export function userFromClaims(p: JWTPayload): User {
  const roleClaim = typeof p.role === 'string' ? p.role : Array.isArray(p.roles) ? p.roles[0] : undefined;
  if (!p.sub) throw unauthenticated('The token has no subject');
  if (!ROLE.includes(roleClaim as Role)) throw unauthenticated('The token carries no known role');
  const agency = typeof p.agency === 'string' && p.agency in AGENCY ? (p.agency as AgencyCode) : undefined;
  if (roleClaim === 'partner' && !agency) throw unauthenticated('A partner token must name its agency');
  return { id: p.sub, name: typeof p.name === 'string' ? p.name : p.sub, role: roleClaim as Role, ...(agency ? { agency } : {}) };
}

/**
 * Verified tokens, kept until they expire (at most CACHE_MAX): a signature check per request is
 * the most expensive step of sign-in. Only successful verifications are cached.
 */
const CACHE_MAX = 1000;
const verified = new Map<string, { user: User; exp: number }>();

/** Reads `Authorization: Bearer …`; throws UNAUTHENTICATED (HTTP 401) when absent or invalid. */
export async function authenticate(authorization: string | null | undefined): Promise<User> {
  const m = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(authorization ?? '');
  if (!m) throw unauthenticated('Sign in first: send Authorization: Bearer <token>');
  const hit = verified.get(m[1]);
  if (hit && hit.exp > Date.now()) return hit.user;
  let payload: JWTPayload;
  try {
    payload = await verifyJwt(m[1]);
  } catch {
    throw unauthenticated('The token is invalid or has expired');
  }
  const user = userFromClaims(payload);
  if (payload.exp) {
    if (verified.size >= CACHE_MAX) verified.delete(verified.keys().next().value as string);
    verified.set(m[1], { user, exp: payload.exp * 1000 });
  }
  return user;
}
