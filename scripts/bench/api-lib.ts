/** Closed-loop load: `concurrency` workers, each sending one request after the other. */
export interface LoadResult {
  count: number; errors: number; seconds: number; p50: number; p95: number; p99: number; mean: number;
  /** CPU milliseconds per request, by process (filled in by api.ts; the client process reports its own). */
  cpuMsPerRequest?: Record<string, number>;
  /** Access-log entries per commit (group commit), when the scenario logs. */
  logEntriesPerCommit?: number;
}

export const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

/**
 * Sends `total` requests, or fewer when `maxSeconds` is given and has passed: no request starts after
 * it (those in flight finish and count).
 */
export async function closedLoop(concurrency: number, total: number, once: (i: number) => Promise<void>, maxSeconds = Infinity): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(Math.min(maxSeconds, 1e6) * 1e9));
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total && process.hrtime.bigint() < deadline) {
      const i = next++;
      const t0 = process.hrtime.bigint();
      try {
        await once(i);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      } catch {
        errors++;
      }
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    count: latencies.length, errors, seconds: r(seconds),
    p50: r(percentile(latencies, 50)), p95: r(percentile(latencies, 95)), p99: r(percentile(latencies, 99)),
    mean: r(latencies.reduce((s, x) => s + x, 0) / Math.max(1, latencies.length)),
  };
}

/** CPU time (user + system, ms) of this process so far. */
export const ownCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * With ten clients on two saturated cores a closed loop's latency follows the CPU one request
 * costs, all processes together (measured: the p50 ratios ran 5-6 % above the CPU ratios). So
 * the API server's CPU per request that would put the API at `target` times the baseline is
 * target × the baseline's CPU − what an API request costs outside the server (Neo4j, the client).
 */
export const serverCpuBudgetMs = (target: number, baselineCpuMs: number, apiOutsideServerCpuMs: number): number =>
  +(target * baselineCpuMs - apiOutsideServerCpuMs).toFixed(2);
