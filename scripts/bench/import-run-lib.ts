/**
 * One import in its own process, for the import benchmark (scripts/bench/import.ts): peak memory
 * and CPU are then the import's own, not the benchmark's (which holds the generated borough).
 * Usage: node --import tsx scripts/bench/import-run-lib.ts <uri> <dir> [--apply] [--concurrency N]
 * Prints one JSON line: the report's counts and timings, wall seconds, peak RSS / heap, CPU.
 */
import { openDriver } from '../../server/platform/db/driver';
import { runImport } from '../../server/modules/import/run';

async function main(): Promise<void> {
  const [uri, dir, ...flags] = process.argv.slice(2);
  const driver = openDriver(uri, process.env.BENCH_NEO4J_USER ?? 'neo4j', process.env.BENCH_NEO4J_PASSWORD ?? 'neo4j', { disableLosslessIntegers: true });
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); }, 100);
  const startRss = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  try {
    const c = flags.indexOf('--concurrency');
    const r = await runImport(driver, dir, { apply: flags.includes('--apply'), concurrency: c >= 0 ? Number(flags[c + 1]) : undefined });
    const seconds = (Date.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(timer);
    console.log(JSON.stringify({
      seconds, read: r.read, created: r.created, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected, issues: r.issues.slice(0, 5),
      issueCount: r.issues.length, applied: r.applied, timings: r.timings,
      startRssMb: Math.round(startRss / 1048576), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), peakHeapMb: Math.round(peakHeap / 1048576),
      nodeCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1),
    }));
  } finally {
    clearInterval(timer);
    await driver.close();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
