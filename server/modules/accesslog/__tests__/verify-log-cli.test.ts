/** `npm run verify-log` (scripts/verify-log.ts): exit 0 on an intact chain, 1 after tampering. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { removeNewestEntries } from '../../../../tests/support/tamper';
import { appendAccessLog, systemActor } from '../access-log';
import { startCheckpoints } from '../access-log-checkpoints';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const verifyCli = (...args: string[]) => spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/verify-log.ts', ...args], { cwd: ROOT, env: process.env, encoding: 'utf8' });
const append = async (n: number) => {
  for (let i = 0; i < n; i++) await appendAccessLog(systemActor('test', driver()), { operation: 'collection', justification: `TEST-${i}`, ids: [`x${i}`] });
};

beforeEach(async () => { await freshGraph(); });
afterAll(async () => { await closeDriver(); });

it('proves an intact chain, and names the entry where a tampered chain breaks', async () => {
  await append(5);
  const ok = verifyCli();
  expect(ok.status).toBe(0);
  expect(ok.stdout).toMatch(/intact: 5 entries, hash chain verified; no checkpoint of this database in .+ yet/);
  await driver().executeQuery("MATCH (e:AccessLogEntry {seq: 3}) SET e.ids = ['someone-else']");
  const bad = verifyCli();
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(/BROKEN at entry 3/);
});

it('checks the chain against a checkpoint file, and says where a damaged one is damaged', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-checkpoints-'));
  const file = path.join(dir, 'checkpoints.jsonl');
  try {
    await append(5);
    const c = startCheckpoints({ driver: driver(), database: 'neo4j', file, everyMs: 3_600_000 });
    await c.tick();
    await c.stop();
    const ok = verifyCli('--checkpoints', file);
    expect([ok.status, ok.stdout]).toEqual([0, expect.stringMatching(/intact: 5 entries.*1 checkpoint\(s\) from .+ found in it, the newest at entry 5/)]);

    await removeNewestEntries(3);
    expect(verifyCli().status).toBe(0); // the run's default file holds no checkpoint: the chain alone looks intact
    const bad = verifyCli('--checkpoints', file);
    expect([bad.status, bad.stderr]).toEqual([1, expect.stringMatching(/BROKEN at entry 4: entry 5 was checkpointed outside the database .* entries were removed/)]);

    fs.appendFileSync(file, '{"db": "x", "seq": "five"}\n');
    const damaged = verifyCli('--checkpoints', file);
    expect([damaged.status, damaged.stderr]).toEqual([2, expect.stringContaining(`${file}, line 2: seq`)]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
