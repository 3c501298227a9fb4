/**
 * dataPeriod over HTTP against the real Neo4j: the days of the first and last events each role
 * may see. Events hidden from a role (police-only handling C, another agency's unshared record,
 * 5x5x5 code 4 of another agency) lie outside its period and must not move it. The plan walks
 * the occurredAt range index in order instead of reading every event.
 */
import { apiOverGraph } from '../../../../tests/api/harness';
import { handBuiltGraph } from '../../../../tests/api/graph-fixture';
import { driver } from '../../../../tests/support/db';
import { cypherFile } from '../../../platform/db/query';
import { viewerOf } from '../../../platform/visibility';
import type { LoadUnit } from '../../../model/types';

const prov = (source: string, at: string, extra: Record<string, unknown> = {}) => ({
  source, sourceRef: `TEST-${source}-${at.slice(0, 10)}`, recordedAt: at, validFrom: at,
  gradingScheme: '3x5x2', sourceEval: 'B', assessment: '2', handling: 'P', reviewBy: '2027-01-01', status: 'confirmed', ...extra,
});
const policeOnly = (id: string, at: string) => ({ id, occurredAt: at, offenceType: 'robbery', summary: `Synthetic police-only incident ${id}`, ...prov('POLICE', at, { handling: 'C', conditions: 'Police only: test condition' }) });

/**
 * The hand-built graph (its events from 2024-11-01 to 2026-01-10) and, outside that span:
 * police-only incidents in 2017 and October 2026, and a Health risk assessment from 2016 that is
 * not shared with Education. The last one ends 23:30 at UTC-05:00, which is the next UTC day.
 */
function graph(): LoadUnit[] {
  return [
    ...handBuiltGraph(),
    { kind: 'node', label: 'Incident', origin: 'test-police-only', rows: [policeOnly('pc2017', '2017-03-01T12:00:00Z'), policeOnly('pc2026', '2026-10-01T12:00:00Z')] as never },
    { kind: 'node', label: 'RiskAssessment', origin: 'test-health', rows: [{ id: 'h2016', occurredAt: '2016-05-01T23:30:00-05:00', ceamScore: 12, riskLevel: 'low', ...prov('HEALTH', '2016-05-01T23:30:00-05:00') }] as never },
  ];
}

const api = apiOverGraph({ modules: ['period'], graph });
const PERIOD = '{ dataPeriod { first last } }';

describe('dataPeriod', () => {
  it.each([
    // Sees every agency, not handling C nor Education's code 4 (int2, 2024-11-01): Health's 2016 record to inc3.
    ['ana.analyst', { first: '2016-05-02', last: '2026-01-10' }],
    // Police-only handling too: October 2026.
    ['pat.police', { first: '2016-05-02', last: '2026-10-01' }],
    // No raw intelligence, no handling C.
    ['lee.lead', { first: '2016-05-02', last: '2026-01-10' }],
    // Education: its own code 4 intelligence (int2) to the missing episode shared with it (me1); not Health's or police-only.
    ['pam.partner', { first: '2024-11-01', last: '2025-07-01' }],
  ])('%s: the first and last events it may see, hidden events left out', async (user, period) => {
    const r = await api.gql(user, PERIOD);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.dataPeriod).toEqual(period);
  });

  it('needs no justification, and roles that read no records are refused', async () => {
    for (const user of ['aud.auditor', 'adm.admin']) {
      const r = await api.gql(user, PERIOD);
      expect(r.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('walks the occurredAt range index in order and stops at the first visible event (no sort of every event)', async () => {
    for (const name of ['first', 'last']) {
      const { summary } = await driver().executeQuery(`EXPLAIN ${cypherFile(`${__dirname}/..`, name)}`, { viewer: viewerOf({ role: 'partner', agency: 'EDUCATION' }) });
      const operators: string[] = [];
      const walk = (p: { operatorType: string; children: unknown[] }) => { operators.push(p.operatorType.replace(/@.*$/, '')); p.children.forEach((c) => walk(c as never)); };
      walk(summary.plan as never);
      expect(operators).toEqual(['ProduceResults', 'Projection', 'Limit', 'Filter', 'NodeIndexScan']);
    }
  });

  it('is null at both ends when the caller may see no event', async () => {
    await driver().executeQuery("MATCH (e:Event) WHERE e.source <> 'POLICE' OR coalesce(e.handling, '') <> 'C' DETACH DELETE e");
    expect((await api.gql('ana.analyst', PERIOD)).body.data.dataPeriod).toEqual({ first: null, last: null });
    expect((await api.gql('pat.police', PERIOD)).body.data.dataPeriod).toEqual({ first: '2017-03-01', last: '2026-10-01' });
  });
});
