/**
 * The running embedded Neo4j of a data folder, recorded in that folder (instance.json) by the
 * launcher that started it, so that commands run beside `npm start` connect to it instead of
 * starting a second Neo4j on a store whose lock is held.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface InstanceRecord {
  uri: string;
  boltPort: number;
  /** The JVM running Neo4j. */
  neo4jPid: number;
  /** The Node process that started it and restarts it. */
  launcherPid: number;
  dataDir: string;
  /** Whether Bolt asks for a password (then NEO4J_PASSWORD must be given to connect). */
  auth: boolean;
  startedAt: string;
}

export const instanceFile = (dataDir: string): string => path.join(dataDir, 'instance.json');

/** While this file exists (it holds the pid of a backup), the launcher waits before restarting Neo4j. */
export const pauseFile = (dataDir: string): string => path.join(dataDir, 'paused-by');

export function writeInstance(record: InstanceRecord): void {
  const file = instanceFile(record.dataDir);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(record, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

/** Removes the record if it is still the one this launcher wrote. */
export function removeInstance(dataDir: string, launcherPid: number): void {
  const record = readInstance(dataDir);
  if (record?.launcherPid === launcherPid) fs.rmSync(instanceFile(dataDir), { force: true });
}

export function readInstance(dataDir: string): InstanceRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(instanceFile(dataDir), 'utf8')) as InstanceRecord;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function canConnect(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * The instance of `dataDir` whose launcher is alive, if any. `serving` says whether its Bolt port
 * answers now (false while the launcher restarts Neo4j or a backup holds it stopped).
 */
export async function findInstance(dataDir: string): Promise<{ record: InstanceRecord; serving: boolean } | undefined> {
  const record = readInstance(dataDir);
  if (!record || !isAlive(record.launcherPid)) return undefined;
  return { record, serving: isAlive(record.neo4jPid) && (await canConnect(record.boltPort)) };
}

/** Waits until the instance's Bolt port answers, for at most `timeoutMs`. */
export async function waitUntilServing(dataDir: string, timeoutMs: number): Promise<InstanceRecord | undefined> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await findInstance(dataDir);
    if (!found) return undefined;
    if (found.serving) return found.record;
    if (Date.now() > until) return undefined;
    await new Promise((r) => setTimeout(r, 500));
  }
}
