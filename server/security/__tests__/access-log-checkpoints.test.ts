/**
 * Checkpoints kept outside the database: what the hash chain alone cannot find (the newest
 * entries removed and the head set back; an entry rewritten with every later hash recomputed)
 * is found once a checkpoint was taken after it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { freshGraph, closeDriver, driver } from '../../../tests/support/db';
import { removeNewestEntries } from '../../../tests/support/tamper';
import { appendAccessLog, entryHash, systemActor, type AccessLogEntry } from '../access-log';
import { verifyAccessLog } from '../access-log-verify';
import { databaseId, readCheckpoints, startCheckpoints, type Checkpointer } from '../access-log-checkpoints';

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
const verify = () => verifyAccessLog(driver(), 'neo4j', { checkpoints: readCheckpoints(file) });

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
    expect(await verify()).toMatchObject({ ok: true, entries: 6, witness: { checked: 1, last: { seq: 5 } } });
  });
});

describe('the checkpointer', () => {
  it('writes a line only when the log grew, picks up its file after a restart, and alarms when the head went back', async () => {
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
    expect(readCheckpoints(file).map((c) => c.seq)).toEqual([3, 5]);

    await removeNewestEntries(4);
    expect(await restarted.tick()).toBeUndefined();
    expect(await restarted.tick()).toBeUndefined();
    expect(alarms).toEqual([expect.stringMatching(/^ACCESS LOG ALARM: the log now ends at entry 4, but entry 5 was checkpointed at .+: entries were removed outside the log/)]);
    expect(readCheckpoints(file).map((c) => c.seq)).toEqual([3, 5]);
    expect((await verify()).ok).toBe(false);
  });

  it('every checkpoint must match: an intact log checks all of them, and counts those of other databases apart', async () => {
    const c = checkpointer();
    for (let round = 0; round < 3; round++) {
      await append(4);
      await c.tick();
    }
    fs.appendFileSync(file, `${JSON.stringify({ db: 'another-database', seq: 99, hash: 'a'.repeat(64), at: '2026-01-01T00:00:00.000Z' })}\n`);
    expect(await verify()).toMatchObject({ ok: true, entries: 12, witness: { checked: 3, last: { seq: 12 }, otherDatabases: 1 } });
    expect(await verifyAccessLog(driver(), 'neo4j', { checkpoints: [] })).toMatchObject({ ok: true, witness: { checked: 0, otherDatabases: 0 } });
  });
});

describe('the checkpoint file', () => {
  it('is empty when missing; a damaged line is named with its field; a partial last line (a crash mid-write) is skipped', () => {
    expect(readCheckpoints(file)).toEqual([]);
    const good = JSON.stringify({ db: 'x', seq: 1, hash: 'b'.repeat(64), at: '2026-11-27T10:00:00.000Z' });
    fs.writeFileSync(file, `${good}\n{"db":"x","seq":2,"ha`);
    expect(readCheckpoints(file)).toHaveLength(1);
    for (const [line, field] of [
      [JSON.stringify({ db: 'x', seq: 0, hash: 'b'.repeat(64), at: '2026-11-27T10:00:00Z' }), 'seq'],
      [JSON.stringify({ db: 'x', seq: 2, hash: 'not-a-hash', at: '2026-11-27T10:00:00Z' }), 'hash'],
      [JSON.stringify({ seq: 2, hash: 'b'.repeat(64), at: '2026-11-27T10:00:00Z' }), 'db'],
      [JSON.stringify({ db: 'x', seq: 2, hash: 'b'.repeat(64), at: 'yesterday' }), 'at'],
      ['not json', 'not a JSON object'],
    ]) {
      fs.writeFileSync(file, `${good}\n${line}\n`);
      expect(() => readCheckpoints(file)).toThrow(`access-log checkpoints ${file}, line 2: ${field}`);
    }
  });
});
