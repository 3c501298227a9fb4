/**
 * The product run as a user runs it, for the fault and operations tests: `npm start`
 * (scripts/start.ts) in its own process group with its own data folder, ports and checkpoint
 * file, and the README's commands run beside it with the same environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../scripts/neo4j/launch';
import { readInstance, isAlive } from '../../scripts/neo4j/instance';
import { openDriver } from '../../server/platform/db/driver';
import type { Driver } from 'neo4j-driver';

export const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface Setting { dir: string; env: NodeJS.ProcessEnv; url: string; neo4jDir: string; checkpoints: string }

/** A fresh folder and ports; only the environment a user's shell would give, plus these settings. */
export async function newSetting(name: string, seed: 'demo' | 'none' = 'demo'): Promise<Setting> {
  const dir = path.join(ROOT, '.data', `ops-${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const keep = ['PATH', 'HOME', 'LANG', 'JAVA_HOME', 'MAVEN_OPTS', 'TMPDIR', 'USER'];
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]])),
    NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_DATA_DIR: path.join(dir, 'neo4j'), NEO4J_HEAP: '1g', NEO4J_PAGECACHE_MB: '128', SEED_SCALE: seed,
    ACCESS_LOG_CHECKPOINTS: path.join(dir, 'checkpoints.jsonl'), ACCESS_LOG_CHECKPOINT_SECONDS: '1',
  };
  return { dir, env, url: `http://127.0.0.1:${port}`, neo4jDir: path.join(dir, 'neo4j'), checkpoints: path.join(dir, 'checkpoints.jsonl') };
}

export interface Product {
  process: ChildProcess;
  output(): string;
  neo4jPid(): number;
  /** SIGTERM to the process group (Ctrl-C in a terminal), then waits for it to end. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

export async function startProduct(s: Setting, timeoutMs = 400_000): Promise<Product> {
  const child = spawn(TSX, ['scripts/start.ts'], { cwd: ROOT, env: s.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr!.on('data', (c: Buffer) => { out += c.toString(); });
  const until = Date.now() + timeoutMs;
  while (!out.includes('Safeguarding graph ready on')) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`npm start ended before it was ready:\n${out}`);
    if (Date.now() > until) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`npm start was not ready within ${timeoutMs / 1000} s:\n${out}`);
    }
    await sleep(250);
  }
  return {
    process: child,
    output: () => out,
    neo4jPid: () => readInstance(s.neo4jDir)!.neo4jPid,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
      await exited(child);
    },
  };
}

export interface CliResult { code: number | null; stdout: string; stderr: string }

/** Runs scripts/<script>.ts as `npm run <script> -- args` would, beside the product. */
export function runCli(s: Setting, script: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): { done: Promise<CliResult>; process: ChildProcess } {
  const child = spawn(TSX, [`scripts/${script}.ts`, ...args], { cwd: ROOT, env: { ...s.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => { stdout += c.toString(); });
  child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
  const done = new Promise<CliResult>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
  return { done, process: child };
}

export const cli = (s: Setting, script: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<CliResult> => runCli(s, script, args, env).done;

/** A driver straight to the product's Neo4j (for checks the API does not offer). */
export function boltDriver(s: Setting): Driver {
  return openDriver(`bolt://127.0.0.1:${s.env.NEO4J_BOLT_PORT}`, 'neo4j', 'neo4j', { disableLosslessIntegers: true });
}

export async function waitFor(what: string, test: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 250): Promise<number> {
  const started = Date.now();
  while (!(await test())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(everyMs);
  }
  return Date.now() - started;
}

export const pidGone = (pid: number): boolean => !isAlive(pid);

const tokens = new Map<string, string>();
export async function token(s: Setting, user: string): Promise<string> {
  const key = `${s.url} ${user}`;
  if (!tokens.has(key)) {
    const r = await fetch(`${s.url}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: 'demo' }) });
    tokens.set(key, ((await r.json()) as { token: string }).token);
  }
  return tokens.get(key)!;
}

export interface Answer { status: number; ms: number; requestId: string | null; body: { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> } }

export async function gql(s: Setting, user: string, query: string, variables: Record<string, unknown> = {}, justification = 'SYN-OPS-TEST'): Promise<Answer> {
  const started = Date.now();
  const r = await fetch(`${s.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(s, user)}`, 'x-justification-purpose': 'safeguarding-enquiry', 'x-justification': justification },
    body: JSON.stringify({ query, variables }),
  });
  const text = await r.text();
  let body: Answer['body'];
  try { body = JSON.parse(text) as Answer['body']; } catch { body = { errors: [{ message: text }] }; }
  return { status: r.status, ms: Date.now() - started, requestId: r.headers.get('x-request-id'), body };
}

export async function ready(s: Setting): Promise<boolean> {
  try {
    return (await fetch(`${s.url}/ready`)).status === 200;
  } catch {
    return false;
  }
}
