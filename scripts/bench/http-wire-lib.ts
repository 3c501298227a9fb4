/**
 * A minimal HTTP/1.1 keep-alive client for load generation, in the manner of autocannon: requests
 * are bytes built once, and a response is framed (status line, Content-Length or chunked body)
 * without node:http's parser objects, streams and agent. On 2 shared cores every millisecond the
 * load generator spends is taken from the server being measured.
 */
import net from 'node:net';

export interface WireResponse { status: number; body: Buffer }

/** The bytes of one POST, sent as they are on every use. */
export function postBytes(url: URL, headers: Record<string, string>, body: string): Buffer {
  const payload = Buffer.from(body, 'utf8');
  const lines = [`POST ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`, 'connection: keep-alive',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `content-length: ${payload.length}`];
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload]);
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

/**
 * Frames responses out of the bytes a connection receives. push() returns the responses that are
 * complete; bytes of the next one are kept. Errors (bad framing) throw.
 */
export class ResponseReader {
  private buf: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): WireResponse[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: WireResponse[] = [];
    for (let r = this.next(); r; r = this.next()) out.push(r);
    return out;
  }

  private next(): WireResponse | undefined {
    const end = this.buf.indexOf(HEADER_END);
    if (end < 0) return undefined;
    const head = this.buf.toString('latin1', 0, end);
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1]);
    if (!status) throw new Error(`not an HTTP response: ${head.slice(0, 80)}`);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    const start = end + HEADER_END.length;
    if (length) {
      const stop = start + Number(length[1]);
      if (this.buf.length < stop) return undefined;
      return this.take(status, this.buf.subarray(start, stop), stop);
    }
    if (!/\r\ntransfer-encoding: *chunked/i.test(head)) throw new Error('response without content-length or chunked body');
    return this.dechunk(status, start);
  }

  /** A chunked body, once all of it (up to the empty last chunk and its CRLF) has arrived. */
  private dechunk(status: number, start: number): WireResponse | undefined {
    const parts: Buffer[] = [];
    let at = start;
    for (;;) {
      const eol = this.buf.indexOf(CRLF, at);
      if (eol < 0) return undefined;
      const size = parseInt(this.buf.toString('latin1', at, eol), 16);
      if (Number.isNaN(size)) throw new Error('bad chunk size');
      const dataEnd = eol + 2 + size;
      if (this.buf.length < dataEnd + 2) return undefined;
      if (size === 0) return this.take(status, Buffer.concat(parts), dataEnd + 2);
      parts.push(this.buf.subarray(eol + 2, dataEnd));
      at = dataEnd + 2;
    }
  }

  private take(status: number, body: Buffer, consumed: number): WireResponse {
    if (consumed === this.buf.length) {
      this.buf = Buffer.alloc(0);
      return { status, body };
    }
    // Bytes of the next response follow: copy this body out rather than keep them all alive.
    const copy = Buffer.from(body);
    this.buf = this.buf.subarray(consumed);
    return { status, body: copy };
  }
}

/** One keep-alive connection; one request at a time (a closed-loop worker). */
export class WireConnection {
  private readonly reader = new ResponseReader();
  private waiting: { resolve: (r: WireResponse) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;

  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const r of this.reader.push(chunk)) this.settle((w) => w.resolve(r));
      } catch (e) {
        this.fail(e as Error);
      }
    });
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => this.fail(new Error('connection closed')));
  }

  static open(url: URL): Promise<WireConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(url.port || 80), url.hostname, () => resolve(new WireConnection(socket)));
      socket.once('error', reject);
    });
  }

  request(bytes: Buffer): Promise<WireResponse> {
    if (this.socket.destroyed) this.failure ??= new Error('connection closed');
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiting) return Promise.reject(new Error('one request at a time'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(bytes);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private settle(fn: (w: { resolve: (r: WireResponse) => void; reject: (e: Error) => void }) => void): void {
    const w = this.waiting;
    this.waiting = undefined;
    if (w) fn(w);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.settle((w) => w.reject(e));
  }
}
