/**
 * Bearer token → User. Verified against the configured OIDC issuer's JWKS, or the local issuer's
 * key in the embedded default. Claims used: sub, name, role (or roles), agency.
 *
 * Every token must carry `sub`, `iat` and `exp`, with `exp` at most 12 hours after `iat` and `iat`
 * not in the future (CLOCK_SKEW_S allowed), and name exactly one known role.
 *
 * A role changed at the identity provider applies within ROLE_FRESH_S (5 minutes): with
 * OIDC_USERINFO_URI set, role, agency and name are read from the provider's userinfo endpoint and
 * kept at most 5 minutes; without it, a configured provider's tokens may live at most 5 minutes,
 * so the next token carries the new role. The local demo issuer (embedded default only) reads its
 * users from code, so its 8-hour tokens are not affected.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { config } from '../platform/config';
import { AppError } from '../platform/errors';
import type { User } from '../platform/context';
import { AGENCY, ROLE, type AgencyCode, type Role } from '../model/enums';
import { LOCAL_ISSUER, localKeys, usingLocalIssuer } from './issuer';

export const MAX_TOKEN_LIFETIME_S = 12 * 3600;
export const ROLE_FRESH_S = 5 * 60;
export const CLOCK_SKEW_S = 60;

let remote: ReturnType<typeof createRemoteJWKSet> | undefined;
let remoteFor: string | undefined;

const unauthenticated = (why: string): AppError => new AppError('UNAUTHENTICATED', why);

async function verifyJwt(token: string): Promise<JWTPayload> {
  const c = config();
  const opts = { audience: c.OIDC_AUDIENCE, algorithms: ['ES256', 'RS256', 'PS256', 'EdDSA'], requiredClaims: ['sub', 'iat', 'exp'], clockTolerance: CLOCK_SKEW_S };
  if (usingLocalIssuer()) {
    const { publicKey } = await localKeys();
    return (await jwtVerify(token, publicKey, { ...opts, issuer: LOCAL_ISSUER })).payload;
  }
  if (!c.OIDC_ISSUER || !c.OIDC_JWKS_URI) throw unauthenticated('Sign-in is not configured: OIDC_ISSUER and OIDC_JWKS_URI are needed');
  if (remoteFor !== c.OIDC_JWKS_URI) {
    remote = createRemoteJWKSet(new URL(c.OIDC_JWKS_URI));
    remoteFor = c.OIDC_JWKS_URI;
  }
  return (await jwtVerify(token, remote!, { ...opts, issuer: c.OIDC_ISSUER })).payload;
}

/** Why the token's claims are refused, in words the caller can act on. */
function refusedClaim(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof joseErrors.JWTExpired) return unauthenticated('The token has expired: sign in again');
  if (e instanceof joseErrors.JWTClaimValidationFailed) {
    if (e.reason === 'missing') return unauthenticated(`The token has no "${e.claim}" claim: tokens need sub, iat and exp`);
    if (e.claim === 'iat') return unauthenticated('The token is issued in the future');
    return unauthenticated(`The token's "${e.claim}" claim is not accepted`);
  }
  return unauthenticated('The token is invalid or has expired');
}

/** The longest a token may live: 12 hours, or 5 minutes from a provider whose roles cannot be re-read. */
export function maxLifetimeSeconds(): number {
  return usingLocalIssuer() || config().OIDC_USERINFO_URI ? MAX_TOKEN_LIFETIME_S : ROLE_FRESH_S;
}

/** `exp` no more than the allowed lifetime after `iat`; `iat` not in the future. */
export function checkLifetime(p: JWTPayload, maxSeconds = maxLifetimeSeconds(), nowSeconds = Date.now() / 1000): void {
  if (typeof p.iat !== 'number' || typeof p.exp !== 'number') throw unauthenticated('The token needs iat and exp');
  if (p.iat > nowSeconds + CLOCK_SKEW_S) throw unauthenticated('The token is issued in the future');
  if (p.exp - p.iat > maxSeconds) {
    const why = maxSeconds === ROLE_FRESH_S
      ? 'without OIDC_USERINFO_URI, tokens may live at most 5 minutes so that a role changed at the identity provider applies within 5 minutes'
      : 'tokens may live at most 12 hours';
    throw unauthenticated(`The token lives ${Math.round((p.exp - p.iat) / 60)} minutes: ${why}`);
  }
}

export function userFromClaims(p: JWTPayload): User {
  if (!p.sub) throw unauthenticated('The token has no subject');
  const claimed = [typeof p.role === 'string' ? p.role : undefined, ...(Array.isArray(p.roles) ? p.roles : [])];
  const known = [...new Set(claimed.filter((r): r is Role => typeof r === 'string' && ROLE.includes(r as Role)))];
  if (known.length === 0) throw unauthenticated('The token carries no known role');
  if (known.length > 1) throw unauthenticated(`The token carries several roles (${known.join(', ')}): the identity provider must give each user one`);
  const roleClaim = known[0];
  const agency = typeof p.agency === 'string' && p.agency in AGENCY ? (p.agency as AgencyCode) : undefined;
  if (roleClaim === 'partner' && !agency) throw unauthenticated('A partner token must name its agency');
  return { id: p.sub, name: typeof p.name === 'string' ? p.name : p.sub, role: roleClaim, ...(agency ? { agency } : {}) };
}

/**
 * Role, agency and name as the identity provider holds them now (OIDC userinfo, asked with the
 * caller's own token), in place of the token's; the token as it is when no endpoint is configured.
 */
async function currentClaims(token: string, p: JWTPayload): Promise<JWTPayload> {
  const uri = config().OIDC_USERINFO_URI;
  if (!uri || usingLocalIssuer()) return p;
  let info: Record<string, unknown>;
  try {
    const res = await fetch(uri, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw unauthenticated(`The identity provider did not confirm the sign-in (userinfo answered ${res.status}): sign in again`);
    info = (await res.json()) as Record<string, unknown>;
  } catch (e) {
    throw e instanceof AppError ? e : unauthenticated('The identity provider could not be asked for your role: try again shortly');
  }
  if (info.sub !== p.sub) throw unauthenticated('The identity provider answered for another user');
  const { role: _role, roles: _roles, agency: _agency, name: _name, ...rest } = p;
  return { ...rest, role: info.role, roles: info.roles, agency: info.agency, name: info.name ?? p.name };
}

/**
 * Verified tokens and who they stand for, each kept until the token expires or ROLE_FRESH_S has
 * passed, whichever is first (at most CACHE_MAX): a signature check (and a userinfo request) per
 * request would be the most expensive step of sign-in. Only successful sign-ins are kept.
 */
const CACHE_MAX = 1000;
const verified = new Map<string, { user: User; until: number }>();

/** Reads `Authorization: Bearer …`; throws UNAUTHENTICATED (HTTP 401) when absent or invalid. */
export async function authenticate(authorization: string | null | undefined): Promise<User> {
  const m = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(authorization ?? '');
  if (!m) throw unauthenticated('Sign in first: send Authorization: Bearer <token>');
  const hit = verified.get(m[1]);
  if (hit && hit.until > Date.now()) return hit.user;
  if (hit) verified.delete(m[1]);
  let payload: JWTPayload;
  try {
    payload = await verifyJwt(m[1]);
    checkLifetime(payload);
  } catch (e) {
    throw refusedClaim(e);
  }
  const user = userFromClaims(await currentClaims(m[1], payload));
  if (verified.size >= CACHE_MAX) verified.delete(verified.keys().next().value as string);
  verified.set(m[1], { user, until: Math.min(payload.exp! * 1000, Date.now() + ROLE_FRESH_S * 1000) });
  return user;
}

/** Forget every kept sign-in (tests that change the configuration). */
export function forgetSignIns(): void {
  verified.clear();
}
