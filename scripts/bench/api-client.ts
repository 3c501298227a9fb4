/**
 * Load-generating client for the API benchmark, run as its own process (forked by api.ts) so the
 * server's event loop is not shared with the clients. Input: one JSON argument; output: one JSON
 * line with the LoadResult.
 *
 * The requests go over a minimal wire-level HTTP/1.1 client (http-wire-lib.ts), in the manner of
 * autocannon: the client shares the 2 cores with the server and Neo4j, and every millisecond it
 * spends is taken from the server being measured. fetch (undici) spent ~1.3-1.5 ms CPU per
 * request here, node:http ~0.3 ms (with the light check below), this client 0.15-0.18 ms.
 */
import { closedLoop, ownCpuMs } from './api-lib';
import { postBytes, WireConnection } from './http-wire-lib';

/**
 * Every response must be a 200 whose body is the neighbourhood and nothing after it (errors, even
 * partial ones, come as "data": null or as an "errors" list after the data); one in
 * FULL_CHECK_EVERY is parsed whole. Parsing every 25 kB body cost this process ~0.08 ms of the 2
 * shared cores per request, taken from the server being measured (the usual load generators,
 * autocannon among them, read status codes only).
 */
const OK_PREFIX = Buffer.from('{"data":{"neighbourhood":{"nodes":[');
const OK_SUFFIX = Buffer.from('}}}');
const FULL_CHECK_EVERY = 25;

/** `total` and `seconds` come as null when unbounded (JSON has no Infinity). */
interface Job { url: string; token: string; ids: string[]; hops: number; total: number | null; seconds: number | null; concurrency: number; offset: number; query: string }

const looksWhole = (body: Buffer): boolean =>
  body.length > OK_PREFIX.length + OK_SUFFIX.length
  && body.subarray(0, OK_PREFIX.length).equals(OK_PREFIX) && body.subarray(body.length - OK_SUFFIX.length).equals(OK_SUFFIX);

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]) as Job;
  const url = new URL(job.url);
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${job.token}`, 'x-justification-purpose': 'analysis', 'x-justification': 'BENCH-API-1' };
  const requests = new Map<string, Buffer>();
  const requestFor = (id: string): Buffer => {
    let bytes = requests.get(id);
    if (!bytes) requests.set(id, (bytes = postBytes(url, headers, JSON.stringify({ query: job.query, variables: { ids: [id], hops: job.hops } }))));
    return bytes;
  };
  // One connection per closed-loop worker: at most `concurrency` requests are in flight.
  const idle = await Promise.all(Array.from({ length: job.concurrency }, () => WireConnection.open(url)));
  const cpu0 = ownCpuMs();
  const result = await closedLoop(job.concurrency, job.total ?? Infinity, async (i) => {
    const conn = idle.pop()!;
    try {
      const res = await conn.request(requestFor(job.ids[(i * 7 + job.offset) % job.ids.length]));
      if (res.status !== 200 || !looksWhole(res.body)) throw new Error(`${res.status} ${res.body.toString('utf8', 0, 300)}`);
      if (i % FULL_CHECK_EVERY === 0) {
        const body = JSON.parse(res.body.toString('utf8')) as { errors?: unknown; data?: { neighbourhood?: { nodes?: unknown[] } } };
        if (body.errors || !Array.isArray(body.data?.neighbourhood?.nodes)) throw new Error(`${res.status} ${JSON.stringify(body.errors)}`);
      }
    } finally {
      idle.push(conn);
    }
  }, job.seconds ?? Infinity);
  const client = +((ownCpuMs() - cpu0) / Math.max(1, result.count)).toFixed(2);
  idle.forEach((c) => c.close());
  process.stdout.write(`${JSON.stringify({ ...result, cpuMsPerRequest: { client } })}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
