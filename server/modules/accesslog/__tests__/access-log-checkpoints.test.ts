/**
 * Checkpoints kept outside the database: what the hash chain alone cannot find (the newest
 * entries removed and the head set back; an entry rewritten with every later hash recomputed)
 * is found once a checkpoint was taken after it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { removeNewestEntries } from '../../../../tests/support/tamper';
import { appendAccessLog, entryHash, systemActor, type AccessLogEntry } from '../access-log';
import { verifyAccessLog } from '../access-log-verify';
import { databaseId, startCheckpoints, type Checkpointer } from '../access-log-checkpoints';
import { CheckpointIndex, readCheckpoints } from '../checkpoint-file';

let dir: string;
let file: string;
const running: Checkpointer[] = [];
const alarms: string[] = [];
const checkpointer = (): Checkpointer => {
  const c = startCheckpoints({ driver: driver(), database: 'neo4j', file, everyMs: 3_600_000, alarm: (m) => alarms.push(m) });
  running.push(c);
  return c;
};
const append = (n: number) => Promise.all(Array.from({ length: n }, (_, i) =>
  appendAccessLog(systemActor('test', driver()), { operation: 'consultation', justification: `CASE-${i}`, ids: [`p${i}`] })));
const verify = async () => verifyAccessLog(driver(), 'neo4j', { checkpoints: await readCheckpoints([file], await databaseId(driver(), 'neo4j')) });
/** The sequence numbers written to the file, in order. */
const fileSeqs = () => fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { seq: number }).seq);

/** Someone with write access to Neo4j edits an entry and recomputes its hash and every later one (sha256 needs no key), then the head. */
async function rewrite(seq: number): Promise<void> {
  const { records } = await driver().executeQuery('MATCH (e:AccessLogEntry) RETURN e {.*, at: e.atText} AS e ORDER BY e.seq');
  let prevHash = '';
  for (const r of records) {
    const { hash, atText: _t, ...e } = r.get('e') as AccessLogEntry & { atText: string };
    if (e.seq < seq) { prevHash = hash; continue; }
    const edited = { ...e, prevHash, justification: e.seq === seq ? 'nothing to see' : e.justification, ids: [...e.ids], actorAgency: e.actorAgency ?? null };
    prevHash = entryHash(edited);
    await driver().executeQuery('MATCH (e:AccessLogEntry {seq: $seq}) SET e.justification = $j, e.prevHash = $p, e.hash = $h',
      { seq: neo4j.int(e.seq), j: edited.justification, p: edited.prevHash, h: prevHash });
  }
  await driver().executeQuery('MATCH (h:AccessLogHead) SET h.hash = $h', { h: prevHash });
}

beforeEach(async () => {
  await freshGraph();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoints-'));
  file = path.join(dir, 'checkpoints.jsonl');
  alarms.length = 0;
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.stop()));
  fs.rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => { await closeDriver(); });

describe('what the chain alone does not find', () => {
  it.each([
    ['the newest entries removed and the head set back', () => removeNewestEntries(6)],
    ['an entry rewritten with every later hash recomputed', () => rewrite(4)],
  ])('%s: unnoticed without checkpoints, found against one taken before', async (_name, tamper) => {
    await append(10);
    const taken = await checkpointer().tick();
    expect(taken).toMatchObject({ seq: 10, db: await databaseId(driver(), 'neo4j') });
    await tamper();

    expect(await verifyAccessLog(driver())).toMatchObject({ ok: true });
    const v = await verify();
    expect(v.ok).toBe(false);
    expect(v.reason).toMatch(/checkpointed outside the database/);
    expect(v.brokenAt).toBeLessThanOrEqual(10);
  });

  it('entries after the last checkpoint are covered by the chain only', async () => {
    await append(5);
    await checkpointer().tick();
    await append(3);
    await removeNewestEntries(6);
    expect(await verify()).toMatchObject({ ok: true, entries: 6, checkpoints: { checked: 1, last: { seq: 5 } } });
  });
});

describe('the checkpointer', () => {
  it('writes a line only when the log grew, picks up its file after a restart, and alarms when the entry last checkpointed went or changed', async () => {
    const first = checkpointer();
    expect(await first.tick()).toBeUndefined(); // empty log
    await append(3);
    expect((await first.tick())?.seq).toBe(3);
    expect(await first.tick()).toBeUndefined();
    await first.stop();

    const restarted = checkpointer();
    expect(await restarted.tick()).toBeUndefined(); // entry 3 is already in the file
    await append(2);
    expect((await restarted.tick())?.seq).toBe(5);
    expect(fileSeqs()).toEqual([3, 5]);

    await removeNewestEntries(4);
    expect(await restarted.tick()).toBeUndefined();
    expect(await restarted.tick()).toBeUndefined();
    expect(alarms).toEqual([expect.stringMatching(/^ACCESS LOG ALARM: the log now ends at entry 4, but entry 5 was checkpointed at .+: entries were removed outside the log/)]);
    expect(fileSeqs()).toEqual([3, 5]);
    expect((await verify()).ok).toBe(false);

    // The log grows past the removed entries: the new head is checkpointed, and the alarm says that
    // entry 5 is no longer the one checkpointed.
    await append(3);
    expect((await restarted.tick())?.seq).toBe(7);
    expect(alarms[1]).toMatch(/^ACCESS LOG ALARM: entry 5 is not the one checkpointed at .+: the log was rewritten outside it/);
    expect(await restarted.tick()).toBeUndefined();
    expect(alarms).toHaveLength(2);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 5 });
  });

  it('every checkpoint must match: an intact log checks all of them, and counts those of other databases apart', async () => {
    const c = checkpointer();
    for (let round = 0; round < 3; round++) {
      await append(4);
      await c.tick();
    }
    fs.appendFileSync(file, `${JSON.stringify({ db: 'another-database', seq: 99, hash: 'a'.repeat(64), at: '2026-01-01T00:00:00.000Z' })}\n`);
    expect(await verify()).toMatchObject({ ok: true, entries: 12, checkpoints: { checked: 3, last: { seq: 12 }, otherDatabases: 1 } });
    const none = new CheckpointIndex(await databaseId(driver(), 'neo4j'));
    expect(await verifyAccessLog(driver(), 'neo4j', { checkpoints: none })).toMatchObject({ ok: true, checkpoints: { checked: 0, otherDatabases: 0 } });
  });
});

describe('the checkpoint file', () => {
  const line = (seq: number, hash: string, db = 'x') => JSON.stringify({ db, seq, hash, at: '2026-11-27T10:00:00.000Z' });
  const A = 'a'.repeat(64);
  const B = 'b'.repeat(64);

  it('is empty when missing; a damaged line is named with its field; only a partial last line (a crash mid-write) is skipped', async () => {
    expect((await readCheckpoints([file], 'x')).last).toBeUndefined();
    fs.writeFileSync(file, `${line(1, B)}\n{"db":"x","seq":2,"ha`);
    expect((await readCheckpoints([file], 'x')).last?.seq).toBe(1);
    fs.writeFileSync(file, `${line(1, B)}\n{"db":"x","seq":2,"ha\n${line(3, B)}`);
    await expect(readCheckpoints([file], 'x')).rejects.toThrow(`access-log checkpoints ${file}, line 2: not a JSON object`);
    for (const [bad, field] of [
      [JSON.stringify({ db: 'x', seq: 0, hash: B, at: '2026-11-27T10:00:00Z' }), 'seq'],
      [JSON.stringify({ db: 'x', seq: 2, hash: 'not-a-hash', at: '2026-11-27T10:00:00Z' }), 'hash'],
      [JSON.stringify({ seq: 2, hash: B, at: '2026-11-27T10:00:00Z' }), 'db'],
      [JSON.stringify({ db: 'x', seq: 2, hash: B, at: 'yesterday' }), 'at'],
      ['not json', 'not a JSON object'],
    ]) {
      fs.writeFileSync(file, `${line(1, B)}\n${bad}\n`);
      await expect(readCheckpoints([file], 'x')).rejects.toThrow(`access-log checkpoints ${file}, line 2: ${field}`);
    }
  });

  it('reads only what the file held when reading began: a line being appended meanwhile is not taken for damage', async () => {
    fs.writeFileSync(file, `${line(1, A)}\n${line(2, B)}\n`);
    const reading = readCheckpoints([file], 'x');
    fs.appendFileSync(file, '{"db":"x","seq":3,'); // the server, halfway through writing its next line
    expect((await reading).last?.seq).toBe(2);
  });

  it("indexes one database's checkpoints from several files; two that disagree about an entry both count", async () => {
    const second = path.join(dir, 'second.jsonl');
    fs.writeFileSync(file, `${line(1, A)}\n${line(4, B)}\n${line(2, A, 'other')}\n`);
    fs.writeFileSync(second, `${line(4, B)}\n${line(6, A)}\n${line(3, A)}\n${line(6, B)}\n`);
    const index = await readCheckpoints([file, second], 'x');
    expect([index.last?.seq, index.otherDatabases]).toEqual([6, 1]);
    expect(index.check(1, A)).toEqual({ checkpointed: true });
    expect(index.check(1, B)).toEqual({ checkpointed: true, other: expect.objectContaining({ seq: 1, hash: A, at: '2026-11-27T10:00:00.000Z' }) });
    expect(index.check(2, A)).toEqual({ checkpointed: false });
    expect(index.check(3, A)).toEqual({ checkpointed: true });
    expect(index.check(4, B).other).toBeUndefined();
    expect(index.check(6, A).other).toMatchObject({ hash: B });
    expect(index.check(6, B).other).toMatchObject({ hash: A });
  });

  it('holds thousands of checkpoints, in any order', async () => {
    const hash = (seq: number) => seq.toString(16).padStart(64, '0');
    const seqs = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5000) + 1); // every number once, shuffled
    fs.writeFileSync(file, seqs.map((seq) => `${line(seq, hash(seq))}\n`).join(''));
    const index = await readCheckpoints([file], 'x');
    expect(index.last?.seq).toBe(5000);
    for (const seq of [1, 2, 2500, 4999, 5000]) expect(index.check(seq, hash(seq))).toEqual({ checkpointed: true });
    expect(index.check(5001, hash(5001))).toEqual({ checkpointed: false });
    expect(index.check(77, hash(78)).other).toMatchObject({ seq: 77, hash: hash(77) });
  });
});
