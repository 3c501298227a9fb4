/**
 * The access log end to end: every person-level read writes exactly one entry with its
 * justification and the ids returned; no justification → JUSTIFICATION_REQUIRED and no entry;
 * auditors (only) query, verify and export; tampering fails verification, and removing the newest
 * entries fails it once a checkpoint outside the database has seen them.
 */
import { apiOverGraph } from '../../../../tests/api/harness';
import { handBuiltGraph } from '../../../../tests/api/graph-fixture';
import { freshGraph, driver } from '../../../../tests/support/db';
import { removeNewestEntries } from '../../../../tests/support/tamper';
import fs from 'node:fs';
import { config } from '../../../platform/config';
import { startCheckpoints } from '../access-log-checkpoints';
import { VERIFY_PAGE } from '../access-log-verify';
import { verify } from '../accesslog.service';
import type { RequestContext } from '../../../platform/context';

const logCount = async () => Number((await driver().executeQuery('MATCH (e:AccessLogEntry) RETURN count(e) AS n')).records[0].get('n'));
const AUDIT = { justification: 'AUDIT-2026-Q4', purpose: 'audit' };
/** The newest entry before this read (the read itself is logged after it). */
const lastEntry = async () => (await api.gql('aud.auditor', '{ accessLog(first: 1) { entries { seq actorId actorRole operation justification ids detail } } }', {}, AUDIT)).body.data.accessLog.entries[0];

const READS: Array<[string, string, Record<string, unknown>]> = [
  ['search', 'query Q($t: String!) { search(text: $t) { items { id } } }', { t: 'Test Child' }],
  ['profile', 'query Q($id: ID!) { profile(id: $id) { node { id } timeline { id } relationships { other { id } } } }', { id: 'yp1' }],
  ['neighbourhood', 'query Q($ids: [ID!]!) { neighbourhood(ids: $ids, hops: 2) { nodes { id } } }', { ids: ['yp1'] }],
  ['subgraph', 'query Q($ids: [ID!]!) { subgraph(ids: $ids) { nodes { id } } }', { ids: ['yp1', 'yp2'] }],
];

const api = apiOverGraph({ modules: ['search', 'profile', 'neighbourhood', 'accesslog'], graph: handBuiltGraph });

describe('access log', () => {
  it.each(READS)('%s without a justification fails with JUSTIFICATION_REQUIRED and logs nothing', async (_n, q, vars) => {
    const before = await logCount();
    const r = await api.gql('ana.analyst', q, vars);
    expect(r.body.errors?.[0].extensions?.code).toBe('JUSTIFICATION_REQUIRED');
    expect(r.body.data).toBeNull();
    expect(await logCount()).toBe(before);
  });

  it.each(READS)('%s writes exactly one entry with its justification and the ids returned', async (name, q, vars) => {
    const before = await logCount();
    const r = await api.gql('pat.police', q, vars, { justification: `CASE-${name}-42` });
    expect(r.body.errors).toBeUndefined();
    expect(await logCount()).toBe(before + 1);
    const e = await lastEntry();
    expect(e).toEqual(expect.objectContaining({ actorId: 'pat.police', actorRole: 'police', operation: 'consultation', justification: `safeguarding-enquiry: CASE-${name}-42` }));
    const returned = JSON.stringify(r.body.data).match(/"id":"([^"]+)"/g)!.map((m) => m.slice(6, -1));
    expect(new Set(e.ids)).toEqual(new Set(returned));
    expect(JSON.parse(e.detail).query).toBe(name);
  });

  it('only auditors read the log', async () => {
    for (const u of ['ana.analyst', 'pat.police', 'lee.lead', 'pam.partner', 'adm.admin']) {
      expect((await api.gql(u, '{ accessLog { entries { seq } } }')).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('auditors filter by record and operation, and page', async () => {
    const r = await api.gql('aud.auditor', '{ accessLog(filter: {recordId: "yp2", operation: consultation}, first: 2) { entries { seq ids idCount } nextBefore } }', {}, AUDIT);
    const page = r.body.data.accessLog;
    expect(page.entries).toHaveLength(2);
    expect(page.entries.every((e: any) => e.ids.includes('yp2'))).toBe(true);
    expect(page.entries.map((e: any) => e.idCount)).toEqual(page.entries.map((e: any) => e.ids.length));
    expect(page.nextBefore).toBe(page.entries[1].seq);
  });

  it('exports as CSV (logged as a disclosure) and verifies; a tampered entry fails verification', async () => {
    const before = await logCount();
    const ex = await api.gql('aud.auditor', 'mutation { exportAccessLog(format: CSV) { count content } }', {}, AUDIT);
    expect(ex.body.data.exportAccessLog.count).toBe(before);
    expect(ex.body.data.exportAccessLog.content.split('\n')[0]).toBe('seq,at,actorId,actorName,actorRole,actorAgency,operation,justification,ids,detail,requestId,prevHash,hash');
    expect((await lastEntry()).operation).toBe('disclosure');
    const ok = (await api.gql('aud.auditor', '{ verifyAccessLog { ok entries } }')).body.data.verifyAccessLog;
    expect(ok).toEqual({ ok: true, entries: before + 2 }); // the export and the auditor's read
    await driver().executeQuery("MATCH (e:AccessLogEntry {seq: 2}) SET e.justification = 'edited later'");
    const bad = (await api.gql('aud.auditor', '{ verifyAccessLog { ok brokenAt reason } }')).body.data.verifyAccessLog;
    expect(bad).toEqual(expect.objectContaining({ ok: false, brokenAt: 2 }));
  });
});

describe('checkpoints kept outside the database', () => {
  beforeAll(async () => { await freshGraph(); });
  const VERIFY = '{ verifyAccessLog { ok entries brokenAt reason checkpoints lastCheckpoint { seq at } } }';

  it('verification counts them, finds the newest entries removed behind one, and reports a damaged file', async () => {
    const file = config().ACCESS_LOG_CHECKPOINTS;
    for (const t of ['Test Child', 'Test Adult', 'Test Place']) {
      await api.gql('ana.analyst', 'query Q($t: String!) { search(text: $t) { items { id } } }', { t }, { justification: 'CASE-CP-1' });
    }
    expect((await api.gql('aud.auditor', VERIFY)).body.data.verifyAccessLog).toEqual({
      ok: true, entries: 3, brokenAt: null, reason: null, checkpoints: 0, lastCheckpoint: null,
    });
    const c = startCheckpoints({ driver: driver(), database: 'neo4j', file, everyMs: 3_600_000 });
    const taken = await c.tick();
    await c.stop();
    expect((await api.gql('aud.auditor', VERIFY)).body.data.verifyAccessLog).toEqual({
      ok: true, entries: 3, brokenAt: null, reason: null, checkpoints: 1, lastCheckpoint: { seq: 3, at: taken!.at },
    });

    await removeNewestEntries(1);
    const removed = (await api.gql('aud.auditor', VERIFY)).body.data.verifyAccessLog;
    expect(removed).toMatchObject({ ok: false, entries: 1, brokenAt: 2, checkpoints: 0, lastCheckpoint: { seq: 3 } });
    expect(removed.reason).toMatch(/^entry 3 was checkpointed outside the database at .+, but the log now ends at entry 1: entries were removed$/);

    fs.appendFileSync(file, 'half a line that is not JSON\n');
    const damaged = (await api.gql('aud.auditor', VERIFY)).body.data.verifyAccessLog;
    expect(damaged).toMatchObject({ ok: false, reason: `access-log checkpoints ${file}, line 2: not a JSON object` });
  });

  it('auditors who ask while a check is running share it: one pass over the log, not one each', async () => {
    const auditor: RequestContext = {
      user: { id: 'aud.auditor', name: 'Aud Auditor (demo)', role: 'auditor' },
      requestId: 'req-audit', driver: driver(), database: 'neo4j',
    };
    fs.rmSync(config().ACCESS_LOG_CHECKPOINTS, { force: true }); // the test above damaged it
    const spy = jest.spyOn(driver(), 'executeQuery');
    const pages = () => spy.mock.calls.filter(([q]) => q === VERIFY_PAGE).length;
    try {
      await verify(auditor);
      const onePass = pages();
      expect(onePass).toBeGreaterThan(0);
      spy.mockClear();
      const [first, second] = await Promise.all([verify(auditor), verify(auditor)]);
      expect(second).toBe(first);
      expect(pages()).toBe(onePass);
      spy.mockClear();
      await verify(auditor); // once it has finished, the next one checks again
      expect(pages()).toBe(onePass);
    } finally {
      spy.mockRestore();
    }
  });
});
