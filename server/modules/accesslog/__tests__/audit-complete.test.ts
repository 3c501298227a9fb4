/**
 * The access log is complete: every id asked for (shown or not), a lookup that finds nothing
 * (one entry, the same for a hidden id and a missing one), the auditors' own reads; and
 * justifications are a purpose from the list plus a reference or reason, read as UTF-8, with
 * invisible characters refused by header name.
 */
import { apiOverGraph } from '../../../../tests/api/harness';
import { handBuiltGraph } from '../../../../tests/api/graph-fixture';
import { driver } from '../../../../tests/support/db';

interface Entry { seq: number; actorId: string; operation: string; justification: string; ids: string[]; detail: Record<string, unknown> }

const logCount = async () => Number((await driver().executeQuery('MATCH (e:AccessLogEntry) RETURN count(e) AS n')).records[0].get('n'));
/** The newest entries, read straight from the database (an auditor's read would add one). */
async function newest(n = 1): Promise<Entry[]> {
  const { records } = await driver().executeQuery(
    'MATCH (e:AccessLogEntry) RETURN e {.seq, .actorId, .operation, .justification, .ids, .detail} AS e ORDER BY e.seq DESC LIMIT toInteger($n)', { n }, { database: 'neo4j' });
  return records.map((r) => {
    const e = r.get('e');
    return { ...e, seq: Number(e.seq), detail: JSON.parse(e.detail) } as Entry;
  }).reverse();
}
/** What curl sends for UTF-8 text: its bytes (Node reads each byte as one Latin-1 character). */
const utf8Bytes = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
const SEARCH = '{ search(text: "Test Child") { items { id } } }';
const AUDIT = { justification: 'AUDIT-2026-Q4', purpose: 'audit' };

const api = apiOverGraph({ modules: ['search', 'profile', 'neighbourhood', 'accesslog'], graph: handBuiltGraph });

describe('every id asked for', () => {
  it('subgraph logs each id asked for, shown or not, and the ids shown', async () => {
    // poc1 is the police's, not shared: hidden from the partner; nobody-1 does not exist.
    const r = await api.gql('pam.partner', 'query Q($ids: [ID!]!) { subgraph(ids: $ids) { nodes { id } } }', { ids: ['yp2', 'poc1', 'nobody-1'] }, { justification: 'CASE-2026-17' });
    expect(r.body.data.subgraph.nodes.map((n: { id: string }) => n.id)).toEqual(['yp2']);
    const [e] = await newest();
    expect(e.ids).toEqual(['yp2']);
    expect(e.detail).toMatchObject({ query: 'subgraph', requested: ['yp2', 'poc1', 'nobody-1'] });
  });

  it('neighbourhood logs each seed asked for, shown or not', async () => {
    await api.gql('pam.partner', '{ neighbourhood(ids: ["yp2", "poc1"]) { nodes { id } } }', {}, { justification: 'CASE-2026-17' });
    const [e] = await newest();
    expect(e.detail).toMatchObject({ query: 'neighbourhood', seeds: ['yp2', 'poc1'] });
    expect(e.ids).not.toContain('poc1');
  });
});

describe('a lookup that finds nothing', () => {
  it('writes one entry, the same for a hidden id and a missing one, and auditors find it by the id', async () => {
    const entries: Entry[] = [];
    for (const id of ['poc1', 'nobody-1']) {
      const before = await logCount();
      const r = await api.gql('pam.partner', 'query Q($id: ID!) { profile(id: $id) { node { id } } }', { id }, { justification: 'CASE-2026-18' });
      expect(r.body.errors?.[0]).toMatchObject({ message: `No record ${id} that you may see`, extensions: { code: 'NOT_FOUND' } });
      expect(await logCount()).toBe(before + 1);
      entries.push((await newest())[0]);
    }
    const [hidden, missing] = entries.map(({ seq: _seq, ...e }) => ({ ...e, detail: { ...e.detail, id: '<id>' } }));
    expect(hidden).toEqual(missing);
    expect(hidden).toEqual({
      actorId: 'pam.partner', operation: 'consultation', justification: 'safeguarding-enquiry: CASE-2026-18', ids: [],
      detail: { query: 'profile', id: '<id>', found: false },
    });

    const probe = await api.gql('aud.auditor', '{ accessLog(filter: {recordId: "poc1", actorId: "pam.partner"}) { entries { seq } } }', {}, AUDIT);
    expect(probe.body.data.accessLog.entries.map((e: { seq: number }) => e.seq)).toContain(entries[0].seq);
  });
});

describe("the auditors' own reads", () => {
  it('need a justification, and each page read is logged with the entries it showed', async () => {
    const refused = await api.gql('aud.auditor', '{ accessLog(first: 3) { entries { seq } } }');
    expect(refused.body.errors?.[0].extensions?.code).toBe('JUSTIFICATION_REQUIRED');

    const before = await logCount();
    const r = await api.gql('aud.auditor', '{ accessLog(first: 3) { entries { seq detail } } }', {}, AUDIT);
    const shown = r.body.data.accessLog.entries.map((e: { seq: number }) => e.seq);
    expect(shown).toHaveLength(3);
    expect(await logCount()).toBe(before + 1);
    const [e] = await newest();
    expect(e).toMatchObject({ actorId: 'aud.auditor', operation: 'consultation', justification: 'audit: AUDIT-2026-Q4', ids: [] });
    expect(e.detail).toMatchObject({ query: 'accessLog', first: 3, entries: shown });
  });
});

describe('justifications', () => {
  it('are read as UTF-8: "Référence" is kept as typed, sent as bytes or in the RFC 8187 form', async () => {
    const raw = await api.gql('ana.analyst', SEARCH, {}, { headers: { 'x-justification-purpose': 'multi-agency-meeting', 'x-justification': utf8Bytes('Référence école Łódź 7') } });
    expect(raw.body.errors).toBeUndefined();
    expect((await newest())[0].justification).toBe('multi-agency-meeting: Référence école Łódź 7');

    const encoded = `UTF-8''${encodeURIComponent('Référence stratégie 8')}`;
    const rfc = await api.gql('ana.analyst', SEARCH, {}, { headers: { 'x-justification-purpose': 'analysis', 'x-justification': encoded } });
    expect(rfc.body.errors).toBeUndefined();
    expect((await newest())[0].justification).toBe('analysis: Référence stratégie 8');
  });

  it.each([
    ['a zero-width space', { justification: utf8Bytes('CASE-\u200B2026-19') }, 'BAD_USER_INPUT', 'x-justification', /^x-justification: an invisible character \(U\+200B zero width space\)/],
    ['a right-to-left override', { justification: utf8Bytes('\u202Eeno ot deliated') }, 'BAD_USER_INPUT', 'x-justification', /^x-justification: an invisible character \(U\+202E/],
    ['a Latin-1 byte (not UTF-8)', { justification: 'R\u00e9f\u00e9rence du cas' }, 'BAD_USER_INPUT', 'x-justification', /^x-justification: not valid UTF-8/],
    ['three characters', { justification: 'abc' }, 'BAD_USER_INPUT', 'x-justification', /case reference .* at least 10 visible characters/],
    ['no purpose', { justification: 'CASE-2026-19', purpose: null }, 'JUSTIFICATION_REQUIRED', undefined, /x-justification-purpose \(one of safeguarding-enquiry, multi-agency-meeting/],
    ['a purpose not on the list', { justification: 'CASE-2026-19', purpose: 'curiosity' }, 'BAD_USER_INPUT', 'x-justification-purpose', /^x-justification-purpose: must be one of/],
  ] as const)('with %s are refused, naming the header, and nothing is logged', async (_n, o, code, field, message) => {
    const before = await logCount();
    const r = await api.gql('ana.analyst', SEARCH, {}, o);
    expect(r.body.data?.search ?? null).toBeNull();
    expect(r.body.errors?.[0].extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(r.body.errors?.[0].message).toMatch(message);
    expect(await logCount()).toBe(before);
  });

  it('the workspace learns the purposes from me', async () => {
    const r = await api.gql('ana.analyst', '{ me { justificationPurposes { code label } } }');
    expect(r.body.data.me.justificationPurposes[0]).toEqual({ code: 'safeguarding-enquiry', label: 'Safeguarding enquiry' });
    expect(r.body.data.me.justificationPurposes.map((p: { code: string }) => p.code)).toContain('audit');
  });
});
