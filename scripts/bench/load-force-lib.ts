/**
 * `npm run bench -- load --scale force [--seed N] [--boroughs 10] [--borough-scale borough] [--keep]`:
 *  1. generates the force borough by borough and writes it as neo4j-admin CSV (one borough in
 *     memory at a time);
 *  2. imports it offline (`neo4j-admin database import full`) into an empty store under .data/:
 *     wall time, rows/s, records/s, store size, the importer's peak memory;
 *  3. starts Neo4j on the store, applies the schema migrations, sets the empty lists and stores
 *     the force's population baseline (what seeding writes besides the records);
 *  4. the online increment: one more borough (the next code) loaded into the force store with
 *     the online loader (staged, as any load over 50k rows): rows/s and CPU seconds.
 * Writes bench-results/load-force.json and prints a table. The load average is sampled
 * throughout: the machine is shared, so figures vary with what else runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from '../../server/platform/bulk/loader';
import { storeBaseline } from '../../server/modules/analytics';
import { AdminCsvWriter } from '../../server/platform/bulk/offline/csv-writer';
import { forceParts, generateBorough, forceBaseline, DEFAULT_FORCE_BOROUGHS } from '../../fixtures/generator/force';
import type { PopulationBaseline, Scale } from '../../fixtures/generator/types';
import { adminImportFull, storeDir } from '../neo4j/admin-import';
import { openImportedStore } from '../neo4j/offline-store';
import { startEmbedded, type RunningNeo4j } from '../neo4j/launch';
import { openDriver } from '../../server/platform/db/driver';
import type { Driver } from 'neo4j-driver';
import { cpuSeconds, neo4jPid, rowCount, storeSizeMb, watchPeakHeap } from './load-lib';

const arg = (args: string[], name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const since = (t: bigint): number => Number(process.hrtime.bigint() - t) / 1e9;
const round = (v: number, digits = 1): number => Math.round(v * 10 ** digits) / 10 ** digits;

function folderMb(dir: string): number {
  const walk = (d: string): number => fs.readdirSync(d, { withFileTypes: true })
    .reduce((s, e) => s + (e.isDirectory() ? walk(path.join(d, e.name)) : fs.statSync(path.join(d, e.name)).size), 0);
  return fs.existsSync(dir) ? Math.round(walk(dir) / 1048576) : 0;
}

/** Peak resident memory of a process (VmHWM), MB. */
function peakRssMb(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** The 1-minute load average every few seconds: mean and max over the run. */
function sampleLoadAverage(): { stop(): { mean: number; max: number; samples: number } } {
  const samples: number[] = [os.loadavg()[0]];
  const timer = setInterval(() => samples.push(os.loadavg()[0]), 5000);
  return {
    stop() {
      clearInterval(timer);
      return { mean: round(samples.reduce((s, v) => s + v, 0) / samples.length, 2), max: round(Math.max(...samples), 2), samples: samples.length };
    },
  };
}

/** The newest store a force load benchmark kept. */
export function keptForceStore(): string {
  const root = path.resolve('.data');
  const kept = fs.existsSync(root)
    ? fs.readdirSync(root).filter((d) => d.startsWith('bench-load-force-')).map((d) => path.join(root, d, 'store'))
      .filter((d) => fs.existsSync(d)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)
    : [];
  if (!kept.length) throw new Error('no force store: run `npm run bench -- load --scale force --keep` first, or pass --data-dir');
  return kept[0];
}

/**
 * Neo4j on the kept force store (`--data-dir`, else the newest), with the 2 GB heap and the page
 * cache (`--page-cache`, default 2048 MB) the force benchmarks measure with.
 */
export async function openForceStore(args: string[]): Promise<{ dataDir: string; pageCacheMb: number; neo: RunningNeo4j; driver: Driver }> {
  const dataDir = arg(args, 'data-dir', '') || keptForceStore();
  const pageCacheMb = Number(arg(args, 'page-cache', '2048'));
  const neo = await startEmbedded({ dataDir, port: 0, heap: '2g', pageCacheMb, log: () => undefined });
  return { dataDir, pageCacheMb, neo, driver: openDriver(neo.uri, neo.user, neo.password, { disableLosslessIntegers: true }) };
}

export async function runForce(args: string[]): Promise<void> {
  const seed = Number(arg(args, 'seed', '1'));
  const boroughs = Number(arg(args, 'boroughs', String(DEFAULT_FORCE_BOROUGHS)));
  const boroughScale = arg(args, 'borough-scale', 'borough') as Scale;
  const root = path.resolve('.data', `bench-load-force-${process.pid}`);
  const dataDir = path.join(root, 'store');
  const csvDir = path.join(root, 'csv');
  const loadAverage = sampleLoadAverage();
  const results: Record<string, any> = {
    scale: 'force', seed, boroughs, boroughScale, when: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start (shared)`,
  };
  const log = (line: string) => console.log(`  ${line}`);

  // 1. Generate and write, one borough at a time.
  let t = process.hrtime.bigint();
  const writer = new AdminCsvWriter(csvDir);
  const boroughBaselines: Record<string, PopulationBaseline> = {};
  let crossLinks: unknown;
  for (const part of forceParts({ seed, boroughs, boroughScale })) {
    writer.writePart(part.kind === 'borough' ? part.code : 'X', part.units);
    if (part.kind === 'borough') boroughBaselines[part.code] = part.baseline;
    else crossLinks = part.truth;
    log(`${part.kind === 'borough' ? part.code : 'cross-borough links'}: ${rowCount(part.units)} rows written (${round(since(t))} s)`);
  }
  const files = writer.finish();
  const rows = files.nodeRows + files.relRows;
  results.generateAndWrite = { seconds: round(since(t)), nodeRows: files.nodeRows, relRows: files.relRows, rows, csvMb: folderMb(csvDir), nodePeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, 'cross-borough-truth.json'), JSON.stringify(crossLinks, null, 2));

  // 2. The offline import.
  const imported = await adminImportFull({ dataDir, files, heap: '1g', maxOffHeap: '4g', log });
  results.offlineImport = {
    ...imported, seconds: round(imported.seconds), rowsPerSecond: Math.round(rows / imported.seconds),
    recordsPerSecond: Math.round((imported.nodes + imported.relationships) / imported.seconds),
    propertiesPerSecond: Math.round(imported.properties / imported.seconds), storeMb: folderMb(storeDir(dataDir)),
  };
  // The data files go; empty-lists.ndjson stays for step 3.
  for (const kind of ['nodes', 'rels']) fs.rmSync(path.join(csvDir, kind), { recursive: true, force: true });

  // 3. Start on the store; schema, empty lists and baseline.
  const store = await openImportedStore({
    dataDir, files, baseline: forceBaseline(Object.values(boroughBaselines), boroughs), boroughBaselines, heap: '2g', pageCacheMb: 2048, log: () => undefined,
    driverConfig: { disableLosslessIntegers: true },
  });
  const { driver } = store;
  const pid = neo4jPid(dataDir);
  try {
    // Records only: the migrations' and the baseline's own nodes are not counted.
    const { records } = await driver.executeQuery('MATCH (n:Entity) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels');
    results.afterImport = {
      startSeconds: round(store.startSeconds), migrateSeconds: round(store.migrateSeconds), emptyListRecords: store.emptyListRecords,
      nodes: records[0].get('nodes'), relationships: records[0].get('rels'),
    };

    // 4. The online increment: one more borough through the loader.
    t = process.hrtime.bigint();
    const extra = generateBorough(seed, boroughs, boroughScale);
    const extraRows = rowCount(extra.units);
    const generateSeconds = since(t);
    const heapWatch = watchPeakHeap(driver);
    const cpuNeo0 = pid ? cpuSeconds(pid) : undefined;
    const cpuSelf0 = process.cpuUsage();
    t = process.hrtime.bigint();
    let shown = 0;
    const summary = await load(driver, extra.units, {
      concurrency: 2,
      onProgress: (done) => {
        if (done - shown >= 100_000 || done === extraRows) { shown = done; log(`increment: ${done}/${extraRows} rows (${Math.round(done / since(t))} rows/s)`); }
      },
    });
    const seconds = since(t);
    const peakHeap = heapWatch.stop();
    const self = process.cpuUsage(cpuSelf0);
    results.onlineIncrement = {
      what: `one more ${boroughScale}-scale borough (${extra.code}) loaded with the online loader into the force store`,
      rows: extraRows, generateSeconds: round(generateSeconds), seconds: round(seconds), rowsPerSecond: Math.round(extraRows / seconds),
      nodesCreated: summary.nodesCreated, relationshipsCreated: summary.relationshipsCreated,
      cpuSecondsNeo4j: pid && cpuNeo0 !== undefined ? round(cpuSeconds(pid)! - cpuNeo0) : undefined, cpuSecondsNode: round((self.user + self.system) / 1e6),
      neo4jPeakHeap: peakHeap,
    };
    // The increment's borough has a population too: its own baseline, and the whole store's grows.
    await storeBaseline({ driver, database: 'neo4j' }, extra.baseline, extra.code);
    await storeBaseline({ driver, database: 'neo4j' }, forceBaseline([...Object.values(boroughBaselines), extra.baseline], boroughs + 1));
  } finally {
    results.neo4jPeakRssMb = peakRssMb(pid);
    await driver.close();
    await store.neo.stop();
  }
  results.storeMbAfterIncrement = storeSizeMb(dataDir);
  results.nodePeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  results.loadAverage = loadAverage.stop();
  if (!args.includes('--keep')) fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/load-force.json', JSON.stringify(results, null, 2) + '\n');
  printTable(results);
}

function printTable(r: Record<string, any>): void {
  const rows: Array<[string, string]> = [
    ['machine', r.machine],
    ['force', `${r.boroughs} boroughs of ${r.boroughScale} scale, seed ${r.seed}`],
    ['generate + write CSV (s)', String(r.generateAndWrite.seconds)],
    ['CSV rows (nodes / rels)', `${r.generateAndWrite.nodeRows} / ${r.generateAndWrite.relRows}`],
    ['CSV size (MB)', String(r.generateAndWrite.csvMb)],
    ['offline import (s)', String(r.offlineImport.seconds)],
    ['  rows/s', String(r.offlineImport.rowsPerSecond)],
    ['  records/s (nodes + rels)', String(r.offlineImport.recordsPerSecond)],
    ['  properties/s', String(r.offlineImport.propertiesPerSecond)],
    ['  importer peak RSS (MB)', `${r.offlineImport.peakRssMb ?? '?'} (it reports ${r.offlineImport.reportedPeakMemory ?? '?'})`],
    ['store after import (MB)', String(r.offlineImport.storeMb)],
    ['start / migrate (s)', `${r.afterImport?.startSeconds ?? '?'} / ${r.afterImport?.migrateSeconds ?? '?'}`],
    ['nodes / relationships', `${r.afterImport?.nodes ?? '?'} / ${r.afterImport?.relationships ?? '?'}`],
    ['online increment rows', String(r.onlineIncrement?.rows ?? '?')],
    ['  seconds', String(r.onlineIncrement?.seconds ?? '?')],
    ['  rows/s', String(r.onlineIncrement?.rowsPerSecond ?? '?')],
    ['  CPU s (Neo4j / Node)', `${r.onlineIncrement?.cpuSecondsNeo4j ?? '?'} / ${r.onlineIncrement?.cpuSecondsNode ?? '?'}`],
    ['  Neo4j peak heap (MB)', String(r.onlineIncrement?.neo4jPeakHeap?.heapUsedMb ?? '?')],
    ['store after increment (MB)', String(r.storeMbAfterIncrement)],
    ['peak RSS (Node / Neo4j, MB)', `${r.nodePeakRssMb} / ${r.neo4jPeakRssMb ?? '?'}`],
    ['load average (mean / max)', `${r.loadAverage.mean} / ${r.loadAverage.max}`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  console.log('\nForce load benchmark (shared machine: see the load average)');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
  console.log('  written to bench-results/load-force.json');
}
