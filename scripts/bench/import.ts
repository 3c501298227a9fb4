/**
 * Import benchmark (`npm run bench -- import [--scale borough] [--seed N] [--repeat N] [--medium-only | --no-medium]`),
 * on a fresh embedded Neo4j (2 GB heap, 512 MB page cache, as `npm start`):
 *  0. a medium import (about 31k rows, the 'medium' fixture) with --apply, in a store of its own;
 *  1. the synthetic borough written as template CSVs, imported through the template path: dry run,
 *     --apply (rows/s, peak Node RSS / heap), and a re-import (everything unchanged), each in its
 *     own process (import-run-lib.ts) so memory and CPU are the import's own;
 *  2. baselines in the same process: the bulk loader on the same rows (no CSV), and one transaction
 *     per row on a sample (the ratio the design asks for: ≥ 50×);
 *  3. entity resolution over the people: time, candidate pairs compared, precision / recall
 *     against the planted duplicates; and the same as a database run (read, score, write);
 *  4. with --repeat N: N more --apply runs, each into a fresh store (how reliable the rate is).
 * Writes bench-results/import.json and prints a summary. The machine is shared: compare ratios.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import neo4j, { Driver } from 'neo4j-driver';
import { openDriver } from '../../server/platform/db/driver';
import { resolveNeo4j, type RunningNeo4j } from '../neo4j/launch';
import { migrate } from '../../server/platform/db/migrate';
import { load } from '../../server/platform/bulk/loader';
import { generate } from '../../fixtures/generator';
import type { Scale } from '../../fixtures/generator/types';
import type { LoadUnit } from '../../server/model/types';
import { writeUnitsAsCsv } from '../../server/modules/import/write-csv';
import { findDuplicates, runResolution } from '../../server/modules/resolution/resolve';
import { systemActor } from '../../server/modules/accesslog/access-log';
import type { PersonRecord } from '../../server/modules/resolution/score';
import { cpuSeconds, neo4jPid } from './load-lib';
import { median } from '../../server/domain/median';

const arg = (args: string[], name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const mb = (b: number): number => Math.round(b / 1048576);
const secs = (t0: number): number => (Date.now() - t0) / 1000;
const execFileP = promisify(execFile);
/** The Node flags of `npm run import` (package.json): the import's figures are the command's. */
const IMPORT_NODE_FLAGS = ['--max-semi-space-size=64'];

/** What scripts/bench/import-run-lib.ts prints. */
interface ChildRun {
  seconds: number; read: number; created: number; updated: number; unchanged: number; rejected: number; issueCount: number; issues: unknown[];
  applied: boolean; timings: Record<string, number>; startRssMb: number; peakRssMb: number; peakHeapMb: number; nodeCpuSeconds: number;
}

/** Peak Node RSS and heap while fn runs (sampled every 100 ms). */
async function withMemory<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number; peakRssMb: number; peakHeapMb: number; startRssMb: number }> {
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 100);
  const t0 = Date.now();
  try {
    const result = await fn();
    return { result, seconds: secs(t0), peakRssMb: mb(peakRss), peakHeapMb: mb(peakHeap), startRssMb: mb(start.rss) };
  } finally {
    clearInterval(timer);
  }
}

async function wipe(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    // Relationships first: detaching an agency hub in one inner transaction exceeds the memory pool.
    await session.run('MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) WHERE NOT n:SchemaMigration CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/** One write transaction per row (the naive way), on a sample of people rows with fresh ids. */
async function perRowRate(driver: Driver, units: LoadUnit[], n: number): Promise<number> {
  const people = units.find((u) => u.kind === 'node' && u.label === 'Person')!.rows.slice(0, n);
  const t0 = Date.now();
  for (const [i, row] of people.entries()) {
    await load(driver, [{ kind: 'node', label: 'Person', origin: 'per-row', rows: [{ ...row, id: `bench-per-row-${i}` }] }]);
  }
  return people.length / secs(t0);
}

const loadAverage = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ');
type ImportRun = ChildRun & { loadAverage: string; neo4jCpuSeconds?: number };

/** One import in its own process (peak memory and CPU are the import's), with Neo4j's CPU meanwhile. */
async function importInto(neo: RunningNeo4j, pid: number | undefined, dir: string, apply: boolean): Promise<ImportRun> {
  const load0 = loadAverage();
  const neo0 = pid ? cpuSeconds(pid) : undefined;
  const { stdout } = await execFileP(process.execPath, [...IMPORT_NODE_FLAGS, '--import', 'tsx', path.join(__dirname, 'import-run-lib.ts'), neo.uri, dir, ...(apply ? ['--apply'] : [])], {
    env: { ...process.env, BENCH_NEO4J_USER: neo.user, BENCH_NEO4J_PASSWORD: neo.password }, maxBuffer: 1 << 26,
  });
  const run = JSON.parse(stdout.trim().split('\n').pop()!) as ChildRun;
  const neoCpu = pid && neo0 !== undefined ? +((cpuSeconds(pid) ?? 0) - neo0).toFixed(1) : undefined;
  return { loadAverage: load0, ...run, neo4jCpuSeconds: neoCpu };
}

/** A fresh, migrated embedded Neo4j for fn, stopped and deleted afterwards. */
async function withFreshNeo4j<T>(dataDir: string, fn: (neo: RunningNeo4j, pid: number | undefined) => Promise<T>): Promise<T> {
  const neo = await resolveNeo4j({ dataDir, port: 0, fresh: true, heap: '2g', pageCacheMb: 512, log: () => undefined });
  try {
    const driver = openDriver(neo.uri, neo.user, neo.password);
    try { await migrate(driver); } finally { await driver.close(); }
    return await fn(neo, neo4jPid(dataDir));
  } finally {
    await neo.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * A medium import (the 'medium' fixture, about 31k template rows) into a fresh store: the size
 * below the borough's where per-row speed once fell (two readings and one big transaction).
 */
async function mediumImport(seed: number): Promise<Record<string, unknown>> {
  const fixture = generate({ scale: 'medium', seed });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-medium-'));
  try {
    const written = await writeUnitsAsCsv(fixture.units, dir);
    const bytes = written.files.reduce((s, f) => s + fs.statSync(f).size, 0);
    const applied = await withFreshNeo4j(`.data/bench-import-medium-${process.pid}`, (neo, pid) => importInto(neo, pid, dir, true));
    const rate = Math.round(written.rows / applied.seconds);
    console.log(`Medium import --apply (${written.rows} rows, ${mb(bytes)} MB): ${applied.seconds.toFixed(1)} s → ${rate} rows/s; ` +
      `CPU Node ${applied.nodeCpuSeconds} s, Neo4j ${applied.neo4jCpuSeconds} s; load average ${applied.loadAverage}; phases ${JSON.stringify(applied.timings)}`);
    if (applied.issueCount) console.log(applied.issues);
    return { rows: written.rows, mb: mb(bytes), ...applied, rowsPerSecond: rate };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(args: string[]): Promise<void> {
  const scale = arg(args, 'scale', 'borough') as Scale;
  const seed = Number(arg(args, 'seed', '20251'));
  const results: Record<string, unknown> = {
    scale, seed, when: new Date().toISOString(),
    machine: `${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start (shared with other sessions)`,
  };
  if (!args.includes('--no-medium')) results.medium = await mediumImport(seed);
  if (args.includes('--medium-only')) {
    fs.mkdirSync('bench-results', { recursive: true });
    fs.writeFileSync(path.join('bench-results', 'import-medium.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log('Wrote bench-results/import-medium.json');
    return;
  }
  console.log(`Generating the ${scale} borough…`);
  const fixture = generate({ scale, seed });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-import-${scale}-`));
  const written = await writeUnitsAsCsv(fixture.units, dir);
  const bytes = written.files.reduce((s, f) => s + fs.statSync(f).size, 0);
  results.csv = { files: written.files.length, rows: written.rows, mb: mb(bytes) };
  console.log(`Wrote ${written.rows} rows in ${written.files.length} template CSVs (${mb(bytes)} MB)`);

  const dataDir = `.data/bench-import-${process.pid}`;
  await withFreshNeo4j(dataDir, async (neo, pid) => {
    const driver = openDriver(neo.uri, neo.user, neo.password, { disableLosslessIntegers: true });
    try {
      const importRun = (apply: boolean) => importInto(neo, pid, dir, apply);

      const dry = await importRun(false);
      results.dryRun = { ...dry, rowsPerSecond: Math.round(written.rows / dry.seconds) };
      console.log(`Dry run: ${dry.seconds.toFixed(1)} s (${Math.round(written.rows / dry.seconds)} rows/s), ${dry.issueCount} issue(s), ${dry.created} records to create; peak RSS ${dry.peakRssMb} MB; phases ${JSON.stringify(dry.timings)}`);
      if (dry.issueCount) console.log(dry.issues);

      const applied = await importRun(true);
      const rate = Math.round(written.rows / applied.seconds);
      const nodeCpu = applied.nodeCpuSeconds;
      const neoCpu = applied.neo4jCpuSeconds;
      results.cpu = { nodeCpuSeconds: nodeCpu, neo4jCpuSeconds: neoCpu, rowsPerCpuSecond: Math.round(written.rows / (nodeCpu + (neoCpu ?? 0))) };
      console.log(`CPU for the import: Node ${nodeCpu} s, Neo4j ${neoCpu} s → ${Math.round(written.rows / (nodeCpu + (neoCpu ?? 0)))} rows per CPU-second`);
      results.apply = { ...applied, rowsPerSecond: rate, loadAverageAfter: loadAverage() };
      console.log(`Import --apply: ${applied.seconds.toFixed(1)} s → ${rate} rows/s; Node peak RSS ${applied.peakRssMb} MB, heap ${applied.peakHeapMb} MB; phases ${JSON.stringify(applied.timings)}`);

      const again = await importRun(true);
      results.reimport = { ...again, rowsPerSecond: Math.round(written.rows / again.seconds) };
      console.log(`Re-import: ${again.seconds.toFixed(1)} s, unchanged ${again.unchanged}, created ${again.created}, updated ${again.updated}; peak RSS ${again.peakRssMb} MB`);

      const people = fixture.units.filter((u) => u.kind === 'node' && u.label === 'Person').flatMap((u) => u.rows) as unknown as PersonRecord[];
      const truth = new Set(fixture.groundTruth.duplicatePersonPairs.map((p) => [...p].sort().join('|')));
      const t0 = Date.now();
      const er = findDuplicates(people);
      const erSeconds = secs(t0);
      const found = new Set(er.matches.map((m) => [m.from, m.to].sort().join('|')));
      const tp = [...found].filter((k) => truth.has(k)).length;
      const erDb = await withMemory(() => runResolution(systemActor('bench', driver, 'neo4j')));
      results.resolution = {
        people: people.length, candidatePairs: er.compared, allPairs: (people.length * (people.length - 1)) / 2, seconds: erSeconds,
        matches: found.size, precision: tp / found.size, recall: tp / truth.size,
        databaseRun: { seconds: erDb.seconds, proposed: erDb.result.proposed.length, compared: erDb.result.compared },
      };
      console.log(`Entity resolution: ${people.length} people, ${er.compared} candidate pairs (of ${(people.length * (people.length - 1)) / 2}), ` +
        `${erSeconds.toFixed(1)} s scoring, precision ${(tp / found.size).toFixed(3)}, recall ${(tp / truth.size).toFixed(3)}; database run ${erDb.seconds.toFixed(1)} s`);

      const perRow = await perRowRate(driver, fixture.units, 500);
      await wipe(driver);
      const t1 = Date.now();
      await load(driver, fixture.units, { batchSize: 5000 });
      const loaderRate = Math.round(written.rows / secs(t1));
      results.baselines = {
        loaderRowsPerSecond: loaderRate, perRowTransactionsRowsPerSecond: Math.round(perRow),
        importVsLoader: +(rate / loaderRate).toFixed(2), importVsPerRow: +(rate / perRow).toFixed(1),
      };
      console.log(`Baselines: bulk loader ${loaderRate} rows/s (import/loader ${(rate / loaderRate).toFixed(2)}); one transaction per row ${Math.round(perRow)} rows/s (import/per-row ${(rate / perRow).toFixed(1)}×)`);
    } finally {
      await driver.close();
    }
  });
  const repeats = Number(arg(args, 'repeat', '0'));
  if (repeats > 0) {
    // How reliable the rate is: more --apply runs, each into a store of its own (as the first).
    const runs = [];
    for (let i = 0; i < repeats; i++) {
      const again = await withFreshNeo4j(`${dataDir}-repeat`, (n, p) => importInto(n, p, dir, true));
      runs.push({ seconds: again.seconds, rowsPerSecond: Math.round(written.rows / again.seconds), neo4jCpuSeconds: again.neo4jCpuSeconds, nodeCpuSeconds: again.nodeCpuSeconds });
      console.log(`Repeat ${i + 1}: ${again.seconds.toFixed(1)} s → ${Math.round(written.rows / again.seconds)} rows/s; CPU Neo4j ${again.neo4jCpuSeconds} s, Node ${again.nodeCpuSeconds} s`);
    }
    const rates = [...runs.map((r) => r.rowsPerSecond), (results.apply as { rowsPerSecond: number }).rowsPerSecond].sort((a, b) => a - b);
    results.applyRepeats = { runs, allApplyRuns: { min: rates[0], median: median(rates), max: rates[rates.length - 1] } };
    console.log(`All ${rates.length} --apply runs: min ${rates[0]}, median ${median(rates)}, max ${rates[rates.length - 1]} rows/s`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync(path.join('bench-results', 'import.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('Wrote bench-results/import.json');
}
