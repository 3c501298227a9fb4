/**
 * `npm run bench -- analytics --scale force [--data-dir <store>] [--borough B01] [--quarter 2026-Q2] [--runs 3] [--page-cache 2048]`:
 * each analytic for one quarter over the whole force and over one borough within it, on the store
 * `npm run bench -- load --scale force --keep` leaves (the newest `.data/bench-load-force-*`
 * unless `--data-dir` names one). Median and max wall time, CPU of this process and of Neo4j,
 * Node heap growth and peak RSS, Neo4j heap peak. Writes bench-results/analytics-force.json.
 * Targets: ≤ 5 s an analytic for the force, ≤ 2 s for one borough.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as A from '../../server/modules/analytics';
import { viewerOf } from '../../server/platform/visibility';
import { QUARTERS } from '../../fixtures/generator/time';
import { neo4jPid } from './load-lib';
import { openForceStore } from './load-force-lib';
import { measure, type Timing } from './measure-lib';

const arg = (args: string[], name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

const FORCE_TARGET_MS = 5000;
const BOROUGH_TARGET_MS = 2000;

/** The analytics both benchmarks time, for one source (and so one scope). */
export const timedAnalytics = (src: A.AnalyticsSource, quarter: string): Array<[string, () => Promise<unknown>]> => [
  ['hotspots', () => A.hotspots(src, { quarter })],
  ['networkThemes', () => A.networkThemes(src, { quarter })],
  ['highHarmPersonsOfConcern', () => A.highHarmPersonsOfConcern(src, { quarter })],
  ['criticalMoments', () => A.criticalMoments(src, { quarter })],
  ['notYetReferred', () => A.notYetReferred(src, { quarter })],
  ['trends (8 quarters)', () => A.trends(src, { quarter })],
  ['disproportionality', () => A.disproportionality(src, { quarter })],
  ['youngAdults', () => A.youngAdults(src, { quarter })],
];

export async function runForceAnalytics(args: string[]): Promise<void> {
  const borough = arg(args, 'borough', 'B01');
  const quarter = arg(args, 'quarter', QUARTERS[6]);
  const runs = Number(arg(args, 'runs', '3'));
  const { dataDir, pageCacheMb, neo, driver } = await openForceStore(args);
  const pid = neo4jPid(path.resolve(dataDir));
  const results: Record<string, any> = {
    scale: 'force', dataDir: path.relative(process.cwd(), dataDir), borough, quarter, runs, heap: '2g', pageCacheMb, when: new Date().toISOString(),
    machine: `${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start (shared with other sessions)`,
  };
  try {
    const { records } = await driver.executeQuery('MATCH (n:Entity) RETURN count(n) AS nodes');
    results.nodes = records[0].get('nodes');
    console.log(`Force store ${results.dataDir}: ${results.nodes} records; measuring ${quarter} (${runs} runs each after a warm-up)`);
    const viewer = viewerOf({ role: 'police', agency: 'POLICE' });
    results.analytics = {};
    for (const [scope, b] of [['force', null], [borough, borough]] as const) {
      results.analytics[scope] = {};
      for (const [name, fn] of timedAnalytics({ driver, viewer, borough: b }, quarter)) {
        const t = await measure(driver, runs, fn, pid);
        results.analytics[scope][name] = t;
        console.log(`  ${scope} ${name}: median ${t.medianMs} ms`);
      }
    }
  } finally {
    await driver.close();
    await neo.stop();
  }
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/analytics-force.json', JSON.stringify(results, null, 2) + '\n');
  printTable(results);
}

function printTable(r: Record<string, any>): void {
  console.log(`\nAnalytics benchmark, force store (${r.nodes} records), quarter ${r.quarter}; page cache ${r.pageCacheMb} MB; ${r.machine}`);
  console.log('  scope  analytic                     median ms   max ms  CPU ms node  CPU ms neo4j  node heap +MB  neo4j heap peak MB  target');
  for (const [scope, byName] of Object.entries(r.analytics as Record<string, Record<string, Timing>>)) {
    const target = scope === 'force' ? FORCE_TARGET_MS : BOROUGH_TARGET_MS;
    for (const [name, t] of Object.entries(byName)) {
      console.log(`  ${scope.padEnd(6)} ${name.padEnd(28)} ${String(t.medianMs).padStart(9)} ${String(t.maxMs).padStart(8)} ${String(t.cpuNodeMs).padStart(12)} `
        + `${String(t.cpuNeo4jMs ?? '?').padStart(13)} ${String(t.nodeHeapGrowthMb).padStart(14)} ${String(t.neo4jHeapPeakMb ?? '?').padStart(19)}  `
        + `${t.medianMs <= target ? 'met' : 'NOT MET'} (${target / 1000} s)`);
    }
  }
  const all = Object.values(r.analytics as Record<string, Record<string, Timing>>).flatMap((b) => Object.values(b));
  console.log(`  node max RSS ${Math.max(...all.map((t) => t.nodeMaxRssMb))} MB; written to bench-results/analytics-force.json`);
}
