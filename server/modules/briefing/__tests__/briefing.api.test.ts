/**
 * The briefing mutation over HTTP: each edition for the roles the access table gives it (restricted:
 * police; partner: lead), justification, logged as a disclosure before the files return.
 */
import { apiOverGraph } from '../../../../tests/api/harness';
import { driver } from '../../../../tests/support/db';
import { generate } from '../../../../fixtures/generator';
import { storeBaseline } from '../../analytics';

const fixture = generate({ scale: 'tiny', seed: 7 });
const api = apiOverGraph({
  modules: ['briefing'],
  graph: () => fixture.units,
  afterLoad: () => storeBaseline({ driver: driver() }, fixture.baseline),
  setUpTimeoutMs: 300_000,
});
const MUTATION = `mutation($input: BriefingInput!) {
  generateBriefing(input: $input) { quarter edition accessLogSeq tables files { name kind mediaType encoding content bytes } }
}`;
const input = (extra: Record<string, unknown> = {}) => ({ input: { quarter: '2025-Q3', edition: 'PARTNER', formats: ['CSV'], ...extra } });
const log = async () => (await driver().executeQuery(
  'MATCH (e:AccessLogEntry) RETURN e.seq AS seq, e.operation AS op, e.actorRole AS role, e.justification AS why, e.detail AS detail ORDER BY e.seq')).records.map((r) => r.toObject());

describe('generateBriefing', () => {
  const refused = [
    ...['ana.analyst', 'pat.police', 'pam.partner', 'aud.auditor', 'adm.admin'].map((u) => ['PARTNER', u]),
    ...['ana.analyst', 'lee.lead', 'pam.partner', 'aud.auditor', 'adm.admin'].map((u) => ['RESTRICTED', u]),
  ];
  it.each(refused)('the %s edition is refused for %s, and nothing is logged', async (edition, user) => {
    const before = (await log()).length;
    const r = await api.gql(user, MUTATION, input({ edition }), { justification: 'Q3 briefing' });
    expect(r.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await log()).length).toBe(before);
  });

  it('needs a justification', async () => {
    const r = await api.gql('lee.lead', MUTATION, input());
    expect(r.body.errors?.[0].extensions?.code).toBe('JUSTIFICATION_REQUIRED');
  });

  it('names the bad field', async () => {
    const r = await api.gql('lee.lead', MUTATION, input({ quarter: '2025-Q7' }), { justification: 'Q3 briefing' });
    expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quarter' });
  });

  it('returns the files to a lead and logs the disclosure first', async () => {
    const r = await api.gql('lee.lead', MUTATION, input({ formats: ['CSV', 'HTML', 'PDF'], recipient: 'Partnership board' }), { justification: 'Q3 partnership briefing' });
    expect(r.body.errors).toBeUndefined();
    const pack = r.body.data.generateBriefing;
    expect(pack).toMatchObject({ quarter: '2025-Q3', edition: 'PARTNER' });
    const kinds = pack.files.map((f: { kind: string }) => f.kind);
    expect(kinds.filter((k: string) => k === 'CSV')).toHaveLength(pack.tables.length);
    const pdf = pack.files.find((f: { kind: string }) => f.kind === 'PDF');
    expect(pdf).toMatchObject({ mediaType: 'application/pdf', encoding: 'base64' });
    expect(Buffer.from(pdf.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const html = pack.files.find((f: { kind: string }) => f.kind === 'HTML');
    expect(html.content).toContain('OFFICIAL-SENSITIVE');
    const entries = await log();
    const entry = entries.find((e) => e.seq === pack.accessLogSeq)!;
    expect(entry).toMatchObject({ op: 'disclosure', role: 'lead', why: 'safeguarding-enquiry: Q3 partnership briefing' });
    expect(JSON.parse(entry.detail as string)).toMatchObject({ kind: 'briefing', quarter: '2025-Q3', edition: 'partner', recipient: 'Partnership board' });
  }, 120_000);

  it('police generate the restricted edition, with the high-harm ranking naming persons of concern', async () => {
    const r = await api.gql('pat.police', MUTATION, input({ edition: 'RESTRICTED', formats: ['HTML'] }), { justification: 'Q3 restricted pack' });
    expect(r.body.errors).toBeUndefined();
    const pack = r.body.data.generateBriefing;
    expect(pack.edition).toBe('RESTRICTED');
    const { records } = await driver().executeQuery('MATCH (p:PersonOfConcern) RETURN p.name AS name');
    const html = pack.files[0].content as string;
    expect(records.some((x) => html.includes(x.get('name') as string))).toBe(true);
    expect((await log()).find((e) => e.seq === pack.accessLogSeq)).toMatchObject({ op: 'disclosure', role: 'police' });
  }, 120_000);
});
