/**
 * Proves the access log's hash chain: every entry's hash recomputed from its fields, each entry
 * pointing at its predecessor's hash, sequence numbers without gaps, and the head matching the
 * last entry. Any edit, deletion or insertion made without recomputing the hashes breaks one of
 * these. With the checkpoints kept outside the database (access-log-checkpoints.ts), the chain must
 * also hold every checkpointed hash: that finds entries removed from the end, or rewritten with
 * recomputed hashes, up to the last checkpoint.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { AccessLogEntry, entryHash, GENESIS_HASH } from './access-log';
import { checkpointTime, type Checkpoint, type CheckpointIndex } from './checkpoint-file';

export interface VerifyResult {
  ok: boolean;
  entries: number;
  /** First sequence number at which the chain breaks. */
  brokenAt?: number;
  reason?: string;
  /** Present when checkpoints were given: how many of this database's were found in the chain. */
  checkpoints?: { checked: number; last?: Checkpoint; otherDatabases: number };
}

export interface VerifyOptions {
  pageSize?: number;
  /** This database's checkpoints kept outside the database (readCheckpoints). */
  checkpoints?: CheckpointIndex;
}

/**
 * One page in sequence order. ORDER BY and LIMIT come before the entries are read out, so Neo4j
 * walks the seq index in order and reads only the page: with the projection first it read every
 * entry after $after for each page, and verifying 1.7 million entries had not finished in 12 minutes.
 */
export const VERIFY_PAGE = `MATCH (e:AccessLogEntry) WHERE e.seq > $after
WITH e ORDER BY e.seq LIMIT $limit
RETURN e {.*, at: e.atText, atMillis: e.at.epochMillis} AS e`;

/** The head as one committed transaction left it: the last entry's sequence number and hash. */
async function readHead(driver: Driver, database: string): Promise<{ seq: number; hash: string }> {
  const { records } = await driver.executeQuery(
    `OPTIONAL MATCH (h:AccessLogHead {id: 'head'}) RETURN h.seq AS seq, h.hash AS hash`, {}, { database });
  return { seq: records[0].get('seq') ?? 0, hash: records[0].get('hash') ?? GENESIS_HASH };
}

export async function verifyAccessLog(driver: Driver, database = 'neo4j', opts: VerifyOptions = {}): Promise<VerifyResult> {
  const pageSize = opts.pageSize ?? 5000;
  const index = opts.checkpoints;
  let prevHash = GENESIS_HASH;
  let expectSeq = 1;
  let count = 0;
  let checked = 0;
  const summary = (): Pick<VerifyResult, 'checkpoints'> =>
    (index ? { checkpoints: { checked, last: index.last, otherDatabases: index.otherDatabases } } : {});
  const fail = (seq: number, reason: string): VerifyResult => ({ ok: false, entries: count, brokenAt: seq, reason, ...summary() });
  /** Reads on from entry `expectSeq` to the end of the log; a failure if the chain breaks. */
  const walk = async (seen: (seq: number, hash: string) => void): Promise<VerifyResult | undefined> => {
    for (;;) {
      const { records } = await driver.executeQuery(VERIFY_PAGE, { after: neo4j.int(expectSeq - 1), limit: neo4j.int(pageSize) }, { database });
      for (const r of records) {
        const raw = r.get('e') as AccessLogEntry & { atMillis: number; atText: string };
        if (raw.seq !== expectSeq) return fail(expectSeq, `entry ${expectSeq} is missing (next is ${raw.seq})`);
        if (raw.prevHash !== prevHash) return fail(raw.seq, `entry ${raw.seq} does not point at the previous entry's hash`);
        if (Date.parse(raw.at) !== raw.atMillis) return fail(raw.seq, `entry ${raw.seq}: its time was altered`);
        const { hash, atMillis: _m, atText: _t, ...fields } = raw;
        const recomputed = entryHash({ ...fields, ids: [...(fields.ids ?? [])], actorAgency: fields.actorAgency ?? null });
        if (recomputed !== hash) return fail(raw.seq, `entry ${raw.seq}: content does not match its hash`);
        const kept = index?.check(raw.seq, hash);
        if (kept?.other) {
          return fail(raw.seq, `entry ${raw.seq} is not the entry checkpointed outside the database at ${checkpointTime(kept.other)}: the log was rewritten at or before it`);
        }
        if (kept?.checkpointed) checked += 1;
        seen(raw.seq, hash);
        prevHash = hash;
        expectSeq += 1;
        count += 1;
      }
      if (records.length < pageSize) return undefined;
    }
  };
  // A live log grows while it is read. The head read before the walk names an entry the chain must
  // reach with that hash (fewer entries, or another hash there, means entries were removed or
  // rewritten); the head read after it may be further on (appends since), never behind the chain
  // (entries added outside the log, without moving the head).
  const before = await readHead(driver, database);
  let hashAtBefore = before.seq === 0 ? GENESIS_HASH : undefined;
  const walked = await walk((seq, hash) => { if (seq === before.seq) hashAtBefore = hash; });
  if (walked) return walked;
  if (count < before.seq || hashAtBefore !== before.hash) {
    return fail(Math.min(count + 1, before.seq), `the head says ${before.seq} entries but the chain holds ${count === before.seq ? 'another entry there' : count}: entries were removed or rewritten outside the log`);
  }
  const after = await readHead(driver, database);
  if (after.seq < count) {
    return fail(after.seq + 1, `the head says ${after.seq} entries but the chain holds ${count}: entries were added outside the log`);
  }
  if (index?.last && index.last.seq > count) {
    return fail(count + 1, `entry ${index.last.seq} was checkpointed outside the database at ${checkpointTime(index.last)}, but the log now ends at entry ${count}: entries were removed`);
  }
  return { ok: true, entries: count, ...summary() };
}
