/** Analytics over HTTP: the role matrix cell by cell, justification + access log, pseudonyms, handling codes, bad input. */
import { apiOverGraph } from '../../../../tests/api/harness';
import { driver, counts } from '../../../../tests/support/db';
import { world } from './support/world';
import { storeBaseline } from '..';

const Q = '2025-Q3';
const QUERIES: Record<string, string> = {
  hotspots: `query($q: String!) { hotspots(quarter: $q, harm: all) { items { id eventCount } } }`,
  networkThemes: `query($q: String!) { networkThemes(quarter: $q) { communities { id memberIds personsOfConcern { id name } } } }`,
  highHarmPersonsOfConcern: `query($q: String!) { highHarmPersonsOfConcern(quarter: $q) { items { id name score evidence { eventIds } } } }`,
  criticalMoments: `query($q: String!) { criticalMoments(quarter: $q, asOf: "2025-12-01T00:00:00Z") { items { eventId childId childName rhi { status } } rhi { rate } } }`,
  notYetReferred: `query($q: String!) { notYetReferred(quarter: $q) { items { id name victimHarm } } }`,
  trends: `query($q: String!) { trends(quarter: $q, from: "2025-Q2") { series { quarter childrenAtRisk } emerging { id } } }`,
  disproportionality: `query($q: String!) { disproportionality(quarter: $q) { cohortTotalDisplay rows { dimension group cohortDisplay } } }`,
  youngAdults: `query($q: String!) { youngAdults(quarter: $q) { method byBand { band youngAdults knownAsChildAtRisk } total { youngAdults } } }`,
};
const USERS = { analyst: 'ana.analyst', police: 'pat.police', lead: 'lee.lead', partner: 'pam.partner', auditor: 'aud.auditor', admin: 'adm.admin' } as const;
type RoleName = keyof typeof USERS;
const ALLOWED: Record<string, RoleName[]> = {
  hotspots: ['analyst', 'police', 'lead'],
  networkThemes: ['analyst', 'police', 'lead'],
  highHarmPersonsOfConcern: ['police'],
  criticalMoments: ['analyst', 'police', 'lead'],
  notYetReferred: ['analyst', 'police', 'lead'],
  trends: ['analyst', 'police', 'lead'],
  disproportionality: ['analyst', 'police', 'lead'],
  youngAdults: ['analyst', 'police', 'lead'],
};
const PERSON_LEVEL = ['networkThemes', 'highHarmPersonsOfConcern', 'criticalMoments', 'notYetReferred'];

const logCount = async (): Promise<number> =>
  (await driver().executeQuery('MATCH (e:AccessLogEntry) RETURN count(e) AS n')).records[0].get('n') as number;

const api = apiOverGraph({
  modules: ['analytics'],
  graph: () => world().units(),
  afterLoad: () => storeBaseline({ driver: driver() }, { description: 'test', total: 100, byEthnicity: { WHITE_BRITISH: 100 }, bySex: { MALE: 50, FEMALE: 50 },
    byAgeBand: { '10-14': 60, '15-17': 40 }, bySen: { N: 100 }, byCareStatus: { NONE: 100 } }),
});

const cells = Object.keys(QUERIES).flatMap((q) => (Object.keys(USERS) as RoleName[]).map((role) => [q, role] as const));

describe('analytics role matrix (every cell)', () => {
  it.each(cells)('%s as %s', async (query, role) => {
    const r = await api.gql(USERS[role], QUERIES[query], { q: Q }, { justification: 'TEST-CASE-7' });
    if (ALLOWED[query].includes(role)) {
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data[query]).toBeTruthy();
    } else {
      expect(r.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('analytics over HTTP', () => {
  it.each(PERSON_LEVEL)('%s needs a justification and writes exactly one log entry', async (query) => {
    const user = query === 'highHarmPersonsOfConcern' ? 'pat.police' : 'ana.analyst';
    const none = await api.gql(user, QUERIES[query], { q: Q });
    expect(none.body.errors?.[0].extensions?.code).toBe('JUSTIFICATION_REQUIRED');
    const before = await logCount();
    const ok = await api.gql(user, QUERIES[query], { q: Q }, { justification: 'CASE-ANALYTICS-1' });
    expect(ok.body.errors).toBeUndefined();
    expect(await logCount()).toBe(before + 1);
    const { records } = await driver().executeQuery('MATCH (e:AccessLogEntry) RETURN e.justification AS j, e.detail AS d ORDER BY e.seq DESC LIMIT 1');
    expect(records[0].get('j')).toBe('safeguarding-enquiry: CASE-ANALYTICS-1');
    expect(records[0].get('d')).toContain(query);
  });

  it('aggregates need no justification and write no log entry', async () => {
    const before = await logCount();
    const r = await api.gql('lee.lead', QUERIES.trends, { q: Q });
    expect(r.body.errors).toBeUndefined();
    expect(await logCount()).toBe(before);
  });

  it('leads see children and adults under pseudonyms', async () => {
    const r = await api.gql('lee.lead', QUERIES.criticalMoments, { q: Q }, { justification: 'CASE-2' });
    const names = (r.body.data.criticalMoments.items as Array<{ childName: string }>).map((m) => m.childName);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => /^Person [0-9A-F]{8}$/.test(n))).toBe(true);
    const a = await api.gql('ana.analyst', QUERIES.criticalMoments, { q: Q }, { justification: 'CASE-2' });
    expect(a.body.data.criticalMoments.items[0].childName).toMatch(/^Test Child/);
  });

  it('handling-C records count for police only', async () => {
    const hub = async (user: string) => ((await api.gql(user, QUERIES.hotspots, { q: Q })).body.data.hotspots.items as Array<{ id: string; eventCount: number }>)
      .find((h) => h.id === 'hub')!.eventCount;
    expect(await hub('pat.police')).toBe(11);
    expect(await hub('ana.analyst')).toBe(10);
    expect(await hub('lee.lead')).toBe(10);
  });

  it.each([
    ['2025-Q5'], ["2025-Q3' }) DETACH DELETE (n) //"], ['LOAD CSV FROM "file:///etc/passwd" AS x'], ['２０２５-Q3'],
  ])('bad quarter %j → BAD_USER_INPUT naming the field, nothing changed', async (q) => {
    const before = await counts();
    const r = await api.gql('ana.analyst', QUERIES.hotspots, { q });
    expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors?.[0].message).toMatch(/quarter/);
    expect(await counts()).toEqual(before);
  });

  it('a limit out of range is BAD_USER_INPUT', async () => {
    const r = await api.gql('ana.analyst', 'query { hotspots(quarter: "2025-Q3", limit: 100000) { quarter } }');
    expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });

  it.each([['B09', /no records of borough B09/], ["B01' OR true //", /must be a borough code/]])(
    'a borough the store does not hold (%j) is BAD_USER_INPUT naming the argument, before anything is logged', async (borough, message) => {
      const before = await logCount();
      const r = await api.gql('ana.analyst', 'query($b: String) { criticalMoments(quarter: "2025-Q3", borough: $b) { items { childId } } }', { b: borough }, { justification: 'TEST-CASE-7' });
      expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'borough' });
      expect(r.body.errors?.[0].message).toMatch(message);
      expect(await logCount()).toBe(before);
    });
});
