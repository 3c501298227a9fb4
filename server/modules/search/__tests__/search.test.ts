/** Search over HTTP on the hand-built graph. */
import { apiOverGraph } from '../../../../tests/api/harness';
import { handBuiltGraph } from '../../../../tests/api/graph-fixture';
import { luceneQuery } from '../lucene';

const Q = 'query S($text: String!, $kinds: [NodeKind!], $limit: Int) { search(text: $text, kinds: $kinds, limit: $limit) { items { id kind name detail lat lon } hidden } }';
const search = async (vars: Record<string, unknown>, user = 'ana.analyst') => {
  const r = await api.gql(user, Q, vars, { justification: 'TEST-CASE-2' });
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data.search as { items: Array<{ id: string; kind: string; name: string; detail: string | null; lat: number | null; lon: number | null }>; hidden: number };
};

const api = apiOverGraph({ modules: ['search'], graph: handBuiltGraph });

describe('search', () => {
  it('finds by name fragment (prefix, case-insensitive) and by exact id', async () => {
    const r = await search({ text: 'test chi' });
    expect(r.items.map((i) => i.id).sort()).toEqual(['yp1', 'yp2', 'yp3', 'yp4', 'yp5']);
    expect((await search({ text: 'loc1' })).items[0]).toEqual(expect.objectContaining({ id: 'loc1', kind: 'Location', name: 'Test Park' }));
    expect((await search({ text: 'TestApp' })).items.map((i) => i.id)).toEqual(['os1']);
  });

  it('places and schools come with their map point (people and events without one)', async () => {
    const place = (await search({ text: 'loc1' })).items[0];
    expect(typeof place.lat).toBe('number');
    expect(typeof place.lon).toBe('number');
    const school = (await search({ text: 'test', kinds: ['School'] })).items[0];
    expect(typeof school.lat).toBe('number');
    const person = (await search({ text: 'yp1' })).items[0];
    expect([person.lat, person.lon]).toEqual([null, null]);
  });

  it('filters by kind and obeys the limit', async () => {
    expect((await search({ text: 'test', kinds: ['School'] })).items.map((i) => i.id)).toEqual(['sch1']);
    expect((await search({ text: 'test', limit: 2 })).items).toHaveLength(2);
  });

  it('a partner sees only its own and shared people; the rest leave no trace', async () => {
    const r = await search({ text: 'test', kinds: ['Person'] }, 'pam.partner');
    expect(r.items.map((i) => i.id).sort()).toEqual(['yp1', 'yp2', 'yp3', 'yp4', 'yp5']);
    expect(r.hidden).toBe(0); // poc1 (police-held, not shared) is not counted
  });

  it.each([['pam.partner', 'poc1'], ['lee.lead', 'int1'], ['ana.analyst', 'inc2']])('%s: a hidden id (%s) and a made-up id get the same answer', async (user, hiddenId) => {
    expect(await search({ text: hiddenId }, user)).toEqual(await search({ text: 'no-such-id-1' }, user));
  });

  it('a lead walking name prefixes learns nothing: every prefix of a hidden name answers alike', async () => {
    for (const prefix of ['T', 'Te', 'Test', 'Test Ad', 'Test Adult Zeta']) {
      expect(await search({ text: prefix, kinds: ['Person'] }, 'lee.lead')).toEqual({ items: [], hidden: 0 });
    }
  });

  it('a lead cannot find people by name (pseudonymised), but finds places', async () => {
    const r = await search({ text: 'test' }, 'lee.lead');
    expect(r.items.every((i) => i.kind !== 'Person')).toBe(true);
    expect(r.hidden).toBe(0);
    const byId = await search({ text: 'yp1' }, 'lee.lead');
    expect(byId.items[0].name).toMatch(/^Person [0-9A-F]{8}$/);
  });

  it('escapes query syntax', () => {
    expect(luceneQuery('a" OR b:*')).toBe('a\\"* AND or* AND b\\:\\**');
    expect(luceneQuery('   ')).toBeNull();
  });
});
