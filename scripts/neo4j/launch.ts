/**
 * Finds a real Neo4j 5 to talk to, in this order:
 *   1. NEO4J_URI (+ NEO4J_USER / NEO4J_PASSWORD) if set: use that server;
 *   2. an embedded Neo4j already running on the same data folder (`npm start`, `npm run neo4j`):
 *      connect to it (instance.ts);
 *   3. Java present: the embedded DBMS from Maven Central with its Bolt connector (Launcher.java);
 *   4. a Docker engine present: testcontainers' Neo4j module;
 *   5. otherwise a clear message saying what to install.
 */
import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { findInstance, removeInstance, waitUntilServing, writeInstance } from './instance';
import { superviseEmbedded } from './supervise';

export interface RunningNeo4j {
  uri: string;
  user: string;
  password: string;
  how: 'external' | 'attached' | 'embedded' | 'testcontainers';
  stop(): Promise<void>;
}

export interface LaunchOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  pageCacheMb?: number;
  heap?: string;
  /** More JVM options (garbage collector settings, say), after the launcher's own. */
  jvmArgs?: string[];
  /** Delete the data folder first (tests). */
  fresh?: boolean;
  log?: (line: string) => void;
  /**
   * Restart Neo4j when it dies, with a back-off, as a service manager would (the embedded
   * default: `npm start`, `npm run neo4j`). Commands that only borrow Neo4j leave this off.
   */
  supervise?: boolean;
  /** Turns Bolt authentication on with this password for the user neo4j (default: NEO4J_PASSWORD if set). */
  password?: string;
}

const ROOT = path.resolve(__dirname, '..', '..');
const LAUNCHER_DIR = path.join(ROOT, 'scripts', 'neo4j');

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

export async function resolveNeo4j(opts: LaunchOptions): Promise<RunningNeo4j> {
  const env = process.env;
  if (env.NEO4J_URI) {
    return {
      uri: env.NEO4J_URI, user: env.NEO4J_USER ?? 'neo4j', password: env.NEO4J_PASSWORD ?? 'neo4j',
      how: 'external', stop: async () => undefined,
    };
  }
  if (!opts.fresh) {
    const attached = await attachToRunning(opts);
    if (attached) return attached;
  }
  if (has('java')) return startEmbedded({ ...opts, password: opts.password ?? env.NEO4J_PASSWORD });
  const docker = await startWithTestcontainers(opts.log ?? console.log);
  if (docker) return docker;
  throw new Error(
    'No Neo4j available. Install Java 17+ and Maven (the embedded Neo4j 5 is resolved from Maven Central), ' +
      'or start a Docker engine, or set NEO4J_URI (and NEO4J_USER / NEO4J_PASSWORD) to an existing Neo4j 5 server.',
  );
}

/**
 * The embedded Neo4j already running on this data folder, if any: commands run beside the server
 * use it (waiting up to a minute while its launcher restarts it or a backup holds it stopped).
 */
async function attachToRunning(opts: LaunchOptions): Promise<RunningNeo4j | undefined> {
  const dataDir = path.resolve(ROOT, opts.dataDir);
  const found = await findInstance(dataDir);
  if (!found) return undefined;
  const record = found.serving ? found.record : await waitUntilServing(dataDir, 60_000);
  if (!record) {
    throw new Error(`The Neo4j of ${path.relative(ROOT, dataDir)} (launcher pid ${found.record.launcherPid}) is not answering on port ${found.record.boltPort}; try again when it is back, or stop its launcher.`);
  }
  const password = opts.password ?? process.env.NEO4J_PASSWORD;
  if (record.auth && !password) {
    throw new Error(`The running Neo4j on ${record.uri} asks for a password: set NEO4J_PASSWORD as for the server.`);
  }
  (opts.log ?? console.log)(`Using the running Neo4j on ${record.uri} (launcher pid ${record.launcherPid})`);
  return { uri: record.uri, user: 'neo4j', password: password ?? 'neo4j', how: 'attached', stop: async () => undefined };
}

/** Maven resolves the embedded DBMS once and caches it in ~/.m2; we cache the class path too. */
export function neo4jClassPath(log: (l: string) => void): string {
  const cpFile = path.join(ROOT, '.data', 'neo4j-classpath.txt');
  const pom = path.join(LAUNCHER_DIR, 'pom.xml');
  const fresh = fs.existsSync(cpFile) && fs.statSync(cpFile).mtimeMs > fs.statSync(pom).mtimeMs;
  if (!fresh || !classPathExists(fs.readFileSync(cpFile, 'utf8'))) {
    if (!has('mvn')) throw new Error('Maven (mvn) is needed to resolve Neo4j from Maven Central: apt-get install -y maven');
    log('Resolving Neo4j 5 from Maven Central (first run only)…');
    fs.mkdirSync(path.dirname(cpFile), { recursive: true });
    const r = spawnSync('mvn', ['-q', '-B', '-f', pom, 'dependency:build-classpath', `-Dmdep.outputFile=${cpFile}`], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`Maven could not resolve Neo4j (exit ${r.status}); see the output above`);
  }
  return fs.readFileSync(cpFile, 'utf8').trim();
}

const classPathExists = (cp: string): boolean => cp.trim().split(':').every((jar) => fs.existsSync(jar));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The embedded Neo4j's garbage collector: Parallel rather than G1. On 2 cores an import's batch
 * transactions live just long enough to be promoted, and G1 cost Neo4j ~16% more CPU (the borough
 * imported into a fresh store: Neo4j CPU 91-95 s with G1 over five runs, 73-80 s with Parallel over
 * eight). A Neo4j server of your own (NEO4J_URI) keeps its own settings.
 */
const DEFAULT_GC = '-XX:+UseParallelGC';

/** The embedded Neo4j on `opts.dataDir`, whatever NEO4J_URI says (a store this process made, say). */
export async function startEmbedded(opts: LaunchOptions): Promise<RunningNeo4j> {
  const log = opts.log ?? console.log;
  const cp = neo4jClassPath(log);
  const port = opts.port || (await freePort());
  const dataDir = path.resolve(ROOT, opts.dataDir);
  if (opts.fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const spawnNeo4j = () => spawnLauncher(opts, cp, dataDir, port);
  const child = spawnNeo4j();
  await waitForReady(child.process, child.logFile, 240_000, dataDir);
  const record = {
    uri: `bolt://127.0.0.1:${port}`, boltPort: port, neo4jPid: child.process.pid!, launcherPid: process.pid,
    dataDir, auth: Boolean(opts.password), startedAt: new Date().toISOString(),
  };
  writeInstance(record);
  log(`Neo4j 5 (embedded) listening on ${record.uri}, data in ${path.relative(ROOT, dataDir)}`);
  const supervisor = opts.supervise
    ? superviseEmbedded({
      first: child.process, dataDir, log,
      restart: async () => {
        const next = spawnNeo4j();
        await waitForReady(next.process, next.logFile, 240_000, dataDir);
        writeInstance({ ...record, neo4jPid: next.process.pid!, startedAt: new Date().toISOString() });
        return next.process;
      },
    })
    : undefined;
  return {
    uri: record.uri, user: 'neo4j', password: opts.password ?? 'neo4j', how: 'embedded',
    stop: async () => {
      removeInstance(dataDir, process.pid);
      if (supervisor) await supervisor.stop(stopChild);
      else await stopChild(child.process);
    },
  };
}

function spawnLauncher(opts: LaunchOptions, cp: string, dataDir: string, port: number): { process: ChildProcess; logFile: fs.WriteStream } {
  const jvmArgs = opts.jvmArgs ?? [];
  const heap = opts.heap ?? '2g';
  const child = spawn(
    'java',
    // A small rotating GC log next to the data: the first thing to read when Neo4j is slow (quoted:
    // -Xlog splits its options on colons).
    [`-Xmx${heap}`, ...(opts.supervise ? committedHeap(heap) : []), ...(jvmArgs.some((a) => /^-XX:\+Use\w+GC$/.test(a)) ? [] : [DEFAULT_GC]), `-Xlog:gc:file="${path.join(dataDir, 'gc.log')}":uptime:filecount=2,filesize=5m`,
      ...jvmArgs, '-cp', cp, path.join(LAUNCHER_DIR, 'Launcher.java'),
      dataDir, String(port), String(opts.pageCacheMb ?? 512)],
    { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NEO4J_AUTH_PASSWORD: opts.password ?? '' } },
  );
  const logFile = fs.createWriteStream(path.join(dataDir, 'launcher.log'), { flags: 'a' });
  child.stderr!.pipe(logFile);
  return { process: child, logFile };
}

/**
 * A service commits its whole heap at start, as Neo4j's own server start-up does (initial heap =
 * maximum, -XX:+AlwaysPreTouch): its memory is known from the first minute instead of growing
 * into it under load, and no GC pause is spent growing the heap. Short-lived instances (tests,
 * commands) leave the heap to grow, so several can share a machine.
 */
const committedHeap = (heap: string): string[] => [`-Xms${heap}`, '-XX:+AlwaysPreTouch'];

/** The launcher's one-line failures (Launcher.java's NEO4J_FAILED) as sentences. */
function failureSentence(reason: string, dataDir: string): string {
  const where = path.relative(ROOT, dataDir) || dataDir;
  if (reason === 'LOCKED') {
    return `The Neo4j data folder ${where} is in use by another Neo4j (its store lock is held) that did not record itself there: stop that process, or set NEO4J_DATA_DIR to another folder.`;
  }
  if (reason === 'PORT_IN_USE') return `The Bolt port for ${where} is already taken by another program: set NEO4J_BOLT_PORT to a free port.`;
  return `Neo4j could not start (${reason}); see ${path.join(where, 'launcher.log')}`;
}

function waitForReady(child: ChildProcess, logFile: fs.WriteStream, timeoutMs: number, dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neo4j did not start within ${timeoutMs / 1000}s; see ${logFile.path}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      logFile.write(chunk);
      if (buffered.includes('NEO4J_READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const failed = /NEO4J_FAILED (\w+)/.exec(buffered);
      reject(new Error(failed ? failureSentence(failed[1], dataDir) : `Neo4j exited during start-up (code ${code}); see ${logFile.path}`));
    });
  });
}

/** Closing stdin asks the launcher to shut down; SIGTERM if it lingers. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.stdin!.end();
    setTimeout(() => child.exitCode === null && child.kill('SIGTERM'), 15_000).unref();
  });
}

async function startWithTestcontainers(log: (l: string) => void): Promise<RunningNeo4j | undefined> {
  try {
    const tc = await import('testcontainers');
    await tc.getContainerRuntimeClient();
  } catch {
    return undefined; // no Docker engine
  }
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  log('Starting Neo4j 5 with testcontainers…');
  const container = await new Neo4jContainer('neo4j:5.26').withPassword('safeguarding').start();
  return {
    uri: container.getBoltUri(), user: container.getUsername(), password: container.getPassword(),
    how: 'testcontainers', stop: async () => { await container.stop(); },
  };
}
