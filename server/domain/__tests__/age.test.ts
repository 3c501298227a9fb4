import { ageOn, ageBand, isChildOn } from '../age';

describe('ageOn: whole years on the UTC calendar day', () => {
  it('turns a year older on the birthday itself, not the day before', () => {
    expect(ageOn('2007-08-01', Date.UTC(2025, 6, 31))).toBe(17);
    expect(ageOn('2007-08-01', Date.UTC(2025, 7, 1))).toBe(18);
  });

  it('reads the UTC day of an instant, whatever the local time zone', () => {
    // 23:30 on the 31st in UTC is already the 1st in UTC+1 (London summer time): still 17.
    expect(ageOn('2007-08-01', '2025-07-31T23:30:00Z')).toBe(17);
    expect(ageOn('2007-08-01', '2025-08-01T00:00:00Z')).toBe(18);
    // An instant written with an offset is the UTC moment it names.
    expect(ageOn('2007-08-01', '2025-08-01T00:30:00+01:00')).toBe(17);
  });

  it('accepts a date of birth as text with a time, or as an instant, and the day as a Date', () => {
    expect(ageOn('2007-08-01T00:00:00Z', new Date('2025-08-01T12:00:00Z'))).toBe(18);
    expect(ageOn(Date.UTC(2007, 7, 1), Date.UTC(2025, 6, 31, 23, 59))).toBe(17);
  });

  it('counts a 29 February birthday from 1 March in other years', () => {
    expect(ageOn('2008-02-29', '2026-02-28T12:00:00Z')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01T00:00:00Z')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29T00:00:00Z')).toBe(20);
  });

  it('is zero in the first year and never rounds up', () => {
    expect(ageOn('2025-12-31', '2026-12-30T23:59:59Z')).toBe(0);
    expect(ageOn('2025-12-31', '2026-12-31T00:00:00Z')).toBe(1);
  });

  it('calls a person a child until the first moment of their 18th birthday', () => {
    expect(isChildOn('2008-03-01', '2026-02-28T23:59:59Z')).toBe(true);
    expect(isChildOn('2008-03-01', '2026-03-01T00:00:00Z')).toBe(false);
  });
});

describe('ageBand: youth justice bands and transitional safeguarding', () => {
  it.each([
    [9, 'under 10'], [10, '10-14'], [14, '10-14'], [15, '15-17'], [17, '15-17'],
    [18, '18-25'], [25, '18-25'], [26, 'over 25'],
  ])('age %i is in band %s', (age, band) => {
    expect(ageBand(age)).toBe(band);
  });
});
