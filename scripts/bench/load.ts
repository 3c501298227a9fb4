/**
 * Load benchmark (`npm run bench -- load [--scale borough] [--seed N] [--sample 1500]`; `--scale force`:
 * load-force-lib.ts), on a
 * fresh embedded Neo4j (2 GB heap, 512 MB page cache, as `npm start`):
 *  1. generate the borough and load it: total time and rows/s, CPU seconds of Neo4j and of
 *     this process (the machine is shared, so CPU time says more than wall time), peak heap;
 *  2. the batched loader against one transaction per row on a sample of the same rows
 *     (incidents with their links), as a ratio measured in this process (batched: median of 3);
 *  3. batch-size sweep on the same sample.
 * Writes bench-results/load.json and prints a table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { Driver } from 'neo4j-driver';
import { openDriver } from '../../server/platform/db/driver';
import { resolveNeo4j } from '../neo4j/launch';
import { migrate } from '../../server/platform/db/migrate';
import { load, prepare } from '../../server/platform/bulk/loader';
import { nodeQuery, relQuery } from '../../server/platform/bulk/load-queries';
import { relKind } from '../../server/model/model';
import { generate } from '../../fixtures/generator';
import type { Scale } from '../../fixtures/generator/types';
import type { LoadUnit } from '../../server/model/types';
import { cpuSeconds, heapNow, watchPeakHeap, memorySettings, neo4jPid, rowCount, sampleUnits, storeSizeMb, jitCpuSeconds } from './load-lib';
import { median } from '../../server/domain/median';
import { runForce } from './load-force-lib';

const arg = (args: string[], name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const seconds = (fromNs: bigint): number => Number(process.hrtime.bigint() - fromNs) / 1e9;

async function deleteSample(driver: Driver, units: LoadUnit[]): Promise<void> {
  const ids = units.filter((u) => u.kind === 'node').flatMap((u) => u.rows.map((r) => r.id));
  await driver.executeQuery('UNWIND $ids AS id MATCH (n:Entity {id: id}) DETACH DELETE n', { ids });
}

/** The baseline: the loader's own queries, one row per transaction. */
async function perRow(driver: Driver, units: LoadUnit[]): Promise<void> {
  const prepared = prepare(units);
  const session = driver.session();
  try {
    for (const p of prepared) {
      for (const [labelKey, rows] of p.nodeGroups ?? []) {
        for (const row of rows) await session.executeWrite((tx) => tx.run(nodeQuery(labelKey), { rows: [row] }));
      }
      if (p.rels && p.unit.kind === 'rel') {
        const kind = relKind(p.unit.type)!;
        for (const row of p.rels) await session.executeWrite((tx) => tx.run(relQuery(kind.type), { rows: [row], fromLabels: kind.from, toLabels: kind.to }));
      }
    }
  } finally {
    await session.close();
  }
}

export async function run(args: string[] = []): Promise<void> {
  // The force is imported offline, not loaded: a benchmark of its own (load-force-lib.ts).
  if (arg(args, 'scale', 'borough') === 'force') return runForce(args);
  const scale = arg(args, 'scale', 'borough') as Scale;
  const seed = Number(arg(args, 'seed', '1'));
  const sampleIncidents = Number(arg(args, 'sample', '1500'));
  const concurrency = Number(arg(args, 'concurrency', '2'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-bench-load-neo4j-'));
  const neo = await resolveNeo4j({ dataDir, port: 0, fresh: true, heap: '2g', pageCacheMb: 512, log: () => undefined });
  const driver = openDriver(neo.uri, neo.user, neo.password, { disableLosslessIntegers: true });
  const pid = neo4jPid(dataDir);
  const results: Record<string, unknown> = { scale, seed, when: new Date().toISOString(), machine: `${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start (shared)` };
  try {
    const { records } = await driver.executeQuery("CALL dbms.components() YIELD versions RETURN versions[0] AS v");
    results.neo4j = records[0].get('v');
    await migrate(driver);
    let t = process.hrtime.bigint();
    const fixture = generate({ scale, seed });
    results.generateSeconds = seconds(t);
    const total = rowCount(fixture.units);

    // 1. The whole borough through the loader.
    const heapWatch = watchPeakHeap(driver);
    const cpuNeo0 = pid ? cpuSeconds(pid) : undefined;
    const jit0 = pid ? jitCpuSeconds(pid) : undefined;
    const cpuSelf0 = process.cpuUsage();
    t = process.hrtime.bigint();
    let lastShown = 0;
    const summary = await load(driver, fixture.units, {
      concurrency,
      onProgress: (done) => {
        if (done - lastShown >= 50_000 || done === total) {
          lastShown = done;
          process.stdout.write(`  loaded ${done}/${total} rows (${Math.round(done / seconds(t))} rows/s)\n`);
        }
      },
    });
    const loadSeconds = seconds(t);
    const peak = heapWatch.stop();
    const cpuNeo = pid && cpuNeo0 !== undefined ? cpuSeconds(pid)! - cpuNeo0 : undefined;
    // Part of Neo4j's CPU is its JIT compiling (a fresh JVM): warm-up, not the cost of a row.
    const cpuNeoJit = pid && jit0 !== undefined ? jitCpuSeconds(pid)! - jit0 : undefined;
    const self = process.cpuUsage(cpuSelf0);
    const cpuNode = (self.user + self.system) / 1e6;
    results.load = {
      rows: total, nodes: summary.nodesCreated, relationships: summary.relationshipsCreated, seconds: loadSeconds,
      rowsPerSecond: Math.round(total / loadSeconds), concurrency, mode: total > 50_000 ? 'staged (batches committed one by one, undone on failure)' : 'one transaction',
      cpuSecondsNeo4j: cpuNeo, cpuSecondsNeo4jJit: cpuNeoJit, cpuSecondsNode: cpuNode,
      rowsPerCpuSecond: cpuNeo !== undefined ? Math.round(total / (cpuNeo + cpuNode)) : undefined,
    };
    results.memory = { peakHeapDuringLoad: peak, heapAfter: await heapNow(driver), settings: await memorySettings(driver) };

    // 2. Batched vs one transaction per row, same rows, same process.
    const sample = sampleUnits(fixture.units, sampleIncidents);
    const sampleRows = rowCount(sample);
    await deleteSample(driver, sample);
    t = process.hrtime.bigint();
    await perRow(driver, sample);
    const perRowSeconds = seconds(t);
    // The batched load takes under a second: the median of three runs (the per-row run takes ~15 s).
    const batchedRuns: number[] = [];
    for (let i = 0; i < 3; i++) {
      await deleteSample(driver, sample);
      t = process.hrtime.bigint();
      await load(driver, sample, { batchSize: 5000 });
      batchedRuns.push(seconds(t));
    }
    const batchedSeconds = median(batchedRuns);
    results.batchedVsPerRow = {
      sampleRows, perRowSeconds, batchedSeconds, batchedRunsSeconds: batchedRuns, perRowRowsPerSecond: Math.round(sampleRows / perRowSeconds),
      batchedRowsPerSecond: Math.round(sampleRows / batchedSeconds), ratio: Math.round((perRowSeconds / batchedSeconds) * 10) / 10,
    };

    // 3. Batch size on the same sample (one transaction, so only the batch size differs).
    const sweep: Record<string, number> = {};
    for (const batchSize of [500, 2000, 5000, 10000]) {
      await deleteSample(driver, sample);
      t = process.hrtime.bigint();
      await load(driver, sample, { batchSize });
      sweep[batchSize] = Math.round(sampleRows / seconds(t));
    }
    results.batchSizeRowsPerSecond = sweep;
  } finally {
    await driver.close();
    await neo.stop();
  }
  // Store files reach their size at the checkpoint of a clean shutdown (Community has no db.checkpoint()).
  const memory = results.memory as Record<string, any>;
  memory.storeSizeMb = storeSizeMb(dataDir);
  memory.pageCacheUsedMb = Math.min(memory.storeSizeMb, Number.parseInt(memory.settings['server.memory.pagecache.size'] ?? '512', 10));
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/load.json', JSON.stringify(results, null, 2) + '\n');
  printTable(results);
}

function printTable(r: Record<string, any>): void {
  const rows: Array<[string, string]> = [
    ['Neo4j', String(r.neo4j)],
    ['machine', r.machine],
    ['generate (s)', r.generateSeconds.toFixed(1)],
    ['load rows', String(r.load.rows)],
    ['load mode', r.load.mode],
    ['load total (s)', r.load.seconds.toFixed(1)],
    ['load rows/s (wall)', String(r.load.rowsPerSecond)],
    ['CPU s (Neo4j / Node)', `${r.load.cpuSecondsNeo4j?.toFixed(0) ?? '?'} / ${r.load.cpuSecondsNode.toFixed(0)}`],
    ['  of which Neo4j JIT', r.load.cpuSecondsNeo4jJit?.toFixed(0) ?? '?'],
    ['rows per CPU-second', String(r.load.rowsPerCpuSecond ?? '?')],
    ['peak heap used (MB)', String(r.memory.peakHeapDuringLoad?.heapUsedMb ?? '?') + ` of ${r.memory.peakHeapDuringLoad?.heapMaxMb ?? '?'}`],
    ['page cache (setting)', String(r.memory.settings['server.memory.pagecache.size'] ?? '?')],
    ['store size (MB)', String(r.memory.storeSizeMb)],
    ['page cache used (MB)', `~${r.memory.pageCacheUsedMb}${r.memory.pageCacheUsedMb < r.memory.storeSizeMb ? ' (store larger than the cache)' : ' (the whole store fits)'}`],
    ['sample rows', String(r.batchedVsPerRow.sampleRows)],
    ['per-row tx rows/s', String(r.batchedVsPerRow.perRowRowsPerSecond)],
    ['batched rows/s (median of 3)', `${r.batchedVsPerRow.batchedRowsPerSecond} (runs ${r.batchedVsPerRow.batchedRunsSeconds.map((x: number) => Math.round(r.batchedVsPerRow.sampleRows / x)).join(', ')})`],
    ['batched / per-row', `${r.batchedVsPerRow.ratio}x`],
    ...Object.entries(r.batchSizeRowsPerSecond as Record<string, number>).map(([b, v]): [string, string] => [`batch ${b} rows/s`, String(v)]),
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  console.log('\nLoad benchmark (contended shared machine: compare ratios, not absolutes)');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
  console.log('  written to bench-results/load.json');
}
