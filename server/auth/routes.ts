/** POST /auth/token {username, password} for the embedded default's demo users; its JWKS. */
import express from 'express';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { issueDemoToken, localKeys, usingLocalIssuer } from './issuer';
import type { TokenError, TokenResponse } from './token-response';

export function authRouter(): express.Router {
  const r = express.Router();
  r.use(express.json({ limit: '2kb' }));
  r.post('/token', async (req, res) => {
    if (!usingLocalIssuer()) {
      res.status(404).json({ error: 'Sign in with the configured identity provider' } satisfies TokenError);
      return;
    }
    const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
    if (typeof username !== 'string' || typeof password !== 'string' || !DEMO_USERS[username] || password !== DEMO_PASSWORD) {
      res.status(401).json({ error: 'Unknown user or wrong password' } satisfies TokenError);
      return;
    }
    const u = DEMO_USERS[username];
    res.json({ token: await issueDemoToken(username), tokenType: 'Bearer', user: { id: u.id, name: u.name, role: u.role, agency: u.agency ?? null } } satisfies TokenResponse);
  });
  r.get('/jwks.json', async (_req, res) => {
    if (!usingLocalIssuer()) {
      res.status(404).end();
      return;
    }
    res.json({ keys: [(await localKeys()).publicJwk] });
  });
  return r;
}
