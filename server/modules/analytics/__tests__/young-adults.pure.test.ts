/** The young-adult cohort's pure logic, on hand-made rows with hand-counted answers. */
import { bandOf, cohortMembers, countCohort, type YoungAdultRow } from '../young-adults/cohort';
import { YOUNG_ADULTS_METHOD } from '../young-adults';
import { checkLanguage } from '../../../language';

const END = Date.UTC(2025, 9, 1); // 2025-Q3 ends; its last day is 30 September 2025
const row = (id: string, dob: string, o: Partial<YoungAdultRow> = {}): YoungAdultRow =>
  ({ id, dob, personOfConcern: false, adultsAtRiskReferrals: [], harmedAsVictim: [], ...o });

describe('young-adult cohort (pure)', () => {
  it('bands ages 18–20 and 21–25 and nothing else', () => {
    expect([17, 18, 20, 21, 25, 26].map(bandOf)).toEqual([null, '18-20', '18-20', '21-25', '21-25', null]);
  });

  it('takes the age on the quarter\'s last day: 18 on 30 September counts, 18 on 1 October does not', () => {
    const members = cohortMembers([
      row('turns18-last-day', '2007-09-30'), row('turns18-after', '2007-10-01'),
      row('turns26-last-day', '1999-09-30'), row('is25', '1999-10-01'),
    ], new Set(), END);
    expect(members.map((m) => [m.id, m.age, m.band])).toEqual([['is25', 25, '21-25'], ['turns18-last-day', 18, '18-20']]);
  });

  it('counts each person once in each column that applies, per band and in total', () => {
    const rows = [
      row('a', '2006-01-01', { adultsAtRiskReferrals: ['ref1'] }), // 19, known, referred
      row('b', '2006-05-01'), // 19, known, not referred
      row('c', '2005-01-01', { harmedAsVictim: ['inc1', 'inc2'] }), // 20, harmed twice: one person
      row('d', '2003-01-01', { personOfConcern: true }), // 22, known, person of concern, not referred
      row('e', '2001-01-01', { adultsAtRiskReferrals: ['ref2'], harmedAsVictim: ['inj1'] }), // 24, referred, not known
    ];
    const { byBand, total } = countCohort(cohortMembers(rows, new Set(['a', 'b', 'd']), END));
    expect(byBand).toEqual([
      { band: '18-20', youngAdults: 3, knownAsChildAtRisk: 2, referredToAdultsAtRiskPanel: 1, knownAsChildAtRiskNotReferred: 1, personsOfConcern: 0, harmedAsVictim: 1 },
      { band: '21-25', youngAdults: 2, knownAsChildAtRisk: 1, referredToAdultsAtRiskPanel: 1, knownAsChildAtRiskNotReferred: 1, personsOfConcern: 1, harmedAsVictim: 1 },
    ]);
    expect(total).toEqual({ band: 'all', youngAdults: 5, knownAsChildAtRisk: 3, referredToAdultsAtRiskPanel: 2, knownAsChildAtRiskNotReferred: 2, personsOfConcern: 1, harmedAsVictim: 2 });
  });

  it('an empty quarter gives zeros in both bands', () => {
    const { byBand, total } = countCohort([]);
    expect(byBand.map((b) => b.youngAdults)).toEqual([0, 0]);
    expect(total.youngAdults).toBe(0);
  });

  it('the method passes the language check', () => {
    expect(checkLanguage(YOUNG_ADULTS_METHOD)).toEqual([]);
  });
});
