/** Recording one fact through GraphQL over real HTTP and a real Neo4j. */
import { apiOverGraph } from '../../../../tests/api/harness';
import { driver, transactionInFlight, sleep } from '../../../../tests/support/db';
import { load } from '../../../platform/bulk/loader';
import { recordId } from '../record.service';
import type { User } from '../../../platform/context';

const prov = { sourceRef: 'SYN-SCHOOL-7', sourceEval: 'A', assessment: '1', handling: 'P', reviewBy: '2026-09-01' };
const EVENT = `mutation($input: RecordEventInput!) { recordEvent(input: $input) { ids warnings { field phrase suggestion } } }`;
const REL = `mutation($input: RecordRelationshipInput!) { recordRelationship(input: $input) { ids warnings { field } } }`;

const entities = async () => Number((await driver().executeQuery('MATCH (n:Entity) RETURN count(n) AS n')).records[0].get('n'));
const ID_IN_USE = 'id: you have already recorded a fact with this id; recording is for new facts (leave id out to have one made)';
/** The record id a demo user's chosen reference becomes. */
const idFor = (userId: string, type: string, chosen: string) => recordId({ user: { id: userId } as User }, type, chosen);

/** Sends a recording while another one, written by `otherWrite`, is not yet committed; commits that, then returns the answer. */
async function recordWhileAnotherInFlight<T>(otherWrite: string, send: () => Promise<T>): Promise<T> {
  const other = await transactionInFlight();
  await other.tx.run(otherWrite);
  const recording = send();
  await sleep(500);
  await other.commit();
  return recording;
}

const api = apiOverGraph({
  modules: ['record'],
  freshBeforeEach: true,
  graph: () => [
    { kind: 'node', label: 'Person', origin: 't', rows: [
      { id: 'p1', name: 'Synthetic Child', dateOfBirth: '2011-04-01', sex: 'FEMALE', ethnicity: 'NOT_STATED', source: 'EDUCATION', roles: ['YoungPerson'] },
      { id: 'p2', name: 'Synthetic Adult', dateOfBirth: '1988-04-01', sex: 'MALE', ethnicity: 'NOT_STATED', source: 'POLICE', roles: ['PersonOfConcern'] },
    ] as never },
    { kind: 'node', label: 'School', origin: 't', rows: [{ id: 's1', name: 'Synthetic Academy', lat: 51.5, lon: -0.1, source: 'EDUCATION' }] },
  ],
});

describe('recordEvent / recordRelationship', () => {
  it('a partner records an exclusion with the child and the school; source is their agency; language warnings returned; logged', async () => {
    const r = await api.gql('pam.partner', EVENT, { input: {
      type: 'Exclusion', id: 'x1', occurredAt: '2025-03-03T09:00:00Z', people: [{ personId: 'p1', role: 'subject' }], placeId: 's1',
      fields: [{ field: 'kind', value: 'suspension' }, { field: 'days', value: '3' }, { field: 'summary', value: 'Staff say she keeps putting herself at risk after school' }],
      provenance: { ...prov, source: 'POLICE' },
    } }, { justification: 'SYN-CASE-1 exclusion record' });
    expect(r.body.errors).toBeUndefined();
    const id = r.body.data.recordEvent.ids[0];
    expect(id).toMatch(/^Exclusion-[0-9a-f]{24}$/);
    expect(r.body.data.recordEvent.ids).toEqual([id, `${id}>INVOLVED>p1`, `${id}>AT>s1`]);
    expect(r.body.data.recordEvent.warnings[0]).toMatchObject({ field: 'summary', phrase: expect.stringMatching(/putting herself at risk/i) });
    const { records } = await driver().executeQuery(
      `MATCH (x:Exclusion:Event {id: $id})-[i:INVOLVED {role: 'subject'}]->(:Person {id: 'p1'}) MATCH (x)-[:AT]->(:School {id: 's1'})
       RETURN x.source AS source, x.days AS days, i.source AS linkSource`, { id });
    expect(records[0].toObject()).toEqual({ source: 'EDUCATION', days: 3, linkSource: 'EDUCATION' });
    const log = await driver().executeQuery("MATCH (e:AccessLogEntry {operation: 'collection'}) RETURN e.actorId AS who, e.ids AS ids, e.justification AS j");
    expect(log.records[0].toObject()).toEqual({ who: 'pam.partner', ids: [id, `${id}>INVOLVED>p1`, `${id}>AT>s1`], j: 'safeguarding-enquiry: SYN-CASE-1 exclusion record' });
  });

  it('records support offered to a child: programme, status, dates and outcome; the worker\'s notes are language-checked', async () => {
    const r = await api.gql('pam.partner', EVENT, { input: {
      type: 'Support', occurredAt: '2025-03-03T09:00:00Z', people: [{ personId: 'p1', role: 'subject' }],
      fields: [
        { field: 'programme', value: 'MENTORING' }, { field: 'provider', value: 'Synthetic mentoring charity' }, { field: 'supportStatus', value: 'ended' },
        { field: 'startedOn', value: '2025-03-10' }, { field: 'endedOn', value: '2025-06-30' }, { field: 'supportOutcome', value: 'goals_partly_met' },
        { field: 'notes', value: 'Mentor says she is hard to reach in the holidays' },
      ],
      provenance: prov,
    } }, { justification: 'SYN-CASE-9 support record' });
    expect(r.body.errors).toBeUndefined();
    const [sup] = r.body.data.recordEvent.ids;
    expect(r.body.data.recordEvent.ids).toEqual([sup, `${sup}>INVOLVED>p1`]);
    expect(r.body.data.recordEvent.warnings).toEqual([expect.objectContaining({ field: 'notes', phrase: expect.stringMatching(/hard to reach/i) })]);
    const { records } = await driver().executeQuery(
      `MATCH (s:Support:Event {id: $sup})-[:INVOLVED {role: 'subject'}]->(:Person {id: 'p1'})
       RETURN s.programme AS programme, s.supportStatus AS status, toString(s.startedOn) AS started, toString(s.endedOn) AS ended, s.supportOutcome AS outcome`, { sup });
    expect(records[0].toObject()).toEqual({ programme: 'MENTORING', status: 'ended', started: '2025-03-10', ended: '2025-06-30', outcome: 'goals_partly_met' });
    const bad = await api.gql('pam.partner', EVENT, { input: {
      type: 'Support', occurredAt: '2025-03-03T09:00:00Z', fields: [{ field: 'programme', value: 'BOOT_CAMP' }, { field: 'supportStatus', value: 'offered' }], provenance: prov,
    } }, { justification: 'SYN-CASE-9 support record' });
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'programme' });
  });

  it.each([
    ['a bad code', { type: 'Incident', occurredAt: '2025-03-03T09:00:00Z', fields: [{ field: 'offenceType', value: 'gang_activity' }], provenance: prov }, 'offenceType', /unknown code "gang_activity"/],
    ['a future date', { type: 'Incident', occurredAt: '2999-03-03T09:00:00Z', fields: [{ field: 'offenceType', value: 'robbery' }], provenance: prov }, 'occurredAt', /future/],
    ['an unknown person', { type: 'Incident', occurredAt: '2025-03-03T09:00:00Z', fields: [{ field: 'offenceType', value: 'robbery' }], people: [{ personId: 'ghost', role: 'victim' }], provenance: prov }, 'people[0].personId', /unknown id "ghost"/],
    ['handling C without conditions', { type: 'Incident', occurredAt: '2025-03-03T09:00:00Z', fields: [{ field: 'offenceType', value: 'robbery' }], provenance: { ...prov, handling: 'C' } }, 'conditions', /conditions/],
    ['a field the event does not have', { type: 'Injury', occurredAt: '2025-03-03T09:00:00Z', fields: [{ field: 'offenceType', value: 'robbery' }], provenance: prov }, 'fields.offenceType', /not a field/],
  ])('rejects %s with BAD_USER_INPUT naming the field; writes nothing', async (_n, input, field, reason) => {
    const r = await api.gql('pam.partner', EVENT, { input }, { justification: 'SYN-CASE-2' });
    expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(r.body.errors?.[0].message).toMatch(reason);
    expect(await entities()).toBe(3);
  });

  it('a record the partner may not see is an unknown id to them (no link made, its kind not told); police can link it', async () => {
    // p2 is held by POLICE and not shared with EDUCATION: invisible to pam.partner.
    const input = { type: 'Incident', occurredAt: '2025-03-03T09:00:00Z', fields: [{ field: 'offenceType', value: 'robbery' }], provenance: prov };
    for (const people of [[{ personId: 'p2', role: 'victim' }], [{ personId: 'p2', role: 'suspect' }]]) {
      const r = await api.gql('pam.partner', EVENT, { input: { ...input, people } }, { justification: 'SYN-CASE-4' });
      expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'people[0].personId' });
      expect(r.body.errors?.[0].message).toBe('people[0].personId: reference to an unknown id "p2"');
    }
    const ghost = await api.gql('pam.partner', EVENT, { input: { ...input, people: [{ personId: 'ghost', role: 'victim' }] } }, { justification: 'SYN-CASE-4' });
    expect(ghost.body.errors?.[0].message).toBe('people[0].personId: reference to an unknown id "ghost"');
    expect(await entities()).toBe(3);
    const police = await api.gql('pat.police', EVENT, { input: { ...input, people: [{ personId: 'p2', role: 'suspect' }] } }, { justification: 'SYN-CASE-4' });
    expect(police.body.errors).toBeUndefined();
  });

  it('a chosen id tells only of the user\'s own recordings: ids other records hold are recorded as new, the same reference twice is refused', async () => {
    const input = { type: 'Incident', occurredAt: '2025-03-03T09:00:00Z', fields: [{ field: 'offenceType', value: 'robbery' }], provenance: prov };
    const record = (user: 'pam.partner' | 'pat.police', id: string) => api.gql(user, EVENT, { input: { ...input, id } }, { justification: 'SYN-CASE-5' });
    // p2 is a police record the partner may not see, p1 one they may: both answered alike, as new facts.
    const hidden = await record('pam.partner', 'p2');
    const visible = await record('pam.partner', 'p1');
    for (const r of [hidden, visible]) expect(r.body.errors).toBeUndefined();
    expect(hidden.body.data.recordEvent.ids[0]).not.toBe('p2');
    expect(await entities()).toBe(5);
    const again = await record('pam.partner', 'p1');
    expect(again.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(again.body.errors?.[0].message).toBe(ID_IN_USE);
    expect(await entities()).toBe(5);
    const someoneElse = await record('pat.police', 'p1');
    expect(someoneElse.body.errors).toBeUndefined();
    expect(await entities()).toBe(6);
  });

  it('two recordings of one new id at the same moment: the later is refused whole, and the first is not overwritten', async () => {
    // Another recording of x9, by the police, not yet committed when the partner's arrives.
    const input = { type: 'Incident', id: 'x9', occurredAt: '2025-03-03T09:00:00Z', fields: [{ field: 'offenceType', value: 'robbery' }],
      people: [{ personId: 'p1', role: 'victim' }], provenance: prov };
    const x9 = idFor('pam.partner', 'Incident', 'x9');
    const r = await recordWhileAnotherInFlight(`CREATE (:Entity:Event:Incident {id: '${x9}', source: 'POLICE', offenceType: 'robbery'})`,
      () => api.gql('pam.partner', EVENT, { input }, { justification: 'SYN-CASE-6' }));
    expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(r.body.errors?.[0].message).toBe(ID_IN_USE);
    const { records } = await driver().executeQuery('MATCH (x {id: $x9}) RETURN x.source AS source, x.offenceType AS o, count { (x)--() } AS links', { x9 });
    expect(records.map((x) => x.toObject())).toEqual([{ source: 'POLICE', o: 'robbery', links: 0 }]);
  });

  it('two recordings of one new relationship id between different people at the same moment: the later is refused whole', async () => {
    await load(driver(), [{ kind: 'node', label: 'Person', origin: 't', rows: [
      { id: 'p3', name: 'Synthetic Adult Two', dateOfBirth: '1990-02-01', sex: 'MALE', ethnicity: 'NOT_STATED', source: 'POLICE', roles: ['PersonOfConcern'] },
    ] as never }]);
    // Another recording of r9 from p3, not yet committed when this one of r9 from p2 arrives.
    const r9 = idFor('pat.police', 'EXPLOITS', 'r9');
    const input = { type: 'EXPLOITS', id: 'r9', from: 'p2', to: 'p1', fields: [{ field: 'exploitationType', value: 'CSE' }], provenance: { ...prov, status: 'hypothesis' } };
    const r = await recordWhileAnotherInFlight(
      `MATCH (a:Person {id: 'p3'}), (b:Person {id: 'p1'}) CREATE (a)-[:EXPLOITS {id: '${r9}', source: 'POLICE', exploitationType: 'CCE'}]->(b)`,
      () => api.gql('pat.police', REL, { input }, { justification: 'SYN-OP-7' }));
    expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(r.body.errors?.[0].message).toBe(ID_IN_USE);
    const { records } = await driver().executeQuery('MATCH (a)-[r {id: $r9}]->(b) RETURN a.id AS from, b.id AS to, r.exploitationType AS t', { r9 });
    expect(records.map((x) => x.toObject())).toEqual([{ from: 'p3', to: 'p1', t: 'CCE' }]);
  });

  it('a relationship: alleged exploitation from the adult is recorded; from the child it is refused', async () => {
    const ok = await api.gql('pat.police', REL, { input: { type: 'EXPLOITS', from: 'p2', to: 'p1', fields: [{ field: 'exploitationType', value: 'CCE' }], provenance: { ...prov, status: 'hypothesis' } } }, { justification: 'SYN-OP-3' });
    expect(ok.body.errors).toBeUndefined();
    const bad = await api.gql('pat.police', REL, { input: { type: 'EXPLOITS', from: 'p1', to: 'p2', provenance: prov } }, { justification: 'SYN-OP-3' });
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const { records } = await driver().executeQuery('MATCH (:Person {id: "p2"})-[r:EXPLOITS]->(:Person {id: "p1"}) RETURN r.source AS s, r.status AS st');
    expect(records.map((r) => r.toObject())).toEqual([{ s: 'POLICE', st: 'hypothesis' }]);
  });

  it('needs a justification and a role that records', async () => {
    const input = { type: 'Incident', occurredAt: '2025-03-03T09:00:00Z', fields: [{ field: 'offenceType', value: 'robbery' }], provenance: prov };
    expect((await api.gql('pam.partner', EVENT, { input })).body.errors?.[0].extensions?.code).toBe('JUSTIFICATION_REQUIRED');
    expect((await api.gql('aud.auditor', EVENT, { input }, { justification: 'x-check' })).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await entities()).toBe(3);
  });
});
