/**
 * The API benchmark's "bare HTTP" reference scenario: the same neighbourhood service (access
 * rules, presentation, the access-log entry) behind plain node:http, and nothing else: no express,
 * security headers, rate limits, sign-in or GraphQL. The product never serves it.
 *
 * It splits the API's cost in two. Bare HTTP / driver+log is what any HTTP API pays on these
 * cores (a request read from a socket, a JSON response written to one); API / bare HTTP is what the
 * GraphQL server with its protections adds on top.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers POST {variables} with {"data":{"neighbourhood": …}}, the API's body, so the load client checks both alike. */
export type BareHandler = (variables: { ids: string[]; hops: number }, justification: string) => Promise<unknown>;

export async function startBareHttp(handle: BareHandler): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      Promise.resolve()
        .then(() => handle((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables: Parameters<BareHandler>[0] }).variables, String(req.headers['x-justification'] ?? '')))
        .then((neighbourhood) => reply(200, { data: { neighbourhood } }), (e: Error) => reply(500, { errors: [{ message: e.message }] }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
