import path from 'node:path';
/** The access log: appends chain, concurrent appends serialise, tampering is detected. */
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { appendAccessLog, appendAccessLogTx, systemActor } from '../access-log';
import { verifyAccessLog, VERIFY_PAGE } from '../access-log-verify';
import neo4j from 'neo4j-driver';
import { cypherFile } from '../../../platform/db/query';
import type { RequestContext } from '../../../platform/context';

const ctx = (): RequestContext => ({
  user: { id: 'ana.analyst', name: 'Ana Analyst (demo)', role: 'analyst' },
  justification: 'CASE-1', requestId: 'req-1', driver: driver(), database: 'neo4j',
});

describe('access log (real Neo4j)', () => {
  beforeEach(async () => { await freshGraph(); });
  afterAll(async () => { await closeDriver(); });

  it('chains entries; 40 concurrent appends give 40 consecutive sequence numbers and a valid chain', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) =>
      appendAccessLog(i % 2 ? ctx() : systemActor('import', driver()), { operation: 'consultation', justification: `CASE-${i}`, ids: [`p${i}`] })));
    const { records } = await driver().executeQuery('MATCH (e:AccessLogEntry) RETURN collect(e.seq) AS seqs');
    expect([...(records[0].get('seqs') as number[])].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await verifyAccessLog(driver())).toEqual({ ok: true, entries: 40 });
  });

  it.each([
    ['an edited justification', "MATCH (e:AccessLogEntry {seq: 2}) SET e.justification = 'nothing to see'"],
    ['an edited id list', "MATCH (e:AccessLogEntry {seq: 2}) SET e.ids = []"],
    ['an edited time', "MATCH (e:AccessLogEntry {seq: 2}) SET e.at = e.at + duration('PT1H')"],
    ['a deleted middle entry', 'MATCH (e:AccessLogEntry {seq: 2}) DELETE e'],
    ['a deleted last entry', 'MATCH (e:AccessLogEntry {seq: 3}) DELETE e'],
  ])('detects %s', async (_name, tamper) => {
    for (let i = 0; i < 3; i++) await appendAccessLog(ctx(), { operation: 'consultation', justification: 'CASE-1', ids: ['p1', 'p2'] });
    expect((await verifyAccessLog(driver())).ok).toBe(true);
    await driver().executeQuery(tamper);
    const v = await verifyAccessLog(driver());
    expect(v.ok).toBe(false);
    expect(v.brokenAt).toBeGreaterThanOrEqual(2);
  });

  it('stays one chain when another process appends in between (stale cached head)', async () => {
    await appendAccessLog(ctx(), { operation: 'consultation', justification: 'CASE-A', ids: ['a'] });
    const other = driver().session();
    try {
      await other.executeWrite((tx) => appendAccessLogTx(tx, systemActor('other-process', driver()), { operation: 'collection', justification: 'IMPORT', ids: ['b'] }));
    } finally {
      await other.close();
    }
    await appendAccessLog(ctx(), { operation: 'consultation', justification: 'CASE-C', ids: ['c'] });
    expect(await verifyAccessLog(driver())).toEqual({ ok: true, entries: 3 });
  });

  it('a page of the log reads only its own entries, in seq index order, however long the log', async () => {
    await Promise.all(Array.from({ length: 300 }, (_, i) => appendAccessLog(ctx(), { operation: 'consultation', justification: `CASE-${i}`, ids: [`p${i}`] })));
    type Plan = { operatorType: string; rows: number; children: Plan[] };
    const operators = (p: Plan): Plan[] => [p, ...p.children.flatMap(operators)];
    const profile = async (query: string, params: Record<string, unknown>) => {
      const session = driver().session();
      try {
        const r = await session.run(`PROFILE ${query}`, params);
        return { rows: r.records.length, operators: operators(r.summary.profile as unknown as Plan) };
      } finally {
        await session.close();
      }
    };
    const verifyPage = await profile(VERIFY_PAGE, { after: neo4j.int(0), limit: neo4j.int(10) });
    const auditorPage = await profile(cypherFile(path.join(__dirname, '..'), 'entries'), {
      before: null, from: null, to: null, actorId: null, operation: null, recordId: null, recordIdJson: null, withIds: true, limit: neo4j.int(10),
    });
    for (const page of [verifyPage, auditorPage]) {
      expect(page.rows).toBe(10);
      // Entries are read out (projected) only for the page, and no sort over the whole log.
      const readOut = page.operators.filter((o) => o.operatorType.startsWith('Projection'));
      expect(readOut.length).toBeGreaterThan(0);
      expect(Math.max(...readOut.map((o) => o.rows))).toBeLessThanOrEqual(10);
      expect(page.operators.map((o) => o.operatorType).filter((t) => /^(Sort|Top|PartialSort|PartialTop)/.test(t))).toEqual([]);
    }
    expect(await verifyAccessLog(driver(), 'neo4j', { pageSize: 7 })).toEqual({ ok: true, entries: 300 });
  });

  it('verifies while entries are still being appended (a live log): the check follows the head instead of calling it broken', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => appendAccessLog(ctx(), { operation: 'consultation', justification: `CASE-${i}`, ids: [`p${i}`] })));
    let appending = true;
    let appended = 0;
    const writer = (async () => {
      while (appending) {
        await appendAccessLog(ctx(), { operation: 'consultation', justification: 'CASE-LIVE', ids: ['p-live'] });
        appended += 1;
      }
    })();
    try {
      for (let round = 0; round < 10; round++) {
        const v = await verifyAccessLog(driver(), 'neo4j', { pageSize: 4 });
        expect(v).toMatchObject({ ok: true });
        expect(v.entries).toBeGreaterThanOrEqual(30);
      }
    } finally {
      appending = false;
      await writer;
    }
    expect(appended).toBeGreaterThan(10);
    expect(await verifyAccessLog(driver())).toEqual({ ok: true, entries: 30 + appended });
  });

  it('a log cut short behind its head, or grown past it outside the log, fails verification', async () => {
    for (let i = 0; i < 5; i++) await appendAccessLog(ctx(), { operation: 'consultation', justification: `CASE-${i}`, ids: [`p${i}`] });
    await driver().executeQuery('MATCH (e:AccessLogEntry {seq: 5}) DETACH DELETE e', {}, { database: 'neo4j' });
    expect(await verifyAccessLog(driver())).toMatchObject({ ok: false, entries: 4, reason: expect.stringMatching(/head says 5 entries but the chain holds 4: entries were removed/) });
    // The head moved back by hand to the last entry: the chain verifies again.
    await driver().executeQuery(`MATCH (h:AccessLogHead {id: 'head'}), (e:AccessLogEntry {seq: 4}) SET h.seq = 4, h.hash = e.hash`, {}, { database: 'neo4j' });
    expect(await verifyAccessLog(driver())).toMatchObject({ ok: true, entries: 4 });
    // One more appended, then the head moved back behind it: the chain holds an entry the head does not.
    await appendAccessLog(ctx(), { operation: 'consultation', justification: 'CASE-5', ids: ['p5'] });
    await driver().executeQuery(`MATCH (h:AccessLogHead {id: 'head'}), (e:AccessLogEntry {seq: 4}) SET h.seq = 4, h.hash = e.hash`, {}, { database: 'neo4j' });
    expect(await verifyAccessLog(driver())).toMatchObject({ ok: false, entries: 5, reason: expect.stringMatching(/head says 4 entries but the chain holds 5: entries were added outside the log/) });
  });

  it('an empty log verifies', async () => {
    expect(await verifyAccessLog(driver())).toEqual({ ok: true, entries: 0 });
  });
});
