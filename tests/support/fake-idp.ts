/**
 * A stand-in identity provider for tests: an RS256 key, its JWKS and an OIDC userinfo endpoint
 * served over HTTP on 127.0.0.1, and a signer for tokens with any claims. `roles` is what the
 * userinfo endpoint says of each subject now (change it to change a role at the provider).
 *
 *   const idp = await startFakeIdp();
 *   Object.assign(process.env, idp.env({ userinfo: true })); resetConfig();
 *   const token = await idp.sign({ sub: 'jo', role: 'analyst' });
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, decodeJwt } from 'jose';

export const FAKE_ISSUER = 'https://idp.example.test/realms/borough';

export interface SignOptions { iss?: string; aud?: string; iat?: number | null; exp?: number | null; lifetimeSeconds?: number }

export interface FakeIdp {
  url: string;
  /** Userinfo answers by subject: role, agency, name. */
  userinfo: Map<string, Record<string, unknown>>;
  /** How many userinfo requests were answered. */
  userinfoCalls(): number;
  sign(claims: Record<string, unknown>, o?: SignOptions): Promise<string>;
  env(o?: { userinfo?: boolean }): Record<string, string>;
  close(): Promise<void>;
}

export async function startFakeIdp(): Promise<FakeIdp> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const userinfo = new Map<string, Record<string, unknown>>();
  let calls = 0;
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/userinfo') {
      calls++;
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const sub = token ? String(decodeJwt(token).sub) : undefined;
      const info = sub ? userinfo.get(sub) : undefined;
      if (!info) { res.statusCode = 401; res.end('{}'); return; }
      res.end(JSON.stringify({ sub, ...info }));
      return;
    }
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    userinfo,
    userinfoCalls: () => calls,
    async sign(claims, o = {}) {
      const now = Math.floor(Date.now() / 1000);
      const iat = o.iat === undefined ? now : o.iat;
      const exp = o.exp === undefined ? (iat ?? now) + (o.lifetimeSeconds ?? 300) : o.exp;
      const jwt = new SignJWT({ ...claims, ...(iat === null ? {} : { iat }), ...(exp === null ? {} : { exp }) })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(o.iss ?? FAKE_ISSUER).setAudience(o.aud ?? 'safeguarding-graph').setSubject(String(claims.sub ?? 'u1'));
      return jwt.sign(privateKey);
    },
    env: (o = {}) => ({
      OIDC_ISSUER: FAKE_ISSUER, OIDC_JWKS_URI: `${url}/jwks`, OIDC_AUDIENCE: 'safeguarding-graph',
      ...(o.userinfo ? { OIDC_USERINFO_URI: `${url}/userinfo` } : {}),
    }),
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
