/** Busy places: what is gathered around a context, the group's key, and its words, worked by hand. */
import { busyGroups, groupKey, groupLabel, groupCanvasLabel, groupSentence, groupWhat, memberWords, monthRange, GATHER_ABOVE, type CanvasEvent, type CanvasFacts } from '../busy';

const PLACE = 'loc-1';
const incident = (i: number, offenceType: string | undefined, day = `2017-0${3 + (i % 6)}-1${i % 10}T20:00:00Z`): CanvasEvent =>
  ({ id: `inc-${offenceType ?? 'none'}-${String(i).padStart(3, '0')}`, kind: 'Incident', offenceType, time: day });

/** Two places on the map; events each linked to nothing but `linkedTo` unless `links` says otherwise. */
function facts(events: CanvasEvent[], links: Record<string, string[]> = {}, linkedTo = PLACE, opened?: Record<string, string[]>): CanvasFacts {
  return {
    contexts: new Map([[PLACE, 'Location'], ['loc-2', 'Location']]),
    events,
    neighbours: new Map(events.map((e) => [e.id, new Set(links[e.id] ?? [linkedTo])])),
    opened: opened ? new Map(Object.entries(opened)) : undefined,
  };
}
const many = (n: number, offenceType: string | undefined) => Array.from({ length: n }, (_, i) => incident(i, offenceType));

describe('what a busy place gathers', () => {
  it('gathers more than GATHER_ABOVE events of one key, and no fewer', () => {
    expect(GATHER_ABOVE).toBe(10);
    expect(busyGroups(facts(many(10, 'robbery')))).toEqual([]);
    const [g] = busyGroups(facts(many(11, 'robbery')));
    expect(g).toMatchObject({ id: 'group:loc-1:Incident:robbery', context: PLACE, key: 'Incident:robbery', kind: 'Incident', what: 'Robbery', opened: false });
    expect(g.members).toHaveLength(11);
  });

  it('keeps incidents of different offence types apart, and other events by their kind', () => {
    const missing = Array.from({ length: 12 }, (_, i): CanvasEvent => ({ id: `mis-${i}`, kind: 'MissingEpisode', time: `2018-01-${String(i + 1).padStart(2, '0')}` }));
    const groups = busyGroups(facts([...many(23, 'robbery'), ...many(4, 'drug_supply'), ...missing]));
    expect(groups.map((g) => [g.key, g.members.length])).toEqual([['Incident:robbery', 23], ['MissingEpisode', 12]]);
  });

  it('gathers incidents with no offence type recorded under one key of their own', () => {
    const [g] = busyGroups(facts(many(11, undefined)));
    expect(g.key).toBe('Incident:unrecorded');
    expect(g.what).toBe('Incident (offence not recorded)');
  });

  it('leaves out an event that links to anything else on the map, and so may leave too few to gather', () => {
    const events = many(12, 'robbery');
    const links = { [events[0].id]: [PLACE, 'person-1'], [events[1].id]: [PLACE, 'loc-2'] };
    expect(busyGroups(facts(events, links))).toEqual([]);
    const thirteen = many(13, 'robbery');
    const [g] = busyGroups(facts(thirteen, { [thirteen[5].id]: [PLACE, 'person-1'] }));
    expect(g.members).toHaveLength(12);
    expect(g.members).not.toContain(thirteen[5].id);
  });

  it('gathers around a context only: events whose one link is a person stay apart', () => {
    expect(busyGroups(facts(many(15, 'robbery'), {}, 'person-1'))).toEqual([]);
  });

  it('orders members by time, gives the first and last, and marks groups the reader opened', () => {
    const events = [...many(11, 'robbery'), { id: 'inc-undated', kind: 'Incident', offenceType: 'robbery' }];
    const [g] = busyGroups(facts(events, {}, PLACE, { [PLACE]: ['Incident:robbery'] }));
    expect(g.opened).toBe(true);
    expect(g.members[0]).toBe('inc-undated');
    expect(g.first).toBe('2017-03-10T20:00:00Z');
    expect(g.last).toBe('2017-08-15T20:00:00Z');
    expect(busyGroups(facts(events))).toEqual(busyGroups(facts([...events].reverse())));
  });
});

describe('the words on a group', () => {
  const group = (what: string, kind: string, count: number, first?: string, last?: string) =>
    ({ id: 'g', context: PLACE, key: 'k', kind, what, members: Array.from({ length: count }, (_, i) => `e${i}`), first, last, opened: false });

  it('keys and names incidents by offence type, other events by kind', () => {
    expect(groupKey({ kind: 'Incident', offenceType: 'possession_of_weapon' })).toBe('Incident:possession_of_weapon');
    expect(groupKey({ kind: 'Arrest', offenceType: 'robbery' })).toBe('Arrest');
    expect(groupWhat({ kind: 'Incident', offenceType: 'possession_of_weapon' })).toBe('Possession of weapon');
    expect(groupWhat({ kind: 'Incident', offenceType: 'gbh' })).toBe('GBH');
    expect(groupWhat({ kind: 'MissingEpisode' })).toBe('Missing episode');
  });

  it('labels a group with what, how many and over which months', () => {
    const g = group('Robbery', 'Incident', 23, '2017-03-04T20:00:00Z', '2017-11-11T20:00:00Z');
    expect(groupLabel(g)).toBe('Robbery × 23 (Mar 2017 – Nov 2017)');
    expect(groupCanvasLabel(g)).toBe('Robbery × 23\nMar 2017 – Nov 2017');
    expect(groupLabel(group('Missing episode', 'MissingEpisode', 12, '2018-01-01', '2018-01-30'))).toBe('Missing episode × 12 (Jan 2018)');
    expect(groupLabel(group('Referral', 'Referral', 11))).toBe('Referral × 11');
    expect(monthRange(undefined, undefined)).toBe('');
  });

  it('says the group in a sentence for the detail panel', () => {
    const g = group('Robbery', 'Incident', 23, '2017-03-04T20:00:00Z', '2017-11-11T20:00:00Z');
    expect(groupSentence(g, 'Wrenmoor Parade')).toBe('23 robbery incidents at Wrenmoor Parade from Mar 2017 to Nov 2017, drawn as one group node.');
    expect(groupSentence({ ...g, opened: true, first: '2017-03-04', last: '2017-03-30' }, 'Wrenmoor Parade'))
      .toBe('23 robbery incidents at Wrenmoor Parade in Mar 2017, shown one by one.');
    expect(memberWords(group('GBH', 'Incident', 2), 2)).toBe('GBH incidents');
    expect(memberWords(group('Incident (offence not recorded)', 'Incident', 2), 2)).toBe('incidents');
    expect(memberWords(group('Missing episode', 'MissingEpisode', 1), 1)).toBe('missing episode');
    expect(memberWords(group('Support', 'Support', 12), 12)).toBe('support records');
  });
});
