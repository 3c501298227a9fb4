/** recordExport over HTTP: a disclosure entry per export, written with its justification; refusals. */
import { apiOverGraph } from '../../../../tests/api/harness';
import { driver } from '../../../../tests/support/db';

const RECORD = 'mutation R($input: ExportInput!) { recordExport(input: $input) { seq at count } }';

async function disclosures(): Promise<{ actorId: string; justification: string; ids: string[]; detail: string }[]> {
  const { records } = await driver().executeQuery(
    "MATCH (e:AccessLogEntry {operation: 'disclosure'}) RETURN e.actorId AS actorId, e.justification AS justification, e.ids AS ids, e.detail AS detail ORDER BY e.seq");
  return records.map((r) => r.toObject() as never);
}

const api = apiOverGraph({ modules: ['export'] });

describe('recordExport (workspace exports are disclosures)', () => {
  it('writes one disclosure entry with who, why, the ids and the format', async () => {
    const before = (await disclosures()).length;
    const r = await api.gql('ana.analyst', RECORD, { input: { format: 'CSV', ids: ['yp-1', 'loc-2', 'yp-1'], investigationId: 'inv-9' } }, { justification: 'CASE-77 strategy meeting' });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.recordExport.count).toBe(2);
    const log = await disclosures();
    expect(log.length).toBe(before + 1);
    const e = log[log.length - 1];
    expect(e).toEqual(expect.objectContaining({ actorId: 'ana.analyst', justification: 'safeguarding-enquiry: CASE-77 strategy meeting', ids: ['yp-1', 'loc-2'] }));
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

  it('rejects bad ids naming the field', async () => {
    const r = await api.gql('ana.analyst', RECORD, { input: { format: 'JSON', ids: ['ok-1', "x' OR 1=1 //"] } }, { justification: 'CASE-1' });
    expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors?.[0].extensions?.field).toBe('ids[1]');
  });
});
