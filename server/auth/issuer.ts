/**
 * The local OIDC-style issuer of the embedded default: ES256 key pair persisted under .data/auth,
 * tokens for the demo users. With OIDC_ISSUER + OIDC_JWKS_URI configured it is not used.
 */
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';
import { config } from '../platform/config';
import { persistentSecret } from '../platform/secrets';
import { DEMO_USERS } from './demo-users';

export const LOCAL_ISSUER = 'urn:safeguarding-graph:local-issuer';
const ALG = 'ES256';
const TOKEN_LIFETIME = '8h';

interface KeyPair { privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: JWK }
let keys: Promise<KeyPair> | undefined;

async function makeJwk(): Promise<string> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return JSON.stringify({ ...jwk, kid: `local-${Date.now().toString(36)}`, alg: ALG });
}

export function localKeys(): Promise<KeyPair> {
  keys ??= (async () => {
    // persistentSecret is synchronous; generate a candidate first, the file decides the winner.
    const candidate = await makeJwk();
    const jwk = JSON.parse(persistentSecret('issuer-es256.jwk.json', () => candidate)) as JWK;
    const { d: _d, ...pub } = jwk;
    const privateKey = (await importJWK(jwk, ALG)) as CryptoKey;
    const publicKey = (await importJWK(pub, ALG)) as CryptoKey;
    return { privateKey, publicKey, publicJwk: { ...pub, use: 'sig' } };
  })();
  return keys;
}

/** The demo issuer serves only the embedded default: never in production, never beside a configured provider. */
export const usingLocalIssuer = (): boolean => !config().OIDC_ISSUER && config().NODE_ENV !== 'production';

/** A bearer token for a demo user (tests, `npm run token`, POST /auth/token). */
export async function issueDemoToken(username: string, lifetime = TOKEN_LIFETIME): Promise<string> {
  if (!usingLocalIssuer()) throw new Error('Demo tokens exist only with the embedded issuer (OIDC_ISSUER is set, or NODE_ENV is production)');
  const u = DEMO_USERS[username];
  if (!u) throw new Error(`Unknown demo user "${username}"; one of: ${Object.keys(DEMO_USERS).join(', ')}`);
  const { privateKey, publicJwk } = await localKeys();
  return new SignJWT({ name: u.name, role: u.role, ...(u.agency ? { agency: u.agency } : {}) })
    .setProtectedHeader({ alg: ALG, kid: publicJwk.kid })
    .setIssuer(LOCAL_ISSUER)
    .setAudience(config().OIDC_AUDIENCE)
    .setSubject(u.id)
    .setIssuedAt()
    .setExpirationTime(lifetime)
    .sign(privateKey);
}
