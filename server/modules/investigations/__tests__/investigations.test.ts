/** Saved investigations over HTTP: owner, sharing within a role, owner-only changes. */
import { startApi, type TestApi } from '../../../../tests/api/client';
import { freshGraph, closeDriver } from '../../../../tests/support/db';

let api: TestApi;
const SAVE = 'mutation S($input: InvestigationInput!) { saveInvestigation(input: $input) { id name owner shared count ids state } }';
const LIST = '{ investigations { id name owner shared count } }';
const GET = 'query G($id: ID!) { investigation(id: $id) { id name ids state } }';

beforeAll(async () => { await freshGraph(); api = await startApi({ modules: ['investigations'] }); });
afterAll(async () => { await api.close(); await closeDriver(); });

describe('investigations', () => {
  it('saves ids, filters and positions; the owner reopens them', async () => {
    const state = { positions: { yp1: { x: 1, y: 2 } }, filter: { hops: 2 } };
    const r = await api.gql('ana.analyst', SAVE, { input: { name: 'Test park network', ids: ['yp1', 'loc1'], state } });
    const saved = r.body.data.saveInvestigation;
    expect(saved).toEqual(expect.objectContaining({ name: 'Test park network', owner: 'ana.analyst', shared: false, count: 2, ids: ['yp1', 'loc1'], state }));
    const got = (await api.gql('ana.analyst', GET, { id: saved.id })).body.data.investigation;
    expect(got.state).toEqual(state);
  });

  it('private ones stay private; shared ones reach the same role only', async () => {
    const priv = (await api.gql('ana.analyst', SAVE, { input: { name: 'Private', ids: ['yp1'] } })).body.data.saveInvestigation;
    const shared = (await api.gql('ana.analyst', SAVE, { input: { name: 'Shared', ids: ['yp2'], shared: true } })).body.data.saveInvestigation;
    const police = (await api.gql('pat.police', LIST)).body.data.investigations.map((i: any) => i.id);
    expect(police).not.toContain(priv.id);
    expect(police).not.toContain(shared.id);
    expect((await api.gql('pat.police', GET, { id: shared.id })).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const ownerList = (await api.gql('ana.analyst', LIST)).body.data.investigations.map((i: any) => i.id);
    expect(ownerList).toEqual(expect.arrayContaining([priv.id, shared.id]));
  });

  it('only the owner may change or delete it', async () => {
    const inv = (await api.gql('ana.analyst', SAVE, { input: { name: 'Mine', ids: [] } })).body.data.saveInvestigation;
    const other = await api.gql('pat.police', SAVE, { input: { id: inv.id, name: 'Hijacked', ids: [] } });
    expect(other.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const del = await api.gql('pat.police', 'mutation D($id: ID!) { deleteInvestigation(id: $id) }', { id: inv.id });
    expect(del.body.data.deleteInvestigation).toBe(false);
    const renamed = await api.gql('ana.analyst', SAVE, { input: { id: inv.id, name: 'Renamed', ids: ['x'] } });
    expect(renamed.body.data.saveInvestigation.name).toBe('Renamed');
  });

  it('auditors and admins may not use investigations', async () => {
    for (const u of ['aud.auditor', 'adm.admin']) {
      expect((await api.gql(u, LIST)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('names the bad field', async () => {
    const r = await api.gql('ana.analyst', SAVE, { input: { name: '  ', ids: [] } });
    expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors?.[0].message).toContain('input.name');
  });
});
