/** The benchmark's wire-level HTTP client: framing by hand, checked against node:http's server. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { postBytes, ResponseReader, WireConnection } from '../http-wire-lib';

const bytes = (s: string) => Buffer.from(s, 'latin1');

describe('ResponseReader', () => {
  it('frames a Content-Length body split anywhere, and two responses arriving together', () => {
    const one = 'HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello world';
    const two = 'HTTP/1.1 404 Not Found\r\ncontent-length: 3\r\n\r\nno!';
    for (let cut = 1; cut < one.length; cut++) {
      const r = new ResponseReader();
      expect(r.push(bytes(one.slice(0, cut)))).toEqual([]);
      const got = r.push(bytes(one.slice(cut) + two));
      expect(got.map((x) => [x.status, x.body.toString()])).toEqual([[200, 'hello world'], [404, 'no!']]);
    }
  });

  it('joins a chunked body only once its last chunk has arrived', () => {
    const wire = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n';
    for (let cut = 1; cut < wire.length; cut++) {
      const r = new ResponseReader();
      const first = r.push(bytes(wire.slice(0, cut)));
      const got = [...first, ...r.push(bytes(wire.slice(cut)))];
      expect(got.map((x) => [x.status, x.body.toString()])).toEqual([[200, 'hello world']]);
    }
  });

  it('refuses what is not HTTP, or a body it cannot frame', () => {
    expect(() => new ResponseReader().push(bytes('SSH-2.0-x\r\n\r\n'))).toThrow(/not an HTTP response/);
    expect(() => new ResponseReader().push(bytes('HTTP/1.1 200 OK\r\n\r\nbody'))).toThrow(/content-length or chunked/);
  });
});

describe('WireConnection', () => {
  let server: http.Server;
  let url: URL;
  const seen: Array<{ method?: string; path?: string; auth?: string; body: string }> = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        seen.push({ method: req.method, path: req.url, auth: req.headers.authorization, body });
        // Both framings node:http sends: a whole body (Content-Length) and writes (chunked).
        if (body.includes('chunked')) { res.write('{"a":'); res.end('1}'); } else res.end(`{"echo":${body}}`);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql?x=1`);
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends the same request bytes again and again on one kept-alive connection', async () => {
    const conn = await WireConnection.open(url);
    const request = postBytes(url, { authorization: 'Bearer t', 'content-type': 'application/json' }, '{"q":"é"}');
    for (let i = 0; i < 3; i++) {
      const r = await conn.request(request);
      expect([r.status, r.body.toString('utf8')]).toEqual([200, '{"echo":{"q":"é"}}']);
    }
    const chunked = await conn.request(postBytes(url, {}, '"chunked"'));
    expect(chunked.body.toString()).toBe('{"a":1}');
    conn.close();
    expect(seen.slice(0, 3)).toEqual(Array(3).fill({ method: 'POST', path: '/graphql?x=1', auth: 'Bearer t', body: '{"q":"é"}' }));
    await expect(conn.request(request)).rejects.toThrow(/closed/);
  });
});
