/**
 * Keeps the embedded Neo4j running as a service manager would: when it dies, it is started again
 * after a back-off (1 s, doubling to 30 s; back to 1 s once it has run for a minute), each step
 * logged. A backup that stops Neo4j on purpose leaves a pause file (instance.ts): the supervisor
 * waits until it is gone (or its owner has died) and then restarts at once.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isAlive, pauseFile } from './instance';

export interface SupervisorOptions {
  first: ChildProcess;
  dataDir: string;
  /** Starts Neo4j again and resolves once it is ready. */
  restart: () => Promise<ChildProcess>;
  log: (line: string) => void;
  minDelayMs?: number;
  maxDelayMs?: number;
}

export interface Supervisor {
  stop(stopChild: (child: ChildProcess) => Promise<void>): Promise<void>;
}

const STEADY_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pid of the process holding Neo4j stopped, if one still does. */
function pausedBy(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pauseFile(dataDir), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function superviseEmbedded(o: SupervisorOptions): Supervisor {
  const minDelay = o.minDelayMs ?? 1000;
  const maxDelay = o.maxDelayMs ?? 30_000;
  const logFile = path.join(o.dataDir, 'launcher.log');
  const note = (line: string) => {
    o.log(line);
    fs.appendFileSync(logFile, `${new Date().toISOString()} supervisor: ${line}\n`);
  };
  let current = o.first;
  let stopping = false;
  let delay = minDelay;
  let startedAt = Date.now();
  let restarting: Promise<void> | undefined;

  const watch = (child: ChildProcess) => child.once('exit', (code, signal) => {
    if (stopping) return;
    restarting = restartAfterExit(code, signal);
  });

  async function waitWhilePaused(): Promise<boolean> {
    let owner = pausedBy(o.dataDir);
    if (owner === undefined) return false;
    note(`Neo4j stopped for a backup (pid ${owner}); restarting when it is done`);
    while (!stopping && (owner = pausedBy(o.dataDir)) !== undefined) await sleep(200);
    fs.rmSync(pauseFile(o.dataDir), { force: true });
    return true;
  }

  async function restartAfterExit(code: number | null, signal: string | null): Promise<void> {
    let paused = await waitWhilePaused();
    if (Date.now() - startedAt > STEADY_MS) delay = minDelay;
    while (!stopping) {
      const wait = paused ? 0 : delay;
      if (!paused) note(`Neo4j exited (${signal ?? `code ${code}`}); restarting in ${wait / 1000} s`);
      await sleep(wait);
      if (stopping) return;
      try {
        current = await o.restart();
        startedAt = Date.now();
        note(`Neo4j restarted (pid ${current.pid})`);
        if (!paused) delay = Math.min(delay * 2, maxDelay);
        if (stopping) return; // stop() was called while it started: it stops this one too
        watch(current);
        return;
      } catch (e) {
        note(`Neo4j did not restart: ${(e as Error).message}`);
        delay = Math.min(delay * 2, maxDelay);
        paused = false;
        code = null;
        signal = 'failed restart';
      }
    }
  }

  watch(current);
  return {
    async stop(stopChild) {
      stopping = true;
      await restarting?.catch(() => undefined);
      await stopChild(current);
    },
  };
}
