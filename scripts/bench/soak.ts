/**
 * Soak benchmark (`npm run bench -- soak [--minutes 30] [--scale borough|demo] [--clients 10] [--window 5] [--seed N]`).
 * The API server runs in a process of its own (soak/server.ts) on the embedded Neo4j loaded with
 * the synthetic borough (kept in .data/bench-soak-<scale>-<seed> and reused); `--clients` clients
 * send a mixed workload (soak/workload.ts: search, profile, one- and two-hop neighbourhood,
 * hotspots, record writes) without pause, and a lead builds a briefing once per window. Reported
 * per window of `--window` minutes: requests, 5xx and p95 per operation; and the resident memory
 * (RSS) of the API server and of Neo4j with the heap each has in use, sampled every 10 s. Memory
 * growth compares window medians: the last window against the first after warm-up (the first
 * window), since a single sample lands anywhere on the garbage collector's sawtooth. The lowest
 * heap in use per window (after collections) rises only when something is kept: a leak.
 * Results in bench-results/soak-<scale>-<minutes>m.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../neo4j/launch';
import { readInstance } from '../neo4j/instance';
import { openDriver } from '../../server/platform/db/driver';
import { percentile } from './api-lib';
import { BRIEFING, operations, rng, weightedPicker, type Ids } from './soak/workload';

const arg = (args: string[], name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident memory of a process in MB, from /proc (undefined when it has gone). */
function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Neo4j's heap in use in MB (survivor, eden and old spaces), from the JDK's jstat; undefined without it. */
function jvmHeapMb(pid: number): number | undefined {
  const r = spawnSync('jstat', ['-gc', String(pid)], { encoding: 'utf8', timeout: 5_000 });
  const [head, values] = (r.stdout ?? '').trim().split('\n').map((l) => l.trim().split(/\s+/));
  if (r.status !== 0 || !head || !values) return undefined;
  const used = ['S0U', 'S1U', 'EU', 'OU'].map((col) => Number(values[head.indexOf(col)]));
  return used.some((v) => !Number.isFinite(v)) ? undefined : used.reduce((a, b) => a + b, 0) / 1024;
}

interface Sample { at: number; op: string; ms: number; status: number }
/** Memory every 10 s, in MB: resident memory and heap in use of the API server and of Neo4j. */
interface MemorySample { at: number; server: number; neo4j: number; serverHeap: number; neo4jHeap: number }

async function startServer(dataDir: string, scale: string, seed: number): Promise<{ url: string; stop(): Promise<void>; serverPid: number; neo4jPid: () => number; boltPort: number; heapMb: () => number }> {
  const boltPort = await freePort();
  const env = {
    ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(await freePort()), NEO4J_BOLT_PORT: String(boltPort),
    NEO4J_DATA_DIR: path.join(dataDir, 'neo4j'), SEED_SCALE: scale, SEED: String(seed),
    ACCESS_LOG_CHECKPOINTS: path.join(dataDir, 'checkpoints.jsonl'), SOAK_LOG: path.join(dataDir, 'requests.log'),
  };
  for (const k of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD']) delete (env as Record<string, unknown>)[k];
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/bench/soak/server.ts'], { env, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let heapMb = NaN;
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      const text = c.toString();
      const heap = [...text.matchAll(/SOAK_HEAP ([\d.]+)/g)].pop();
      if (heap) heapMb = Number(heap[1]);
      else process.stdout.write(c);
      out += text;
      const m = /SOAK_READY (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`the soak server ended (code ${code})`)));
  });
  const record = () => readInstance(path.join(dataDir, 'neo4j'))!;
  return {
    url, boltPort, serverPid: record().launcherPid, neo4jPid: () => record().neo4jPid, heapMb: () => heapMb,
    stop: async () => {
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

async function sampleIds(boltPort: number): Promise<Ids> {
  const driver = openDriver(`bolt://127.0.0.1:${boltPort}`, 'neo4j', 'neo4j', { disableLosslessIntegers: true });
  try {
    const people = await driver.executeQuery("MATCH (p:YoungPerson) WHERE EXISTS { (p)--() } AND p.source = 'POLICE' RETURN p.id AS id, p.name AS name ORDER BY p.id LIMIT 400");
    const places = await driver.executeQuery('MATCH (l:Location) RETURN l.id AS id ORDER BY l.id LIMIT 200');
    return {
      people: people.records.map((r) => r.get('id') as string),
      names: people.records.map((r) => String(r.get('name')).split(' ')[0]).filter((n) => n.length >= 3),
      places: places.records.map((r) => r.get('id') as string),
    };
  } finally {
    await driver.close();
  }
}

async function token(url: string, user: string): Promise<string> {
  const r = await fetch(`${url}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: 'demo' }) });
  return ((await r.json()) as { token: string }).token;
}

async function send(url: string, tokens: Map<string, string>, user: string, query: string, variables: Record<string, unknown>): Promise<number> {
  const r = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(user)}`, 'x-justification-purpose': 'analysis', 'x-justification': 'SOAK-BENCH-1' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await r.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  // A GraphQL error the server could not help (not bad input) counts as a server error.
  if (r.status === 200 && body.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR' || e.extensions?.code === 'SERVICE_UNAVAILABLE')) return 500;
  return r.status;
}

/** Per window, in MB: the median resident memory, and the lowest heap in use (after collections). */
interface WindowMemory { serverRss: number; neo4jRss: number; serverHeapLow: number; neo4jHeapLow: number }
interface WindowReport { window: number; fromMin: number; toMin: number; perOp: Record<string, { n: number; p95: number; err5xx: number }>; memoryMb: WindowMemory }

const median = (xs: number[]): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const lowest = (xs: number[]): number => Math.min(...xs.filter(Number.isFinite));

function windowMemory(memory: MemorySample[]): WindowMemory {
  const mb = (x: number) => +x.toFixed(0);
  return {
    serverRss: mb(median(memory.map((m) => m.server))), neo4jRss: mb(median(memory.map((m) => m.neo4j))),
    serverHeapLow: mb(lowest(memory.map((m) => m.serverHeap))), neo4jHeapLow: mb(lowest(memory.map((m) => m.neo4jHeap))),
  };
}

function summarise(samples: Sample[], memory: MemorySample[], start: number, windowMs: number, windows: number): WindowReport[] {
  const out: WindowReport[] = [];
  for (let w = 0; w < windows; w++) {
    const from = start + w * windowMs;
    const inWindow = samples.filter((s) => s.at >= from && s.at < from + windowMs);
    const perOp: WindowReport['perOp'] = {};
    for (const op of [...new Set(inWindow.map((s) => s.op))].sort()) {
      const mine = inWindow.filter((s) => s.op === op);
      perOp[op] = { n: mine.length, p95: +percentile(mine.map((s) => s.ms).sort((a, b) => a - b), 95).toFixed(1), err5xx: mine.filter((s) => s.status >= 500 || s.status === 0).length };
    }
    const memoryMb = windowMemory(memory.filter((m) => m.at >= from && m.at < from + windowMs));
    out.push({ window: w + 1, fromMin: (w * windowMs) / 60_000, toMin: ((w + 1) * windowMs) / 60_000, perOp, memoryMb });
  }
  return out;
}

export async function run(args: string[]): Promise<void> {
  const minutes = Number(arg(args, 'minutes', '30'));
  const scale = arg(args, 'scale', 'borough');
  const clients = Number(arg(args, 'clients', '10'));
  const windowMin = Number(arg(args, 'window', String(Math.min(5, minutes))));
  const seed = Number(arg(args, 'seed', '20251'));
  const quarter = arg(args, 'quarter', '2025-Q3');
  if (!(minutes > 0) || !(windowMin > 0) || !(clients > 0)) throw new Error('--minutes, --window and --clients must be positive');
  const dataDir = path.resolve('.data', `bench-soak-${scale}-${seed}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const server = await startServer(dataDir, scale, seed);
  const samples: Sample[] = [];
  const memory: MemorySample[] = [];
  const sampleMemory = () => memory.push({
    at: Date.now(), server: rssMb(server.serverPid) ?? NaN, neo4j: rssMb(server.neo4jPid()) ?? NaN,
    serverHeap: server.heapMb(), neo4jHeap: jvmHeapMb(server.neo4jPid()) ?? NaN,
  });
  try {
    const ids = await sampleIds(server.boltPort);
    const tokens = new Map<string, string>();
    for (const u of ['ana.analyst', 'pat.police', 'lee.lead']) tokens.set(u, await token(server.url, u));
    const ops = operations(ids, quarter);
    const windowMs = windowMin * 60_000;
    const windows = Math.ceil(minutes / windowMin);
    const start = Date.now();
    const end = start + minutes * 60_000;
    console.log(`Soak: ${clients} clients, ${minutes} min on "${scale}", windows of ${windowMin} min; server pid ${server.serverPid}, Neo4j pid ${server.neo4jPid()}`);
    const timed = async (op: string, user: string, query: string, variables: Record<string, unknown>) => {
      const t0 = performance.now();
      let status: number;
      try {
        status = await send(server.url, tokens, user, query, variables);
      } catch {
        status = 0;
      }
      samples.push({ at: Date.now(), op, ms: performance.now() - t0, status });
    };
    const sampler = setInterval(sampleMemory, 10_000);
    const briefings = (async () => {
      for (let w = 0; w < windows && Date.now() < end; w++) {
        await timed(BRIEFING.name, BRIEFING.user, BRIEFING.query, BRIEFING.variables(quarter));
        const next = start + (w + 1) * windowMs;
        while (Date.now() < Math.min(next, end)) await sleep(500);
      }
    })();
    await Promise.all([briefings, ...Array.from({ length: clients }, async (_, c) => {
      const random = rng(seed * 31 + c);
      const pickOp = weightedPicker(ops, random);
      const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
      for (let i = 0; Date.now() < end; i++) {
        const op = pickOp();
        await timed(op.name, op.user, op.query, op.variables(pick, i));
      }
    })]);
    clearInterval(sampler);
    report(summarise(samples, memory, start, windowMs, windows), samples, memory, { minutes, scale, clients, windowMin });
  } finally {
    await server.stop();
  }
}

function report(windows: WindowReport[], samples: Sample[], memory: MemorySample[],
  o: { minutes: number; scale: string; clients: number; windowMin: number }): void {
  const ops = [...new Set(samples.map((s) => s.op))].sort();
  const row = (label: string, cells: string[]) => console.log([label.padEnd(20), ...cells.map((c) => c.padStart(16))].join(''));
  console.log(`\np95 (ms) per operation per ${o.windowMin}-minute window, requests in brackets:`);
  row('operation', windows.map((w) => `${w.fromMin}-${w.toMin} min`));
  for (const op of ops) row(op, windows.map((w) => (w.perOp[op] ? `${w.perOp[op].p95} (${w.perOp[op].n})` : '-')));
  console.log('\nMemory per window (MB): median resident memory; lowest heap in use:');
  const fields: Array<[string, keyof WindowMemory]> = [['API RSS', 'serverRss'], ['API heap, lowest', 'serverHeapLow'], ['Neo4j RSS', 'neo4jRss'], ['Neo4j heap, lowest', 'neo4jHeapLow']];
  for (const [label, field] of fields) row(label, windows.map((w) => String(w.memoryMb[field])));
  const total5xx = samples.filter((s) => s.status >= 500 || s.status === 0).length;
  const other = samples.filter((s) => s.status !== 200 && s.status < 500 && s.status !== 0).length;
  // Warm-up: the first window; growth from the window after it to the last window.
  const afterWarmup = windows[Math.min(1, windows.length - 1)].memoryMb;
  const lastWindow = windows[windows.length - 1].memoryMb;
  const growth = (field: keyof WindowMemory) => +(((lastWindow[field] - afterWarmup[field]) / afterWarmup[field]) * 100).toFixed(1);
  const drift = Object.fromEntries(ops.filter((op) => op !== 'briefing').map((op) => {
    const first = windows.find((w) => w.perOp[op])?.perOp[op]?.p95 ?? NaN;
    const lastW = [...windows].reverse().find((w) => w.perOp[op])?.perOp[op]?.p95 ?? NaN;
    return [op, +(lastW / first).toFixed(2)];
  }));
  const summary = {
    requests: samples.length, status5xx: total5xx, status4xx: other,
    memoryGrowthPct: { serverRss: growth('serverRss'), neo4jRss: growth('neo4jRss'), serverHeapLow: growth('serverHeapLow'), neo4jHeapLow: growth('neo4jHeapLow') },
    p95LastOverFirstWindow: drift,
  };
  const g = summary.memoryGrowthPct;
  console.log(`\n${summary.requests} requests; 5xx: ${total5xx} (target 0); other non-200: ${other}`);
  console.log(`Memory growth, window 2 → last window (medians): RSS API ${g.serverRss} %, Neo4j ${g.neo4jRss} % (target < 10 %); lowest heap API ${g.serverHeapLow} %, Neo4j ${g.neo4jHeapLow} %`);
  console.log(`p95 last window / first window: ${Object.entries(drift).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const file = path.resolve('bench-results', `soak-${o.scale}-${o.minutes}m.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ settings: { minutes: o.minutes, scale: o.scale, clients: o.clients, windowMin: o.windowMin }, summary, windows, memory }, null, 2));
  console.log(`Results: ${path.relative(process.cwd(), file)}`);
}
