/**
 * Backup and restore of the embedded default: the Neo4j store (data/) and the access log's
 * checkpoint file, together, in one .tar.gz with a manifest.
 *
 * A consistent copy needs the store closed. If the data folder's Neo4j is running (instance.ts),
 * the backup leaves a pause file, stops Neo4j (SIGTERM: a clean shutdown), copies the store and
 * the checkpoint file, and removes the pause file; the launcher then starts Neo4j again at once.
 * The archive is compressed after Neo4j is back. Restore needs the product stopped.
 * A Neo4j server of your own is backed up with its own tools (docs/operations.md).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findInstance, isAlive, pauseFile, waitUntilServing } from './instance';

export const MANIFEST = 'manifest.json';
export const CHECKPOINTS_ENTRY = 'access-log-checkpoints.jsonl';

export interface BackupResult { file: string; bytes: number; stoppedMs: number; wasRunning: boolean }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > until) return false;
    await sleep(100);
  }
  return true;
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.slice(0, 2).join(' ')} failed: ${(r.stderr || r.stdout || '').trim()}`);
}

/** Copies the store and the checkpoint file into `staging` while the store is closed. */
function copyClosedStore(dataDir: string, checkpointsFile: string, staging: string): void {
  const store = path.join(dataDir, 'data');
  if (!fs.existsSync(store)) throw new Error(`No Neo4j store in ${dataDir} (expected ${store})`);
  run('cp', ['-a', '--reflink=auto', store, path.join(staging, 'data')]);
  const hasCheckpoints = fs.existsSync(checkpointsFile);
  if (hasCheckpoints) fs.copyFileSync(checkpointsFile, path.join(staging, CHECKPOINTS_ENTRY));
  fs.writeFileSync(path.join(staging, MANIFEST), JSON.stringify({
    kind: 'safeguarding-graph embedded backup', createdAt: new Date().toISOString(),
    store: 'data', checkpoints: hasCheckpoints ? CHECKPOINTS_ENTRY : null,
  }, null, 2));
}

export async function backupEmbedded(o: { dataDir: string; checkpointsFile: string; out: string; log?: (l: string) => void }): Promise<BackupResult> {
  const log = o.log ?? console.log;
  const staging = fs.mkdtempSync(path.join(path.dirname(path.resolve(o.out)), '.backup-'));
  let stoppedMs = 0;
  const found = await findInstance(o.dataDir);
  try {
    if (found) {
      const pause = pauseFile(o.dataDir);
      fs.writeFileSync(pause, String(process.pid));
      const started = Date.now();
      try {
        log(`Stopping Neo4j (pid ${found.record.neo4jPid}) for a consistent copy…`);
        process.kill(found.record.neo4jPid, 'SIGTERM');
        if (!(await waitForExit(found.record.neo4jPid, 90_000))) throw new Error(`Neo4j (pid ${found.record.neo4jPid}) did not stop within 90 s; no backup was made`);
        copyClosedStore(o.dataDir, o.checkpointsFile, staging);
      } finally {
        fs.rmSync(pause, { force: true });
      }
      const back = await waitUntilServing(o.dataDir, 240_000);
      stoppedMs = Date.now() - started;
      log(back ? `Neo4j is serving again after ${(stoppedMs / 1000).toFixed(1)} s` : 'Neo4j has not come back yet: see the launcher\'s output');
    } else {
      copyClosedStore(o.dataDir, o.checkpointsFile, staging);
    }
    const tmp = `${o.out}.partial`;
    run('tar', ['-czf', tmp, '-C', staging, '.']);
    fs.renameSync(tmp, o.out);
    return { file: o.out, bytes: fs.statSync(o.out).size, stoppedMs, wasRunning: Boolean(found) };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Replaces the store and the checkpoint file with a backup's. The ones replaced are kept beside
 * them with a `.before-restore-<time>` suffix. Refuses while the data folder's Neo4j runs.
 */
export async function restoreEmbedded(o: { dataDir: string; checkpointsFile: string; archive: string }): Promise<{ kept: string[] }> {
  if (!fs.existsSync(o.archive)) throw new Error(`No backup file at ${o.archive}`);
  const found = await findInstance(o.dataDir);
  if (found) throw new Error(`Neo4j is running on this data folder (launcher pid ${found.record.launcherPid}): stop npm start / npm run neo4j first, then restore.`);
  fs.mkdirSync(o.dataDir, { recursive: true });
  const unpacked = fs.mkdtempSync(path.join(o.dataDir, '.restore-'));
  try {
    run('tar', ['-xzf', o.archive, '-C', unpacked]);
    const manifestFile = path.join(unpacked, MANIFEST);
    if (!fs.existsSync(manifestFile) || !fs.existsSync(path.join(unpacked, 'data'))) {
      throw new Error(`${o.archive} is not a backup made by npm run backup (no ${MANIFEST} or data/ in it)`);
    }
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { checkpoints: string | null };
    const suffix = `.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const kept: string[] = [];
    const store = path.join(o.dataDir, 'data');
    if (fs.existsSync(store)) { fs.renameSync(store, store + suffix); kept.push(store + suffix); }
    fs.renameSync(path.join(unpacked, 'data'), store);
    if (fs.existsSync(o.checkpointsFile)) { fs.renameSync(o.checkpointsFile, o.checkpointsFile + suffix); kept.push(o.checkpointsFile + suffix); }
    if (manifest.checkpoints) {
      fs.mkdirSync(path.dirname(o.checkpointsFile), { recursive: true });
      fs.copyFileSync(path.join(unpacked, manifest.checkpoints), o.checkpointsFile);
    }
    return { kept };
  } finally {
    fs.rmSync(unpacked, { recursive: true, force: true });
  }
}

