/** `npm run verify-log` (scripts/verify-log.ts): exit 0 on an intact chain, 1 after tampering. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { freshGraph, closeDriver, driver } from '../../../tests/support/db';
import { appendAccessLog, systemActor } from '../access-log';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const verifyCli = () => spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/verify-log.ts'], { cwd: ROOT, env: process.env, encoding: 'utf8' });

beforeAll(async () => {
  await freshGraph();
  for (let i = 0; i < 5; i++) await appendAccessLog(systemActor('test', driver()), { operation: 'collection', justification: `TEST-${i}`, ids: [`x${i}`] });
});
afterAll(async () => { await closeDriver(); });

it('proves an intact chain, and names the entry where a tampered chain breaks', async () => {
  const ok = verifyCli();
  expect(ok.status).toBe(0);
  expect(ok.stdout).toMatch(/intact: 5 entries/);
  await driver().executeQuery("MATCH (e:AccessLogEntry {seq: 3}) SET e.ids = ['someone-else']");
  const bad = verifyCli();
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(/BROKEN at entry 3/);
});
