/**
 * recordExport over HTTP: a disclosure entry per export, written with its justification; only
 * records the caller was shown (and links between them); refusals.
 */
import { apiOverGraph } from '../../../../tests/api/harness';
import { handBuiltGraph } from '../../../../tests/api/graph-fixture';
import { driver } from '../../../../tests/support/db';

const RECORD = 'mutation R($input: ExportInput!) { recordExport(input: $input) { seq at count } }';

async function disclosures(): Promise<{ actorId: string; justification: string; ids: string[]; detail: string }[]> {
  const { records } = await driver().executeQuery(
    "MATCH (e:AccessLogEntry {operation: 'disclosure'}) RETURN e.actorId AS actorId, e.justification AS justification, e.ids AS ids, e.detail AS detail ORDER BY e.seq");
  return records.map((r) => r.toObject() as never);
}

const api = apiOverGraph({ modules: ['export', 'neighbourhood'], graph: handBuiltGraph });
const NEIGHBOURHOOD = 'query N($ids: [ID!]!) { neighbourhood(ids: $ids) { nodes { id } edges { id } } }';

describe('recordExport (workspace exports are disclosures)', () => {
  let shown: { nodes: string[]; edges: string[] };
  beforeAll(async () => {
    const r = await api.gql('ana.analyst', NEIGHBOURHOOD, { ids: ['yp2'] }, { justification: 'CASE-77 strategy meeting' });
    const g = r.body.data.neighbourhood;
    shown = { nodes: g.nodes.map((n: { id: string }) => n.id), edges: g.edges.map((e: { id: string }) => e.id) };
    expect(shown.nodes).toEqual(expect.arrayContaining(['yp1', 'yp2', 'sch1']));
    expect(shown.edges.length).toBeGreaterThan(0);
  });

  it('writes one disclosure entry with who, why, the ids and the format', async () => {
    const before = (await disclosures()).length;
    const r = await api.gql('ana.analyst', RECORD, { input: { format: 'CSV', ids: ['yp1', 'sch1', 'yp1'], investigationId: 'inv-9' } }, { justification: 'CASE-77 strategy meeting' });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.recordExport.count).toBe(2);
    const log = await disclosures();
    expect(log.length).toBe(before + 1);
    const e = log[log.length - 1];
    expect(e).toEqual(expect.objectContaining({ actorId: 'ana.analyst', justification: 'safeguarding-enquiry: CASE-77 strategy meeting', ids: ['yp1', 'sch1'] }));
    expect(JSON.parse(e.detail)).toEqual(expect.objectContaining({ format: 'CSV', investigationId: 'inv-9' }));
  });

  it('needs a justification, and roles without export are refused; nothing is logged then', async () => {
    const before = (await disclosures()).length;
    const noWhy = await api.gql('pat.police', RECORD, { input: { format: 'PNG', ids: ['a'] } });
    expect(noWhy.body.errors?.[0].extensions?.code).toBe('JUSTIFICATION_REQUIRED');
    const partner = await api.gql('pam.partner', RECORD, { input: { format: 'PNG', ids: ['a'] } }, { justification: 'CASE-1' });
    expect(partner.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const auditor = await api.gql('aud.auditor', RECORD, { input: { format: 'JSON', ids: ['a'] } }, { justification: 'CASE-1' });
    expect(auditor.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await disclosures()).length).toBe(before);
  });

  it('takes every node and relationship the caller was shown, and places (shown by aggregate views, not logged)', async () => {
    expect(shown.nodes).not.toContain('loc1');
    const ids = [...shown.nodes, ...shown.edges, 'loc1'];
    const r = await api.gql('ana.analyst', RECORD, { input: { format: 'JSON', ids } }, { justification: 'CASE-77 strategy meeting' });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.recordExport.count).toBe(ids.length);
  });

  it('refuses ids the caller was not shown, in one wording for hidden, missing and never-read records; nothing is logged', async () => {
    const before = (await disclosures()).length;
    const refusal = async (id: string) => {
      const r = await api.gql('ana.analyst', RECORD, { input: { format: 'CSV', ids: ['yp2', id] } }, { justification: 'CASE-77 strategy meeting' });
      expect(r.body.data).toBeNull();
      expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids[1]' });
      return r.body.errors![0].message.replace(id, '<id>');
    };
    // inc2 is handling C (police only); nobody-1 does not exist; yp5 the analyst may see but was never shown.
    const [hidden, missing, unread] = [await refusal('inc2'), await refusal('nobody-1'), await refusal('yp5')];
    expect(hidden).toBe('ids[1]: <id> was not shown to you in the last 12 hours: an export holds only records you were shown');
    expect(missing).toBe(hidden);
    expect(unread).toBe(hidden);
    // Another user's reads do not count.
    const police = await api.gql('pat.police', RECORD, { input: { format: 'PNG', ids: ['yp1'] } }, { justification: 'CASE-77 strategy meeting' });
    expect(police.body.errors?.[0].message).toMatch(/^ids\[0\]: yp1 was not shown to you/);
    expect((await disclosures()).length).toBe(before);
  });

  it('rejects bad ids naming the field', async () => {
    const r = await api.gql('ana.analyst', RECORD, { input: { format: 'JSON', ids: ['ok-1', "x' OR 1=1 //"] } }, { justification: 'CASE-1' });
    expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors?.[0].extensions?.field).toBe('ids[1]');
  });
});
