/**
 * Finds a real Neo4j 5 to talk to, in this order:
 *   1. NEO4J_URI (+ NEO4J_USER / NEO4J_PASSWORD) if set: use that server;
 *   2. Java present: the embedded DBMS from Maven Central with its Bolt connector (Launcher.java);
 *   3. a Docker engine present: testcontainers' Neo4j module;
 *   4. otherwise a clear message saying what to install.
 */
import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface RunningNeo4j {
  uri: string;
  user: string;
  password: string;
  how: 'external' | 'embedded' | 'testcontainers';
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
  if (has('java')) return startEmbedded(opts);
  const docker = await startWithTestcontainers(opts.log ?? console.log);
  if (docker) return docker;
  throw new Error(
    'No Neo4j available. Install Java 17+ and Maven (the embedded Neo4j 5 is resolved from Maven Central), ' +
      'or start a Docker engine, or set NEO4J_URI (and NEO4J_USER / NEO4J_PASSWORD) to an existing Neo4j 5 server.',
  );
}

/** Maven resolves the embedded DBMS once and caches it in ~/.m2; we cache the class path too. */
function neo4jClassPath(log: (l: string) => void): string {
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

async function startEmbedded(opts: LaunchOptions): Promise<RunningNeo4j> {
  const log = opts.log ?? console.log;
  const cp = neo4jClassPath(log);
  const port = opts.port || (await freePort());
  const dataDir = path.resolve(ROOT, opts.dataDir);
  if (opts.fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const jvmArgs = opts.jvmArgs ?? [];
  const child = spawn(
    'java',
    // A small rotating GC log next to the data: the first thing to read when Neo4j is slow (quoted:
    // -Xlog splits its options on colons).
    [`-Xmx${opts.heap ?? '2g'}`, ...(jvmArgs.some((a) => /^-XX:\+Use\w+GC$/.test(a)) ? [] : [DEFAULT_GC]), `-Xlog:gc:file="${path.join(dataDir, 'gc.log')}":uptime:filecount=2,filesize=5m`,
      ...jvmArgs, '-cp', cp, path.join(LAUNCHER_DIR, 'Launcher.java'),
      dataDir, String(port), String(opts.pageCacheMb ?? 512)],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const logFile = fs.createWriteStream(path.join(dataDir, 'launcher.log'), { flags: 'a' });
  child.stderr!.pipe(logFile);
  await waitForReady(child, logFile, 240_000);
  log(`Neo4j 5 (embedded) listening on bolt://127.0.0.1:${port}, data in ${path.relative(ROOT, dataDir)}`);
  return {
    uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'neo4j', how: 'embedded',
    stop: () => stopChild(child),
  };
}

function waitForReady(child: ChildProcess, logFile: fs.WriteStream, timeoutMs: number): Promise<void> {
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
      reject(new Error(`Neo4j exited during start-up (code ${code}); see ${logFile.path}`));
    });
  });
}

/** Closing stdin asks the launcher to shut down; SIGTERM if it lingers. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
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
