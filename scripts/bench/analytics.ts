/**
 * Analytics benchmark (`npm run bench -- analytics [--scale borough|force] [--seed N] [--quarter 2026-Q2] [--runs 3]`),
 * on a fresh embedded Neo4j (2 GB heap, 512 MB page cache, as `npm start`):
 *  1. each analytic for one quarter: median and max wall time over `runs` after one warm-up,
 *     Node heap growth and peak RSS, Neo4j heap peak (JMX, sampled);
 *  2. where a choice was made, both figures: hotspots scored in TypeScript over event rows (used)
 *     vs computed entirely in Cypher; brokerage as a participation coefficient over Louvain
 *     communities (used) vs exact betweenness on a sampled subgraph;
 *  3. the planted-truth figures at this scale (precision, recall, ARI/NMI …).
 * CPU time of this process and of Neo4j is reported per run too: on a shared machine it says more
 * than wall time. `--uri bolt://… --user u --password p [--data-dir d]` measures an already loaded
 * database of the same scale and seed instead of starting and loading a fresh one.
 * Writes bench-results/analytics.json and prints a table. The machine is shared: compare ratios.
 * `--scale force`: analytics-force-lib.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { Driver } from 'neo4j-driver';
import betweenness from 'graphology-metrics/centrality/betweenness';
import Graph from 'graphology';
import { openDriver } from '../../server/platform/db/driver';
import { resolveNeo4j } from '../neo4j/launch';
import { migrate } from '../../server/platform/db/migrate';
import { load } from '../../server/platform/bulk/loader';
import { generate } from '../../fixtures/generator';
import type { Scale } from '../../fixtures/generator/types';
import * as A from '../../server/modules/analytics';
import { cypherFile } from '../../server/platform/db/query';
import { harmTable } from '../../server/domain/harm';
import { parseQuarter, previousQuarter } from '../../server/domain/period';
import { viewerOf } from '../../server/platform/visibility';
import { quarterPartition } from '../../server/modules/analytics/networks';
import { participationCoefficient } from '../../server/modules/analytics/highharm/brokerage';
import { evaluatePlanted } from '../../server/modules/analytics/__tests__/support/planted';
import { neo4jPid } from './load-lib';
import { measure, type Timing } from './measure-lib';
import { runForceAnalytics, timedAnalytics } from './analytics-force-lib';

const HOTSPOTS_DIR = path.resolve(__dirname, '..', '..', 'server', 'modules', 'analytics', 'hotspots');

const arg = (args: string[], name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

let neoPid: number | undefined;

async function hotspotsCypherOnly(driver: Driver, quarter: string): Promise<unknown> {
  const t = harmTable();
  const base = {
    kinds: ['Location', 'School', 'OnlineSpace'], viewer: viewerOf({ role: 'police', agency: 'POLICE' }), limit: neo4j.int(20),
    offences: t.offences, injuries: t.injuries, se3: t.grading['3x5x2'].sourceEval, se5: t.grading['5x5x5'].sourceEval,
    as: t.grading['3x5x2'].assessment, halfLife: t.recency.halfLifeDays,
  };
  const cur = parseQuarter(quarter);
  const prev = parseQuarter(previousQuarter(quarter));
  const [a, b] = await Promise.all([
    driver.executeQuery(cypherFile(HOTSPOTS_DIR, 'hotspot-scores-cypher-only'), { ...base, from: cur.start, to: cur.end }),
    driver.executeQuery(cypherFile(HOTSPOTS_DIR, 'hotspot-scores-cypher-only'), { ...base, from: prev.start, to: prev.end, limit: neo4j.int(100000) }),
  ]);
  return [a.records.length, b.records.length];
}

export async function run(args: string[] = []): Promise<void> {
  // The force is measured on the store its load benchmark keeps (analytics-force-lib.ts).
  if (arg(args, 'scale', 'borough') === 'force') return runForceAnalytics(args);
  const scale = arg(args, 'scale', 'borough') as Scale;
  const seed = Number(arg(args, 'seed', '1'));
  const runs = Number(arg(args, 'runs', '3'));
  const existing = arg(args, 'uri', '');
  const dataDir = existing ? arg(args, 'data-dir', '') : fs.mkdtempSync(path.join(os.tmpdir(), 'sg-bench-analytics-neo4j-'));
  const neo = existing
    ? { uri: existing, user: arg(args, 'user', 'neo4j'), password: arg(args, 'password', 'neo4j'), stop: async () => undefined }
    : await resolveNeo4j({ dataDir, port: 0, fresh: true, heap: '2g', pageCacheMb: 512, log: () => undefined });
  const driver = openDriver(neo.uri, neo.user, neo.password, { disableLosslessIntegers: true });
  neoPid = dataDir ? neo4jPid(dataDir) : undefined;
  const results: Record<string, any> = {
    scale, seed, runs, when: new Date().toISOString(),
    machine: `${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start (shared with other sessions)`,
  };
  try {
    if (!existing) await migrate(driver);
    let t0 = process.hrtime.bigint();
    const fixture = generate({ scale, seed });
    const quarter = arg(args, 'quarter', fixture.groundTruth.quarters[6]);
    results.quarter = quarter;
    results.generateMs = Math.round(ms(t0));
    if (existing) {
      results.load = { reused: existing };
    } else {
      t0 = process.hrtime.bigint();
      const summary = await load(driver, fixture.units);
      results.load = { rows: summary.rows, nodes: summary.nodesCreated, relationships: summary.relationshipsCreated, seconds: Math.round(ms(t0) / 100) / 10 };
    }
    await A.storeBaseline({ driver }, fixture.baseline);
    console.log(`${existing ? 'Reusing a loaded database' : `Loaded ${results.load.rows} rows in ${results.load.seconds} s`}; measuring ${quarter} (${runs} runs each after a warm-up)`);

    const src = { driver, viewer: viewerOf({ role: 'police', agency: 'POLICE' }) };
    const analytics = timedAnalytics(src, quarter);
    results.analytics = {};
    for (const [name, fn] of analytics) {
      results.analytics[name] = await measure(driver, runs, fn, neoPid);
      console.log(`  ${name}: median ${results.analytics[name].medianMs} ms`);
    }

    // Choices, both figures.
    const hsTs = results.analytics.hotspots as Timing;
    const hsCy = await measure(driver, runs, () => hotspotsCypherOnly(driver, quarter), neoPid);
    results.choices = {
      hotspots: {
        typescriptScoringMs: hsTs.medianMs, cypherOnlyMs: hsCy.medianMs, ratio: Math.round((hsCy.medianMs / hsTs.medianMs) * 100) / 100,
        typescriptCpuMs: { node: hsTs.cpuNodeMs, neo4j: hsTs.cpuNeo4jMs }, cypherOnlyCpuMs: { node: hsCy.cpuNodeMs, neo4j: hsCy.cpuNeo4jMs },
        used: 'typescript scoring over event rows (breakdown and evidence per place; pure, tested scorer)',
      },
    };
    // Brokerage: participation coefficient over Louvain (used) vs exact betweenness on a subgraph.
    const qp = await quarterPartition(src, quarter);
    t0 = process.hrtime.bigint();
    const communityOf = new Map<string, string>();
    qp.partition.communities.forEach((m, i) => m.forEach((x) => communityOf.set(x, `c${i}`)));
    for (const n of qp.graph.nodes()) participationCoefficient(qp.graph.neighbors(n), communityOf);
    const pcMs = ms(t0);
    // A connected sample (breadth-first from the best-connected node) keeps the graph's density.
    const start = qp.graph.nodes().reduce((a, b) => (qp.graph.degree(b) > qp.graph.degree(a) ? b : a));
    const keep = new Set<string>([start]);
    for (const queue = [start]; queue.length && keep.size < 2000;) {
      for (const nb of qp.graph.neighbors(queue.shift()!)) if (keep.size < 2000 && !keep.has(nb)) { keep.add(nb); queue.push(nb); }
    }
    const sampleNodes = [...keep];
    const sub = new Graph({ type: 'undirected' });
    sampleNodes.forEach((n) => sub.addNode(n));
    qp.graph.forEachEdge((_e, _a, x, y) => { if (keep.has(x) && keep.has(y)) sub.addUndirectedEdge(x, y); });
    t0 = process.hrtime.bigint();
    betweenness(sub, { getEdgeWeight: null });
    const btMs = ms(t0);
    results.choices.brokerage = {
      projection: { nodes: qp.graph.order, edges: qp.graph.size },
      louvainPlusParticipationMs: Math.round(pcMs),
      exactBetweennessSubgraph: { nodes: sub.order, edges: sub.size, ms: Math.round(btMs) },
      exactBetweennessFullEstimateMs: Math.round(btMs * (qp.graph.order / Math.max(1, sub.order)) ** 2),
      used: 'participation coefficient (betweenness is O(n·m): estimate scales with n² at fixed density)',
    };
    const planted = await evaluatePlanted(driver, fixture, quarter);
    results.planted = planted;
    results.checks = {
      'hotspot precision@10 >= 0.8': planted.hotspotPrecision >= 0.8,
      'transport hub not in top 10': planted.hubRank === null || planted.hubRank > 10,
      'high-harm recall@10 >= 0.8': planted.highHarmRecall >= 0.8,
      'prolific low-harm adult not in top 10': planted.prolificRank === null || planted.prolificRank > 10,
      'ARI or NMI >= 0.7': Math.max(planted.ari, planted.nmi) >= 0.7,
      'girls share of CCE: rising, significant': !!planted.trend?.significant && planted.trend.direction === 'rising',
      'all never-referred children found': planted.neverReferredFound === planted.neverReferredPlanted,
      'RHI rate equals raw rows': planted.rhiRate !== null && Math.abs(planted.rhiRate - (planted.rhiRateFromRows ?? -1)) < 1e-12,
      'no child ranked': planted.childrenInRanking === 0,
    };
  } finally {
    await driver.close();
    await neo.stop();
    if (!existing) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/analytics.json', JSON.stringify(results, null, 2) + '\n');
  printTable(results);
  if (Object.values(results.checks as Record<string, boolean>).some((ok) => !ok)) process.exitCode = 1;
}

function printTable(r: Record<string, any>): void {
  console.log(`\nAnalytics benchmark, ${r.scale} (seed ${r.seed}), quarter ${r.quarter}; ${r.machine}`);
  console.log(r.load.reused ? `  reused ${r.load.reused}\n` : `  load ${r.load.rows} rows in ${r.load.seconds} s\n`);
  console.log('  analytic                     median ms   max ms  CPU ms node  CPU ms neo4j  node heap +MB  neo4j heap peak MB');
  for (const [name, t] of Object.entries(r.analytics as Record<string, Timing>)) {
    console.log(`  ${name.padEnd(28)} ${String(t.medianMs).padStart(9)} ${String(t.maxMs).padStart(8)} ${String(t.cpuNodeMs).padStart(12)} ${String(t.cpuNeo4jMs ?? '?').padStart(13)} `
      + `${String(t.nodeHeapGrowthMb).padStart(14)} ${String(t.neo4jHeapPeakMb ?? '?').padStart(19)}`);
  }
  const h = r.choices.hotspots;
  console.log(`\n  hotspots: TypeScript scoring ${h.typescriptScoringMs} ms (CPU node ${h.typescriptCpuMs.node} + neo4j ${h.typescriptCpuMs.neo4j ?? '?'}) `
    + `vs Cypher-only ${h.cypherOnlyMs} ms (CPU node ${h.cypherOnlyCpuMs.node} + neo4j ${h.cypherOnlyCpuMs.neo4j ?? '?'}); wall ratio ${h.ratio}`);
  const b = r.choices.brokerage;
  console.log(`  brokerage: participation coefficient ${b.louvainPlusParticipationMs} ms over ${b.projection.nodes} nodes; exact betweenness `
    + `${b.exactBetweennessSubgraph.ms} ms on ${b.exactBetweennessSubgraph.nodes} nodes (≈ ${b.exactBetweennessFullEstimateMs} ms estimated for all)`);
  const p = r.planted;
  console.log(`  planted: hotspot precision@k ${p.hotspotPrecision}, high-harm recall@k ${p.highHarmRecall}, ARI ${p.ari.toFixed(3)}, NMI ${p.nmi.toFixed(3)}, `
    + `hub rank ${p.hubRank}, prolific rank ${p.prolificRank}, never-referred ${p.neverReferredFound}/${p.neverReferredPlanted}, trend p ${p.trend?.pValue}`);
  for (const [name, ok] of Object.entries(r.checks as Record<string, boolean>)) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}`);
  console.log(`  node max RSS ${Math.max(...Object.values(r.analytics as Record<string, Timing>).map((t) => t.nodeMaxRssMb))} MB; written to bench-results/analytics.json`);
}
