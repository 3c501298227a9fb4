/**
 * The launcher's supervision with real processes standing in for Neo4j (`sleep`): restarted after
 * a logged back-off when killed, held while a backup's pause file names a live process, and not
 * restarted once stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { superviseEmbedded } from '../supervise';
import { pauseFile } from '../instance';

const sleeper = (): ChildProcess => spawn('sleep', ['300'], { stdio: ['pipe', 'ignore', 'ignore'] });
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stopChild = async (c: ChildProcess) => { c.kill('SIGKILL'); };

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'supervise-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function until(test: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await wait(20);
  }
}

it('restarts a killed process after the back-off, doubling it when it dies again, and logs each step', async () => {
  const started: ChildProcess[] = [];
  const lines: string[] = [];
  const first = sleeper();
  const sup = superviseEmbedded({
    first, dataDir: dir, log: (l) => lines.push(l), minDelayMs: 100, maxDelayMs: 1000,
    restart: async () => { const c = sleeper(); started.push(c); return c; },
  });
  first.kill('SIGKILL');
  await until(() => started.length === 1);
  started[0].kill('SIGKILL');
  await until(() => started.length === 2);
  await sup.stop(stopChild);
  expect(lines).toEqual([
    'Neo4j exited (SIGKILL); restarting in 0.1 s', `Neo4j restarted (pid ${started[0].pid})`,
    'Neo4j exited (SIGKILL); restarting in 0.2 s', `Neo4j restarted (pid ${started[1].pid})`,
  ]);
  expect(fs.readFileSync(path.join(dir, 'launcher.log'), 'utf8')).toMatch(/supervisor: Neo4j exited \(SIGKILL\); restarting in 0\.1 s/);
  await until(() => started[1].signalCode === 'SIGKILL');
});

it('waits while a live process holds the pause file, then restarts at once', async () => {
  const started: ChildProcess[] = [];
  const lines: string[] = [];
  const first = sleeper();
  const sup = superviseEmbedded({
    first, dataDir: dir, log: (l) => lines.push(l), minDelayMs: 100,
    restart: async () => { const c = sleeper(); started.push(c); return c; },
  });
  fs.writeFileSync(pauseFile(dir), String(process.pid));
  first.kill('SIGTERM');
  await wait(800);
  expect(started).toHaveLength(0);
  fs.rmSync(pauseFile(dir));
  await until(() => started.length === 1);
  await sup.stop(stopChild);
  expect(lines[0]).toMatch(/^Neo4j stopped for a backup \(pid \d+\); restarting when it is done$/);
  expect(lines).not.toContainEqual(expect.stringMatching(/restarting in/));
});

it('does not restart after stop()', async () => {
  let restarts = 0;
  const first = sleeper();
  const sup = superviseEmbedded({ first, dataDir: dir, log: () => undefined, minDelayMs: 50, restart: async () => { restarts++; return sleeper(); } });
  await sup.stop(stopChild);
  await wait(300);
  expect(restarts).toBe(0);
  expect(first.signalCode).toBe('SIGKILL');
});
