/** Children of concern (pure): points, signs of exploitation and ranking, computed by hand. */
import { indicators, rankChildrenOfConcern, repeatMissingRun, scoreChild, type ConcernRow } from '../referral/concern';
import { followUp, rhiSummary, type CriticalRow } from '../critical/follow-up';

const END = Date.parse('2025-10-01T00:00:00Z');
const DAY = 86_400_000;
const row = (over: Partial<ConcernRow>): ConcernRow => ({
  id: 'c1', name: 'Test Child', dob: '2010-01-01', events: [], coercionEvents: [], missing: [], foundWithSigns: [],
  countyLines: [], targetedBy: [], otherReferrals: [], ...over,
});
const robbery = (id: string, assessment = '1') => ({
  id, kind: 'Incident', offenceType: 'robbery', injuryKind: null, atMs: END - 10 * DAY, gradingScheme: '3x5x2', sourceEval: 'A', assessment,
});
const missing = (id: string, daysBeforeEnd: number, extra: Partial<{ foundOutOfBorough: boolean; countyLinesConcern: boolean }> = {}) => ({
  id, atMs: END - daysBeforeEnd * DAY, foundOutOfBorough: false, countyLinesConcern: false, ...extra,
});

describe('children of concern (pure)', () => {
  it('one serious harm alone scores 1: below the default threshold', () => {
    const c = scoreChild(row({ events: [robbery('inc1')] }), END);
    expect(c).toMatchObject({ concernScore: 1, victimPoints: 1, victimHarm: 1460, indicators: [] });
    expect(rankChildrenOfConcern([row({ events: [robbery('inc1')] })], END, 2)).toEqual([]);
  });

  it('victim points are capped at 2', () => {
    expect(scoreChild(row({ events: [robbery('a'), robbery('b'), robbery('c')] }), END).victimPoints).toBe(2);
  });

  it('reads a coerced child from the records: each sign with its evidence', () => {
    const c = scoreChild(row({
      coercionEvents: [{ id: 'arr1', offenceType: 'drug_supply', atMs: END - 5 * DAY }],
      countyLines: ['line1'], targetedBy: ['EXPLOITS:poc1'],
      missing: [missing('m1', 40, { foundOutOfBorough: true, countyLinesConcern: true })],
    }), END);
    expect(c.victimPoints).toBe(0);
    expect(c.indicators.map((i) => i.kind)).toEqual([
      'possibleCoercionInOffence', 'linkedToCountyLine', 'targetedByAdult', 'foundOutOfBorough', 'missingWithCountyLinesConcern',
    ]);
    expect(c.indicators[0].evidence).toEqual(['arr1']);
    expect(c.concernScore).toBe(5);
    expect(c.lastEventAt).toBe(new Date(END - 5 * DAY).toISOString());
  });

  it('found with money, phones, goods or travel they cannot account for: one sign, with each record', () => {
    const c = scoreChild(row({ foundWithSigns: [{ id: 'arr2', atMs: END - 3 * DAY }, { id: 'mis2', atMs: END - 9 * DAY }] }), END);
    expect(c.indicators).toEqual([{ kind: 'foundWithUnexplainedItems', evidence: ['arr2', 'mis2'] }]);
    expect(c.concernScore).toBe(1);
    expect(c.lastEventAt).toBe(new Date(END - 3 * DAY).toISOString());
  });

  it('repeat missing: three episodes within 30 days, not three spread wider', () => {
    expect(repeatMissingRun([missing('a', 90), missing('b', 75), missing('c', 62)])).toEqual(['a', 'b', 'c']);
    expect(repeatMissingRun([missing('a', 90), missing('b', 70), missing('c', 50)])).toEqual([]);
    expect(indicators(row({ missing: [missing('a', 90), missing('b', 70), missing('c', 50)] }))).toEqual([]);
  });

  it('ranks by score, then victim harm, then id', () => {
    const ranked = rankChildrenOfConcern([
      row({ id: 'b', events: [robbery('x'), robbery('y')] }),
      row({ id: 'a', countyLines: ['l'], targetedBy: ['GROOMS:p'], events: [robbery('z')] }),
      row({ id: 'c', countyLines: ['l'], targetedBy: ['GROOMS:p'] }),
    ], END, 2);
    expect(ranked.map((c) => [c.id, c.concernScore])).toEqual([['a', 3], ['b', 2], ['c', 2]]);
  });
});

describe('critical-moment follow-up for a child already known', () => {
  const base: CriticalRow = {
    eventId: 'ex1', kind: 'Exclusion', atMs: END - 60 * DAY, childId: 'c1', childName: 'Test Child',
    interviews: [], referralIds: [], reviewIds: [],
  };

  it('a referral is overdue for a child not known, never for a child already open to a panel or plan', () => {
    expect(followUp(base, END, 28)).toMatchObject({ overdue: ['referral', 'planReview'], alreadyKnown: false, knownBy: [] });
    expect(followUp({ ...base, knownBy: ['PANEL', 'CPP'] }, END, 28)).toMatchObject({ overdue: ['planReview'], alreadyKnown: true, knownBy: ['CPP', 'PANEL'] });
  });

  it('the RHI rate counts returns only', () => {
    const items = [followUp(base, END, 28), followUp({ ...base, eventId: 'm1', kind: 'ReturnFromMissing' }, END, 28)];
    expect(rhiSummary(items)).toMatchObject({ returns: 1, within72h: 0 });
  });
});
