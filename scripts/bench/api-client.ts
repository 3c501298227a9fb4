/**
 * Load-generating client for the API benchmark, run as its own process (forked by api.ts) so the
 * server's event loop is not shared with the clients. Input: one JSON argument; output: one JSON
 * line with the LoadResult.
 */
import { closedLoop, ownCpuMs } from './api-lib';

interface Job { url: string; token: string; ids: string[]; hops: number; total: number; concurrency: number; offset: number; query: string }

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]) as Job;
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${job.token}`, 'x-justification': 'BENCH-API' };
  const cpu0 = ownCpuMs();
  const result = await closedLoop(job.concurrency, job.total, async (i) => {
    const id = job.ids[(i * 7 + job.offset) % job.ids.length];
    const res = await fetch(job.url, { method: 'POST', headers, body: JSON.stringify({ query: job.query, variables: { ids: [id], hops: job.hops } }) });
    const body = (await res.json()) as { errors?: unknown };
    if (res.status !== 200 || body.errors) throw new Error(JSON.stringify(body.errors));
  });
  const client = +((ownCpuMs() - cpu0) / Math.max(1, result.count)).toFixed(2);
  process.stdout.write(`${JSON.stringify({ ...result, cpuMsPerRequest: { client } })}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
