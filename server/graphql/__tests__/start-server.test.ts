/** startServer(): listens, and prints the demo users and how to get a token. */
import { startServer } from '../../main';
import { resetConfig } from '../../platform/config';
import { closeDriver } from '../../../tests/support/db';

it('prints the demo users and how to sign in, and serves /health', async () => {
  process.env.PORT = '0';
  resetConfig();
  const out: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { out.push(a.join(' ')); });
  const server = await startServer({ modules: [] });
  spy.mockRestore();
  try {
    const text = out.join('\n');
    for (const u of ['ana.analyst', 'pat.police', 'lee.lead', 'pam.partner', 'aud.auditor', 'adm.admin']) expect(text).toContain(u);
    expect(text).toContain('npm run token -- ana.analyst');
    const health = await fetch(`${server.url}/health`);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
  } finally {
    await server.close();
    delete process.env.PORT;
    resetConfig();
    await closeDriver();
  }
});
