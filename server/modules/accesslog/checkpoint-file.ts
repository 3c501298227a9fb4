/**
 * The access log's checkpoint file (access-log-checkpoints.ts writes it): one JSON line per
 * checkpoint, `{"db","seq","hash","at"}`. Read as a stream into a compact index, because a year of
 * one-a-minute checkpoints is about half a million lines: kept as parsed objects, 560,400 of them
 * added 830 MB to the peak memory of a verification; as strings in a Map, 115 MB of heap.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

export interface Checkpoint {
  /** Neo4j's own id for the database (db.info()), so checkpoints of another database are told apart. */
  db: string;
  seq: number;
  hash: string;
  at: string;
}

/** A checkpoint's time as messages show it: 2026-11-27 22:54:53 UTC. */
export const checkpointTime = (c: Checkpoint): string => `${c.at.slice(0, 19).replace('T', ' ')} UTC`;

const HASH = /^[0-9a-f]{64}$/;

/** Parses one line; the error names the field. */
function parseCheckpoint(line: string): Checkpoint {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new Error('not a JSON object');
  }
  if (typeof v !== 'object' || v === null) throw new Error('not a JSON object');
  if (typeof v.db !== 'string' || !v.db) throw new Error('db: expected the database id');
  if (!Number.isSafeInteger(v.seq) || (v.seq as number) < 1) throw new Error('seq: expected a whole number from 1');
  if (typeof v.hash !== 'string' || !HASH.test(v.hash)) throw new Error('hash: expected 64 hex digits');
  if (typeof v.at !== 'string' || Number.isNaN(Date.parse(v.at))) throw new Error('at: expected a date and time');
  return { db: v.db, seq: v.seq as number, hash: v.hash, at: v.at };
}

/**
 * One database's checkpoints in flat binary arrays, sorted by sequence number when first checked:
 * 48 bytes each (sequence number, 32-byte hash, time). Several checkpoints of one entry are all
 * kept: if they disagree, the log changed between them.
 */
export class CheckpointIndex {
  private seqs = new Float64Array(1024);
  private times = new Float64Array(1024);
  private hashes = Buffer.alloc(32 * 1024);
  private size = 0;
  private sorted = true;
  last: Checkpoint | undefined;
  otherDatabases = 0;

  constructor(readonly db: string) {}

  add(c: Checkpoint): void {
    if (c.db !== this.db) {
      this.otherDatabases += 1;
      return;
    }
    if (this.size === this.seqs.length) this.resize(this.size * 2);
    if (this.size > 0 && c.seq < this.seqs[this.size - 1]) this.sorted = false;
    this.seqs[this.size] = c.seq;
    this.times[this.size] = Date.parse(c.at);
    this.hashes.write(c.hash, this.size * 32, 32, 'hex');
    this.size += 1;
    if (!this.last || c.seq > this.last.seq) this.last = c;
  }

  /** Whether entry `seq` is checkpointed, and a checkpoint of it with another hash, if any. */
  check(seq: number, hash: string): { checkpointed: boolean; other?: Checkpoint } {
    if (!this.sorted) this.sort();
    let i = this.firstAtOrAfter(seq);
    if (i >= this.size || this.seqs[i] !== seq) return { checkpointed: false };
    for (; i < this.size && this.seqs[i] === seq; i++) {
      if (this.hashAt(i) !== hash) return { checkpointed: true, other: this.checkpointAt(i) };
    }
    return { checkpointed: true };
  }

  /** Gives back the room left by growing in doubles once reading is done. */
  trim(): void {
    if (this.seqs.length > this.size) this.resize(Math.max(this.size, 1));
  }

  private firstAtOrAfter(seq: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.seqs[mid] < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private hashAt(i: number): string {
    return this.hashes.toString('hex', i * 32, i * 32 + 32);
  }

  private checkpointAt(i: number): Checkpoint {
    return { db: this.db, seq: this.seqs[i], hash: this.hashAt(i), at: new Date(this.times[i]).toISOString() };
  }

  private resize(capacity: number): void {
    const seqs = new Float64Array(capacity);
    seqs.set(this.seqs.subarray(0, this.size));
    const times = new Float64Array(capacity);
    times.set(this.times.subarray(0, this.size));
    const hashes = Buffer.alloc(capacity * 32);
    this.hashes.copy(hashes, 0, 0, this.size * 32);
    [this.seqs, this.times, this.hashes] = [seqs, times, hashes];
  }

  /** Files from several servers interleave: order by sequence number, keeping file order within one. */
  private sort(): void {
    const order = Uint32Array.from({ length: this.size }, (_, i) => i).sort((a, b) => this.seqs[a] - this.seqs[b] || a - b);
    const [seqs, times, hashes] = [this.seqs, this.times, this.hashes];
    this.seqs = new Float64Array(this.size);
    this.times = new Float64Array(this.size);
    this.hashes = Buffer.alloc(this.size * 32);
    order.forEach((from, to) => {
      this.seqs[to] = seqs[from];
      this.times[to] = times[from];
      hashes.copy(this.hashes, to * 32, from * 32, from * 32 + 32);
    });
    this.sorted = true;
  }
}

/**
 * This database's checkpoints from the files (none from a file that does not exist yet). A
 * damaged line fails with the file, line number and field; only a partial last line (a crash
 * while appending) is skipped.
 */
export async function readCheckpoints(files: readonly string[], db: string): Promise<CheckpointIndex> {
  const index = new CheckpointIndex(db);
  for (const file of files) {
    const size = sizeOf(file);
    if (!size) continue;
    const endsWithNewline = byteAt(file, size - 1) === 0x0a;
    // Only what was there at the start: the server may append while an auditor verifies.
    const input = fs.createReadStream(file, { encoding: 'utf8', end: size - 1 });
    let lineNo = 0;
    let pending: Error | undefined;
    for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
      lineNo += 1;
      if (pending) throw pending;
      if (!line.trim()) continue;
      try {
        index.add(parseCheckpoint(line));
      } catch (e) {
        pending = new Error(`access-log checkpoints ${file}, line ${lineNo}: ${(e as Error).message}`);
      }
    }
    if (pending && endsWithNewline) throw pending;
  }
  index.trim();
  return index;
}

/** The file's size; undefined if it does not exist (yet). */
function sizeOf(file: string): number | undefined {
  try {
    return fs.statSync(file).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function byteAt(file: string, position: number): number {
  const fd = fs.openSync(file, 'r');
  try {
    const one = Buffer.alloc(1);
    fs.readSync(fd, one, 0, 1, position);
    return one[0];
  } finally {
    fs.closeSync(fd);
  }
}

/** Appends one line and flushes it to disk. */
export function appendCheckpoint(file: string, c: Checkpoint): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const fd = fs.openSync(file, 'a');
  try {
    fs.writeSync(fd, `${JSON.stringify(c)}\n`);
    fs.fdatasyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
