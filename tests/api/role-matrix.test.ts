/**
 * docs/access-matrix.md, cell by cell, over HTTP against the real API and Neo4j.
 * Operations: each role × each operation → allowed or FORBIDDEN.
 * Records: each data role × each record of the hand-built graph → visible or hidden.
 */
import { apiOverGraph } from './harness';
import { handBuiltGraph } from './graph-fixture';
import { CAPABILITIES, capabilitiesOf, type Capability } from '../../server/platform/capabilities';
import { DEMO_USERS } from '../../server/auth/demo-users';
import type { Role } from '../../server/model/enums';

const ROLES = ['ana.analyst', 'pat.police', 'lee.lead', 'pam.partner', 'aud.auditor', 'adm.admin'] as const;
type U = (typeof ROLES)[number];

/** Who may: the capability table's roles, as demo users (the API must agree with the table). */
const holders = (cap: Capability): U[] => ROLES.filter((u) => (CAPABILITIES[cap].roles as readonly Role[]).includes(DEMO_USERS[u].role));

const OPS: Partial<Record<Capability, { q: string; vars?: Record<string, unknown> }>> = {
  me: { q: '{ me { id } }' },
  search: { q: '{ search(text: "Test") { items { id } } }' },
  profile: { q: '{ profile(id: "sch1") { node { id } } }' },
  neighbourhood: { q: '{ neighbourhood(ids: ["sch1"]) { nodes { id } } }' },
  subgraph: { q: '{ subgraph(ids: ["sch1"]) { nodes { id } } }' },
  dataPeriod: { q: '{ dataPeriod { first last } }' },
  investigations: { q: '{ investigations { id } }' },
  saveInvestigation: { q: 'mutation { saveInvestigation(input: {name: "Matrix", ids: []}) { id } }' },
  accessLog: { q: '{ accessLog(first: 1) { entries { seq } } }' },
  verifyAccessLog: { q: '{ verifyAccessLog { ok } }' },
  exportAccessLog: { q: 'mutation { exportAccessLog { count } }' },
};

const ALL_IDS = ['yp1', 'yp2', 'yp3', 'yp4', 'yp5', 'poc1', 'loc1', 'sch1', 'os1', 'inc1', 'inc2', 'inc3', 'exc1', 'ra1', 'ra2', 'me1', 'rhi1', 'int1', 'int2'];
const VISIBLE: Record<string, string[]> = {
  'ana.analyst': ALL_IDS.filter((id) => !['inc2', 'int2'].includes(id)),
  'pat.police': ALL_IDS.filter((id) => id !== 'int2'),
  'lee.lead': ALL_IDS.filter((id) => !['inc2', 'int1', 'int2'].includes(id)),
  'pam.partner': ['yp1', 'yp2', 'yp3', 'yp4', 'yp5', 'loc1', 'sch1', 'os1', 'exc1', 'me1', 'int2'],
};

const api = apiOverGraph({ modules: ['search', 'profile', 'neighbourhood', 'period', 'investigations', 'accesslog'], graph: handBuiltGraph });

describe('operations', () => {
  const ops = Object.keys(OPS) as Capability[];
  const cells = ops.flatMap((op) => ROLES.map((u) => [op, u, holders(op).includes(u)] as const));
  it.each(cells)('%s by %s → allowed: %s', async (op, user, allowed) => {
    const r = await api.gql(user, OPS[op]!.q, OPS[op]!.vars ?? {}, { justification: 'MATRIX-TEST' });
    if (allowed) {
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data[op]).toBeDefined();
    } else {
      expect(r.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(r.body.data?.[op] ?? null).toBeNull();
    }
  });

  it.each(ops)('%s without a token → 401 UNAUTHENTICATED', async (op) => {
    const r = await api.gql(null, OPS[op]!.q, {}, { justification: 'MATRIX-TEST' });
    expect(r.status).toBe(401);
    expect(r.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('capabilities', () => {
  it.each(ROLES)('%s: me lists exactly the capabilities the table gives the role', async (user) => {
    const r = await api.gql(user, '{ me { role capabilities } }');
    expect(r.body.data.me.capabilities).toEqual(capabilitiesOf(DEMO_USERS[user].role));
  });
});

describe('records', () => {
  const cells = Object.keys(VISIBLE).flatMap((u) => ALL_IDS.map((id) => [u, id, VISIBLE[u].includes(id)] as const));
  const seen = new Map<string, Set<string>>();
  const hidden = new Map<string, number>();
  beforeAll(async () => {
    for (const u of Object.keys(VISIBLE)) {
      const r = await api.gql(u, 'query Q($ids: [ID!]!) { subgraph(ids: $ids) { nodes { id name properties } hiddenByAccess } }', { ids: ALL_IDS }, { justification: 'MATRIX-TEST' });
      seen.set(u, new Set(r.body.data.subgraph.nodes.map((n: { id: string }) => n.id)));
      hidden.set(u, r.body.data.subgraph.hiddenByAccess);
    }
  });
  it.each(cells)('%s sees %s → %s', (user, id, visible) => {
    expect(seen.get(user)!.has(id)).toBe(visible);
  });
  it.each(Object.keys(VISIBLE))('%s: ids asked for but hidden leave no trace (not counted)', (u) => {
    expect(hidden.get(u)).toBe(0);
  });

  it('the lead sees pseudonyms and no identifying fields', async () => {
    const r = await api.gql('lee.lead', 'query Q($ids: [ID!]!) { subgraph(ids: $ids) { nodes { id kind name properties } } }', { ids: ALL_IDS }, { justification: 'MATRIX-TEST' });
    const people = r.body.data.subgraph.nodes.filter((n: any) => n.kind === 'Person');
    expect(people).toHaveLength(6);
    for (const p of people) {
      expect(p.name).toMatch(/^Person [0-9A-F]{8}$/);
      for (const k of ['name', 'aliases', 'dateOfBirth', 'postcodeArea']) expect(p.properties).not.toHaveProperty(k);
    }
  });
});
