/** Neighbourhood over HTTP on the hand-built graph: hops, time window, filters, limit, access. */
import { apiOverGraph } from '../../../../tests/api/harness';
import { handBuiltGraph } from '../../../../tests/api/graph-fixture';

const Q = `query N($ids: [ID!]!, $hops: Int, $filter: NeighbourhoodFilter, $limit: Int) {
  neighbourhood(ids: $ids, hops: $hops, filter: $filter, limit: $limit) {
    nodes { id kind name properties } edges { id type source target } truncated hiddenByLimit hiddenByAccess } }`;

async function nb(vars: Record<string, unknown>, user = 'ana.analyst') {
  const r = await api.gql(user, Q, vars, { justification: 'TEST-CASE-1' });
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  const n = r.body.data.neighbourhood;
  return { ...n, ids: new Set<string>(n.nodes.map((x: { id: string }) => x.id)) };
}

const api = apiOverGraph({ modules: ['neighbourhood'], graph: handBuiltGraph });

describe('neighbourhood', () => {
  it('1 hop: direct neighbours only', async () => {
    const r = await nb({ ids: ['yp1'], hops: 1 });
    expect([...r.ids].sort()).toEqual(['exc1', 'inc1', 'inc3', 'me1', 'os1', 'poc1', 'ra1', 'ra2', 'rhi1', 'sch1', 'yp1', 'yp2'].sort());
    expect(r.truncated).toBe(false);
  });

  it('2 hops reach peers of peers and event places; 3 hops one further; never 4', async () => {
    const two = await nb({ ids: ['yp1'], hops: 2 });
    for (const id of ['loc1', 'yp3', 'int1']) expect(two.ids).toContain(id);
    expect(two.ids).not.toContain('yp4');
    const three = await nb({ ids: ['yp1'], hops: 3 });
    expect(three.ids).toContain('yp4');
    expect(three.ids).not.toContain('yp5');
  });

  it('every edge joins two returned nodes', async () => {
    const r = await nb({ ids: ['yp1'], hops: 3 });
    for (const e of r.edges) {
      expect(r.ids).toContain(e.source);
      expect(r.ids).toContain(e.target);
    }
  });

  it('the time window keeps events by occurredAt and links by validFrom', async () => {
    const r = await nb({ ids: ['yp1'], hops: 1, filter: { from: '2025-06-01T00:00:00Z', to: '2025-12-31T23:59:59Z' } });
    expect([...r.ids].sort()).toEqual(['me1', 'poc1', 'ra2', 'rhi1', 'sch1', 'yp1', 'yp2'].sort());
  });

  it('filters by relationship type, context type, status and grading', async () => {
    expect([...(await nb({ ids: ['yp1'], filter: { relationshipTypes: ['ASSOCIATES_WITH'] } })).ids].sort()).toEqual(['yp1', 'yp2']);
    const schools = await nb({ ids: ['yp1'], filter: { contextTypes: ['School'] } });
    expect(schools.ids).toContain('sch1');
    expect(schools.ids).not.toContain('os1');
    expect(schools.ids).toContain('yp2'); // people are not contexts: unaffected
    const confirmed = await nb({ ids: ['yp1'], filter: { statuses: ['confirmed'] } });
    expect(confirmed.ids).not.toContain('poc1'); // the EXPLOITS link is a hypothesis
    const graded = await nb({ ids: ['yp1'], filter: { minGrading: { sourceEval: 'A', assessment: 1 } } });
    expect([...graded.ids].sort()).toEqual(['yp1', 'yp2']);
  });

  it('obeys the node limit and says how many were left out', async () => {
    const r = await nb({ ids: ['yp1'], hops: 1, limit: 4 });
    expect(r.nodes).toHaveLength(4);
    expect(r.truncated).toBe(true);
    expect(r.hiddenByLimit).toBe(12 - 4);
    // The records kept are chosen by id, not by where the store happens to keep them.
    const all = await nb({ ids: ['yp1'], hops: 1 });
    const neighbours = [...all.ids].filter((id) => id !== 'yp1').sort();
    expect([...r.ids].sort()).toEqual(['yp1', ...neighbours.slice(0, 3)].sort());
  });

  it('every link the hops cross is there: between records of one hop, and back to earlier hops', async () => {
    const S = 'query S($ids: [ID!]!) { subgraph(ids: $ids) { edges { id type source target } } }';
    for (const user of ['ana.analyst', 'pat.police', 'pam.partner']) {
      for (const seeds of [['yp1'], ['yp1', 'yp2']]) {
        let inner = (await nb({ ids: seeds, hops: 1 }, user)).ids;
        for (const hops of [2, 3]) {
          const r = await nb({ ids: seeds, hops }, user);
          const between = (await api.gql(user, S, { ids: [...r.ids] }, { justification: 'TEST-CASE-1' })).body.data.subgraph.edges as Array<{ id: string; type: string; source: string; target: string }>;
          // A link is crossed when one of its ends was expanded (reached before the last hop).
          const crossed = between.filter((e) => e.type !== 'POSSIBLY_SAME_AS' && (inner.has(e.source) || inner.has(e.target)));
          expect(r.edges.map((e: { id: string }) => e.id).sort()).toEqual(crossed.map((e) => e.id).sort());
          inner = r.ids;
        }
      }
    }
  });

  it('a node limit that cuts the second hop keeps the first new records by id and counts the rest', async () => {
    const one = await nb({ ids: ['yp1'], hops: 1 });
    const two = await nb({ ids: ['yp1'], hops: 2 });
    const secondHop = [...two.ids].filter((id) => !one.ids.has(id)).sort();
    expect(secondHop.length).toBeGreaterThan(2);
    const limit = one.ids.size + 2;
    const cut = await nb({ ids: ['yp1'], hops: 2, limit });
    expect([...cut.ids].sort()).toEqual([...one.ids, ...secondHop.slice(0, 2)].sort());
    expect(cut.truncated).toBe(true);
    expect(cut.hiddenByLimit).toBe(secondHop.length - 2);
    for (const e of cut.edges) expect(cut.ids.has(e.source) && cut.ids.has(e.target)).toBe(true);
  });

  it('police-only (handling C) records are invisible to analysts, who are told hidden links exist; police see them', async () => {
    const analyst = await nb({ ids: ['yp2'], hops: 1 });
    expect(analyst.ids).not.toContain('inc2');
    expect(analyst.hiddenByAccess).toBe(1);
    const police = await nb({ ids: ['yp2'], hops: 1 }, 'pat.police');
    expect(police.ids).toContain('inc2');
    expect(police.hiddenByAccess).toBe(0);
  });

  it('the hidden-links bit is the same whatever the filter, hops or limit (no breakdown by filter)', async () => {
    const filters = [
      { relationshipTypes: ['ASSOCIATES_WITH'] }, { relationshipTypes: ['INVOLVED'] },
      { from: '2030-01-01T00:00:00Z', to: '2030-02-01T00:00:00Z' }, { statuses: ['expired'] }, { minGrading: { sourceEval: 'A', assessment: 1 } },
    ];
    for (const filter of filters) expect((await nb({ ids: ['yp2'], hops: 1, filter })).hiddenByAccess).toBe(1);
    expect((await nb({ ids: ['yp2'], hops: 3, limit: 1 })).hiddenByAccess).toBe(1);
  });

  it('never a count: many hidden links still say 1', async () => {
    const partner = await nb({ ids: ['yp1'], hops: 2 }, 'pam.partner');
    expect(partner.ids).not.toContain('inc1');
    const analyst = await nb({ ids: ['yp1', 'yp2'], hops: 2 });
    expect(analyst.hiddenByAccess).toBe(1);
  });

  it.each(['pam.partner', 'lee.lead'])('%s learns nothing of records outside its view', async (user) => {
    for (const ids of [['yp1'], ['yp2'], ['yp1', 'yp2']]) expect((await nb({ ids, hops: 2 }, user)).hiddenByAccess).toBe(0);
  });

  it('subgraph: hidden ids and made-up ids get the same answer, for every role', async () => {
    const S = 'query S($ids: [ID!]!) { subgraph(ids: $ids) { nodes { id name properties } edges { id } truncated hiddenByLimit hiddenByAccess } }';
    const hiddenFrom: Record<string, string[]> = {
      'ana.analyst': ['inc2', 'int2'], 'pat.police': ['int2'], 'lee.lead': ['inc2', 'int1', 'int2'], 'pam.partner': ['poc1', 'inc1'],
    };
    for (const [user, hidden] of Object.entries(hiddenFrom)) {
      const ask = async (ids: string[]) => (await api.gql(user, S, { ids }, { justification: 'TEST-CASE-1' })).body;
      const madeUp = hidden.map((_, i) => `no-such-record-${i}`);
      const answer = await ask(['sch1', ...hidden]);
      expect(answer.data.subgraph.nodes.map((n: { id: string }) => n.id)).toEqual(['sch1']);
      expect(answer).toEqual(await ask(['sch1', ...madeUp]));
    }
  });

  it('rejects hops outside 1-3 and a bad window, naming the field', async () => {
    for (const [vars, field] of [[{ ids: ['yp1'], hops: 4 }, 'hops'], [{ ids: ['yp1'], hops: 0 }, 'hops'], [{ ids: ['yp1'], limit: 5000 }, 'limit'],
      [{ ids: ['yp1'], filter: { from: '2026-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' } }, 'filter.from'], [{ ids: [] }, 'ids']] as const) {
      const r = await api.gql('ana.analyst', Q, vars, { justification: 'TEST-CASE-1' });
      expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.body.errors?.[0].message).toContain(field);
    }
  });
});
