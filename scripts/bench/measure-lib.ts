/** Timing one analytic (or pack) on a shared machine: wall time, CPU of both processes, peak memory. */
import { execFileSync } from 'node:child_process';
import type { Driver } from 'neo4j-driver';
import { median } from '../../server/domain/median';
import { cpuSeconds, heapNow } from './load-lib';

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const mb = (b: number): number => Math.round(b / 1048576);

export interface Timing { medianMs: number; maxMs: number; runsMs: number[]; cpuNodeMs: number; cpuNeo4jMs: number | null; nodeHeapGrowthMb: number; nodeMaxRssMb: number; neo4jHeapPeakMb: number | null }

/** Median and max over `runs` after a warm-up, with the CPU of this process and of Neo4j (`pid`) and peak memory. */
export async function measure(driver: Driver, runs: number, fn: () => Promise<unknown>, pid: number | undefined): Promise<Timing> {
  await fn(); // warm-up: query plans and page cache
  const times: number[] = [];
  let neoPeak: number | null = null;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const h = await heapNow(driver);
      if (h && (neoPeak === null || h.heapUsedMb > neoPeak)) neoPeak = h.heapUsedMb;
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  (global as { gc?: () => void }).gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let heapPeak = heap0;
  const cpuNode: number[] = [];
  const cpuNeo: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const n0 = pid ? cpuSeconds(pid) : undefined;
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(ms(t0));
    const c = process.cpuUsage(c0);
    cpuNode.push((c.user + c.system) / 1000);
    const n1 = pid ? cpuSeconds(pid) : undefined;
    if (n0 !== undefined && n1 !== undefined) cpuNeo.push((n1 - n0) * 1000);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  sampling = false;
  await sampler;
  return {
    medianMs: Math.round(median(times)), maxMs: Math.round(Math.max(...times)), runsMs: times.map(Math.round),
    cpuNodeMs: Math.round(median(cpuNode)), cpuNeo4jMs: cpuNeo.length ? Math.round(median(cpuNeo)) : null,
    nodeHeapGrowthMb: mb(heapPeak - heap0), nodeMaxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), neo4jHeapPeakMb: neoPeak,
  };
}

/** RSS (MB) of every process below this one (Chromium and its renderers). */
function childrenRssMb(): number {
  try {
    const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' }).trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
    const below = new Set([process.pid]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [pid, ppid] of rows) if (below.has(ppid) && !below.has(pid)) { below.add(pid); grew = true; }
    }
    return Math.round(rows.filter(([pid]) => pid !== process.pid && below.has(pid)).reduce((s, r) => s + r[2], 0) / 1024);
  } catch {
    return 0;
  }
}

export interface Peak { nodeRssMb: number; nodeHeapMb: number; chromiumRssMb: number; neo4jHeapMb: number | null }

export async function sampled<T>(driver: Driver, fn: () => Promise<T>): Promise<{ value: T; ms: number; peak: Peak }> {
  const peak: Peak = { nodeRssMb: 0, nodeHeapMb: 0, chromiumRssMb: 0, neo4jHeapMb: null };
  let on = true;
  const sampler = (async () => {
    while (on) {
      const m = process.memoryUsage();
      peak.nodeRssMb = Math.max(peak.nodeRssMb, mb(m.rss));
      peak.nodeHeapMb = Math.max(peak.nodeHeapMb, mb(m.heapUsed));
      peak.chromiumRssMb = Math.max(peak.chromiumRssMb, childrenRssMb());
      const h = await heapNow(driver);
      if (h) peak.neo4jHeapMb = Math.max(peak.neo4jHeapMb ?? 0, h.heapUsedMb);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const t0 = process.hrtime.bigint();
  try {
    const value = await fn();
    return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6, peak };
  } finally {
    on = false;
    await sampler;
  }
}

/** The highest of each figure over several sampled runs. */
export const maxPeak = (peaks: Peak[]): Peak => peaks.reduce((p, t) => ({
  nodeRssMb: Math.max(p.nodeRssMb, t.nodeRssMb), nodeHeapMb: Math.max(p.nodeHeapMb, t.nodeHeapMb),
  chromiumRssMb: Math.max(p.chromiumRssMb, t.chromiumRssMb), neo4jHeapMb: Math.max(p.neo4jHeapMb ?? 0, t.neo4jHeapMb ?? 0),
}), { nodeRssMb: 0, nodeHeapMb: 0, chromiumRssMb: 0, neo4jHeapMb: 0 });
