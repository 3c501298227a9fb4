/** Saved investigations over HTTP: owner, sharing within a role, owner-only changes. */
import { apiOverGraph } from '../../../../tests/api/harness';
import { driver, transactionInFlight, sleep } from '../../../../tests/support/db';
import { erasePerson } from '../../retention/erase';
import { systemActor } from '../../accesslog/access-log';

const SAVE = 'mutation S($input: InvestigationInput!) { saveInvestigation(input: $input) { id name owner shared count ids state } }';
const LIST = '{ investigations { id name owner shared count } }';
const GET = 'query G($id: ID!) { investigation(id: $id) { id name ids state } }';

// Saved ids must be records the user may see: two children, a place, and a police-only report.
const RECORDS = `CREATE (:Entity:Person:YoungPerson {id: 'yp1', name: 'Ilse Marrow', source: 'POLICE', handling: 'P'}),
  (:Entity:Person:YoungPerson {id: 'yp2', name: 'Tam Okafor', source: 'EDUCATION', handling: 'P'}),
  (:Entity:Location:Context {id: 'loc1', name: 'Riverside Park (synthetic)'}),
  (:Entity:Event:IntelligenceReport {id: 'int1', name: 'Intelligence report', source: 'POLICE', handling: 'C'})`;

const api = apiOverGraph({ modules: ['investigations'], seed: () => driver().executeQuery(RECORDS) });

describe('investigations', () => {
  it('saves ids, filters and positions; the owner reopens them', async () => {
    const state = { positions: { yp1: { x: 1, y: 2 } }, filter: { hops: 2 } };
    const r = await api.gql('ana.analyst', SAVE, { input: { name: 'Test park network', ids: ['yp1', 'loc1'], state } });
    const saved = r.body.data.saveInvestigation;
    expect(saved).toEqual(expect.objectContaining({ name: 'Test park network', owner: 'ana.analyst', shared: false, count: 2, ids: ['yp1', 'loc1'], state }));
    const got = (await api.gql('ana.analyst', GET, { id: saved.id })).body.data.investigation;
    expect(got.state).toEqual(state);
  });

  it('keeps notes, and returns the language warnings of their wording with line, column and suggestion', async () => {
    const NOTES = 'Park network.\nTam keeps going missing.\nTam said "I chose to go".';
    const Q = 'mutation S($input: InvestigationInput!) { saveInvestigation(input: $input) { id notes languageWarnings { field phrase suggestion rule quoted line column } } }';
    const saved = (await api.gql('ana.analyst', Q, { input: { name: 'With notes', ids: ['yp2'], notes: NOTES } })).body.data.saveInvestigation;
    expect(saved.notes).toBe(NOTES);
    expect(saved.languageWarnings).toEqual([
      { field: 'notes', phrase: 'keeps going missing', suggestion: expect.stringMatching(/missing and at risk/), rule: 'keeps-going-missing', quoted: false, line: 2, column: 5 },
      { field: 'notes', phrase: 'chose to go', suggestion: expect.any(String), rule: 'lifestyle-choice', quoted: true, line: 3, column: 13 },
    ]);
    const got = (await api.gql('ana.analyst', 'query G($id: ID!) { investigation(id: $id) { notes languageWarnings { rule } } }', { id: saved.id })).body.data.investigation;
    expect(got).toEqual({ notes: NOTES, languageWarnings: saved.languageWarnings.map((w: { rule: string }) => ({ rule: w.rule })) });
    const long = await api.gql('ana.analyst', Q, { input: { name: 'Too long', ids: [], notes: 'x'.repeat(20_001) } });
    expect(long.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/input\.notes.*at most 20000/), extensions: { code: 'BAD_USER_INPUT' } });
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
    const renamed = await api.gql('ana.analyst', SAVE, { input: { id: inv.id, name: 'Renamed', ids: ['loc1'] } });
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

  it('an id erased since the view was opened is not saved again, nor its position', async () => {
    await driver().executeQuery("CREATE (:Entity:Person:YoungPerson {id: 'yp-gone', name: 'Erased Later', source: 'POLICE', handling: 'P'})");
    const state = { positions: { yp1: { x: 1, y: 2 }, 'yp-gone': { x: 3, y: 4 } }, hidden: ['yp-gone'] };
    const inv = (await api.gql('ana.analyst', SAVE, { input: { name: 'Before erasure', ids: ['yp1', 'yp-gone'], state } })).body.data.saveInvestigation;
    expect(inv.ids).toEqual(['yp1', 'yp-gone']);
    await erasePerson(systemActor('investigations-test', driver(), 'neo4j'), { personId: 'yp-gone', justification: 'SYN erasure request 5' });
    expect((await api.gql('ana.analyst', GET, { id: inv.id })).body.data.investigation.ids).toEqual(['yp1']);
    // The analyst's screen still holds the erased record and saves what it shows.
    const again = (await api.gql('ana.analyst', SAVE, { input: { id: inv.id, name: 'Before erasure', ids: ['yp1', 'yp-gone'], state } })).body.data.saveInvestigation;
    expect([again.ids, again.state]).toEqual([['yp1'], { positions: { yp1: { x: 1, y: 2 } }, hidden: [] }]);
  });

  it('a save arriving while an erasure of one of its ids is in flight waits for it and leaves that id out', async () => {
    await driver().executeQuery("CREATE (:Entity:Person:YoungPerson {id: 'yp-late', name: 'Erased Meanwhile', source: 'POLICE', handling: 'P'})");
    // The erasure has deleted the person and cleaned the investigations holding them (none yet),
    // and has not committed when the analyst's save arrives.
    const erasure = await transactionInFlight();
    await erasure.tx.run("MATCH (p:Entity {id: 'yp-late'}) DETACH DELETE p");
    const state = { positions: { yp1: { x: 1, y: 2 }, 'yp-late': { x: 5, y: 6 } } };
    const saving = api.gql('ana.analyst', SAVE, { input: { name: 'During erasure', ids: ['yp1', 'yp-late'], state } });
    await sleep(500);
    await erasure.commit();
    const saved = (await saving).body.data.saveInvestigation;
    expect([saved.ids, saved.state]).toEqual([['yp1'], { positions: { yp1: { x: 1, y: 2 } } }]);
    const { records } = await driver().executeQuery("MATCH (i:Investigation {name: 'During erasure'}) RETURN i.ids AS ids, i.state AS state");
    expect(records.map((r) => [r.get('ids'), JSON.parse(r.get('state'))])).toEqual([[['yp1'], { positions: { yp1: { x: 1, y: 2 } } }]]);
  });

  it('a record hidden from the user and an id that does not exist are saved alike: neither', async () => {
    // The Education partner may see its own child and the place, not police records.
    const ids = ['yp2', 'loc1', 'int1', 'yp1', 'no-such-id'];
    const inv = (await api.gql('pam.partner', SAVE, { input: { name: 'Partner view', ids } })).body.data.saveInvestigation;
    expect(inv.ids).toEqual(['yp2', 'loc1']);
    const police = (await api.gql('pat.police', SAVE, { input: { name: 'Police view', ids } })).body.data.saveInvestigation;
    expect(police.ids).toEqual(['yp2', 'loc1', 'int1', 'yp1']);
  });
});
