/**
 * A configured OIDC issuer: tokens verified against its JWKS (served over HTTP here), issuer and
 * audience checked, role and agency read from the claims; demo tokens refused. Token lifetime:
 * exp and iat required, at most 12 hours apart (5 minutes without a userinfo endpoint), iat not in
 * the future; exactly one known role. With a userinfo endpoint a role changed at the provider
 * applies within 5 minutes.
 */
import { resetConfig } from '../../platform/config';
import { startFakeIdp, type FakeIdp } from '../../../tests/support/fake-idp';
import { authenticate, checkLifetime, forgetSignIns, ROLE_FRESH_S } from '../verify';

let idp: FakeIdp;
const KEYS = ['OIDC_ISSUER', 'OIDC_JWKS_URI', 'OIDC_AUDIENCE', 'OIDC_USERINFO_URI'];
const configure = (o: { userinfo?: boolean } = {}) => {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, idp.env(o));
  resetConfig();
  forgetSignIns();
};
const signIn = async (token: string) => authenticate(`Bearer ${token}`);
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => { idp = await startFakeIdp(); });
afterAll(async () => {
  for (const k of KEYS) delete process.env[k];
  resetConfig();
  forgetSignIns();
  await idp.close();
});

describe('without a userinfo endpoint', () => {
  beforeAll(() => configure());

  it('accepts a token from the configured issuer and reads role and agency', async () => {
    const user = await signIn(await idp.sign({ sub: 'jo.smith', name: 'Jo Smith', role: 'partner', agency: 'HEALTH' }));
    expect(user).toEqual({ id: 'jo.smith', name: 'Jo Smith', role: 'partner', agency: 'HEALTH' });
  });

  it('takes the one known role among other roles the provider lists', async () => {
    const user = await signIn(await idp.sign({ sub: 'kc.user', roles: ['offline_access', 'uma_authorization', 'analyst'] }));
    expect(user.role).toBe('analyst');
  });

  it.each([
    ['another issuer', () => idp.sign({ role: 'analyst' }, { iss: 'https://evil.example.test' }), /invalid|not accepted/],
    ['another audience', () => idp.sign({ role: 'analyst' }, { aud: 'other-app' }), /not accepted|invalid/],
    ['no known role', () => idp.sign({ role: 'superuser' }), /no known role/],
    ['two known roles', () => idp.sign({ role: 'analyst', roles: ['admin'] }), /several roles \(analyst, admin\)/],
    ['a partner without agency', () => idp.sign({ role: 'partner' }), /must name its agency/],
    ['no exp', () => idp.sign({ role: 'analyst' }, { exp: null }), /no "exp" claim/],
    ['no iat', () => idp.sign({ role: 'analyst' }, { iat: null, exp: now() + 60 }), /no "iat" claim/],
    ['a 100-year exp', () => idp.sign({ role: 'analyst' }, { lifetimeSeconds: 100 * 365 * 86400 }), /lives \d+ minutes/],
    ['an iat an hour in the future', () => idp.sign({ role: 'analyst' }, { iat: now() + 3600, exp: now() + 3700 }), /issued in the future/],
    ['a 10-minute token (no userinfo to re-read the role)', () => idp.sign({ role: 'analyst' }, { lifetimeSeconds: 600 }), /at most 5 minutes so that a role changed at the identity provider applies within 5 minutes/],
  ])('refuses %s', async (_n, make, why) => {
    await expect(signIn(await make())).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(why) });
  });

  it('allows a little clock skew', async () => {
    await expect(signIn(await idp.sign({ sub: 'skew', role: 'analyst' }, { iat: now() + 30, exp: now() + 300 }))).resolves.toMatchObject({ role: 'analyst' });
  });

  it('refuses demo tokens and does not issue them', async () => {
    const { issueDemoToken } = await import('../issuer');
    await expect(issueDemoToken('ana.analyst')).rejects.toThrow(/embedded issuer/);
  });
});

describe('with a userinfo endpoint', () => {
  beforeAll(() => configure({ userinfo: true }));

  it('accepts tokens up to 12 hours, not longer', async () => {
    idp.userinfo.set('long', { role: 'analyst' });
    await expect(signIn(await idp.sign({ sub: 'long', role: 'analyst' }, { lifetimeSeconds: 12 * 3600 }))).resolves.toMatchObject({ role: 'analyst' });
    await expect(signIn(await idp.sign({ sub: 'long', role: 'analyst' }, { lifetimeSeconds: 12 * 3600 + 60 })))
      .rejects.toMatchObject({ message: expect.stringMatching(/tokens may live at most 12 hours/) });
  });

  it('a role changed at the provider applies within 5 minutes, not before the token expires', async () => {
    idp.userinfo.set('mo.moved', { role: 'analyst', name: 'Mo Moved' });
    // The token still says analyst for 8 hours; the provider is what changes.
    const token = await idp.sign({ sub: 'mo.moved', role: 'analyst' }, { lifetimeSeconds: 8 * 3600 });
    expect(await signIn(token)).toEqual({ id: 'mo.moved', name: 'Mo Moved', role: 'analyst' });
    idp.userinfo.set('mo.moved', { role: 'partner', agency: 'EDUCATION', name: 'Mo Moved' });
    const realNow = Date.now();
    const clock = jest.spyOn(Date, 'now');
    try {
      clock.mockReturnValue(realNow + (ROLE_FRESH_S - 10) * 1000);
      expect((await signIn(token)).role).toBe('analyst'); // kept, within the 5 minutes
      clock.mockReturnValue(realNow + (ROLE_FRESH_S + 1) * 1000);
      expect(await signIn(token)).toEqual({ id: 'mo.moved', name: 'Mo Moved', role: 'partner', agency: 'EDUCATION' });
      idp.userinfo.delete('mo.moved'); // removed at the provider
      clock.mockReturnValue(realNow + (2 * ROLE_FRESH_S + 2) * 1000);
      await expect(signIn(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/did not confirm the sign-in/) });
    } finally {
      clock.mockRestore();
    }
  });

  it("takes the provider's role, not the token's, and refuses when it names none", async () => {
    idp.userinfo.set('ro.le', { role: 'lead' });
    expect((await signIn(await idp.sign({ sub: 'ro.le', role: 'admin' }))).role).toBe('lead');
    idp.userinfo.set('no.role', { name: 'No Role' });
    await expect(signIn(await idp.sign({ sub: 'no.role', role: 'analyst' }))).rejects.toMatchObject({ message: 'The token carries no known role' });
  });
});

it('checkLifetime: exp at most the limit after iat, iat at most a minute ahead', () => {
  expect(() => checkLifetime({ iat: 1000, exp: 1000 + 300 }, 300, 1000)).not.toThrow();
  expect(() => checkLifetime({ iat: 1000, exp: 1000 + 301 }, 300, 1000)).toThrow(/lives 5 minutes/);
  expect(() => checkLifetime({ iat: 1061, exp: 1100 }, 300, 1000)).toThrow(/future/);
  expect(() => checkLifetime({ iat: 1000 }, 300, 1000)).toThrow(/needs iat and exp/);
});
