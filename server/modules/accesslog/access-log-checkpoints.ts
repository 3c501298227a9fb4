/**
 * Checkpoints of the access log kept outside the database.
 *
 * The hash chain alone proves only that the log is consistent with itself: someone who can write
 * to Neo4j could delete the newest entries and set the head back, or edit an entry and recompute
 * every hash after it (sha256 needs no key), and the chain would still verify. So the server
 * writes the head's sequence number and hash to a file every minute while the log grows.
 * Verification then also requires every checkpoint to be in the chain: a removed or rewritten
 * entry older than the last checkpoint is found. Entries newer than it are covered only by the
 * chain. Keep the file where the database's administrators cannot write (see
 * docs/access-matrix.md).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { appendCheckpoint, checkpointTime, readCheckpoints, type Checkpoint } from './checkpoint-file';

/** Neo4j's id of the database: set when the store is created, not writable through Cypher. */
export async function databaseId(driver: Driver, database: string): Promise<string> {
  const { records } = await driver.executeQuery('CALL db.info() YIELD id RETURN id', {}, { database });
  return String(records[0].get('id'));
}

/** The head, and the hash the log now holds for entry `seq` (the last one checkpointed). */
async function readHead(driver: Driver, database: string, seq: number): Promise<{ seq: number; hash: string; hashAtSeq: string | null }> {
  const { records } = await driver.executeQuery(
    `OPTIONAL MATCH (h:AccessLogHead {id: 'head'})
     OPTIONAL MATCH (e:AccessLogEntry {seq: $seq})
     RETURN h.seq AS seq, h.hash AS hash, e.hash AS hashAtSeq`, { seq: neo4j.int(seq) }, { database });
  const r = records[0];
  return { seq: Number(r.get('seq') ?? 0), hash: String(r.get('hash') ?? ''), hashAtSeq: r.get('hashAtSeq') as string | null };
}

export interface Checkpointer {
  /** Reads the head and writes a checkpoint if the log grew. Returns what it wrote, if anything. */
  tick(): Promise<Checkpoint | undefined>;
  stop(): Promise<void>;
}

/**
 * Checkpoints the log: a line each time the head has moved on, checked every `everyMs`. If the
 * entry last checkpointed has gone or changed, `alarm` says so at once (verification will fail);
 * a head that went back is not written.
 */
export function startCheckpoints(opts: {
  driver: Driver; database: string; file: string; everyMs?: number; alarm?: (message: string) => void;
}): Checkpointer {
  const alarm = opts.alarm ?? ((m: string) => console.error(m));
  let last: Checkpoint | undefined;
  let loaded = false;
  let alarmed = '';
  let running: Promise<Checkpoint | undefined> | undefined;

  async function once(): Promise<Checkpoint | undefined> {
    const db = await databaseId(opts.driver, opts.database);
    if (!loaded) {
      last = (await readCheckpoints([opts.file], db)).last;
      loaded = true;
    }
    const head = await readHead(opts.driver, opts.database, last?.seq ?? 0);
    // The entry last checkpointed must still be there, unchanged, however far the log has grown since.
    if (last && (head.seq < last.seq || head.hashAtSeq !== last.hash || (head.seq === last.seq && head.hash !== last.hash))) {
      const message = head.seq < last.seq
        ? `ACCESS LOG ALARM: the log now ends at entry ${head.seq}, but entry ${last.seq} was checkpointed at ${checkpointTime(last)}: entries were removed outside the log. Run npm run verify-log.`
        : `ACCESS LOG ALARM: entry ${last.seq} is not the one checkpointed at ${checkpointTime(last)}: the log was rewritten outside it. Run npm run verify-log.`;
      if (message !== alarmed) alarm(message);
      alarmed = message;
    }
    if (head.seq <= (last?.seq ?? 0)) return undefined;
    const c: Checkpoint = { db, seq: head.seq, hash: head.hash, at: new Date().toISOString() };
    appendCheckpoint(opts.file, c);
    last = c;
    return c;
  }

  const tick = (): Promise<Checkpoint | undefined> => {
    // One at a time: a slow tick is not overlapped by the next.
    running ??= once().finally(() => { running = undefined; });
    return running;
  };
  const timer = setInterval(() => {
    tick().catch((e: unknown) => alarm(`access-log checkpoint not written: ${(e as Error).message}`));
  }, opts.everyMs ?? 60_000);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
