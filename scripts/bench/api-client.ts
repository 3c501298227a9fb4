/**
 * Load-generating client for the API benchmark, run as its own process (forked by api.ts) so the
 * server's event loop is not shared with the clients. Input: one JSON argument; output: one JSON
 * line with the LoadResult.
 *
 * Plain node:http with keep-alive rather than fetch: the client shares the 2 cores with the server
 * and Neo4j, and fetch (undici) spent ~1.3-1.5 ms CPU per request here against ~0.5 ms for
 * node:http — load-generator CPU the driver scenarios (in-process loops) do not pay. Each response
 * is still read whole, parsed and checked (status 200, no errors).
 */
import http from 'node:http';
import { closedLoop, ownCpuMs } from './api-lib';

/**
 * Every response must be a 200 whose body is the neighbourhood and nothing after it (errors, even
 * partial ones, come as "data": null or as an "errors" list after the data); one in
 * FULL_CHECK_EVERY is parsed whole. Parsing every 25 kB body cost this process ~0.08 ms of the 2
 * shared cores per request, taken from the server being measured (the usual load generators,
 * autocannon among them, read status codes only).
 */
const OK_PREFIX = '{"data":{"neighbourhood":{"nodes":[';
const OK_SUFFIX = '}}}';
const FULL_CHECK_EVERY = 25;

interface Job { url: string; token: string; ids: string[]; hops: number; total: number; concurrency: number; offset: number; query: string }

function post(url: URL, agent: http.Agent, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent,
      headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]) as Job;
  const url = new URL(job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${job.token}`, 'x-justification': 'BENCH-API' };
  const cpu0 = ownCpuMs();
  const result = await closedLoop(job.concurrency, job.total, async (i) => {
    const id = job.ids[(i * 7 + job.offset) % job.ids.length];
    const res = await post(url, agent, headers, JSON.stringify({ query: job.query, variables: { ids: [id], hops: job.hops } }));
    if (res.status !== 200 || !res.text.startsWith(OK_PREFIX) || !res.text.endsWith(OK_SUFFIX)) throw new Error(`${res.status} ${res.text.slice(0, 300)}`);
    if (i % FULL_CHECK_EVERY === 0) {
      const body = JSON.parse(res.text) as { errors?: unknown; data?: { neighbourhood?: { nodes?: unknown[] } } };
      if (body.errors || !Array.isArray(body.data?.neighbourhood?.nodes)) throw new Error(`${res.status} ${JSON.stringify(body.errors)}`);
    }
  });
  const client = +((ownCpuMs() - cpu0) / Math.max(1, result.count)).toFixed(2);
  agent.destroy();
  process.stdout.write(`${JSON.stringify({ ...result, cpuMsPerRequest: { client } })}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
