import { clampSpan, defaultSpan, monthEnd, monthKey, monthName, monthOf, monthStart, parseMonthKey, periodMonths, quartersOf } from '../period';

describe('the data period in months and quarters', () => {
  it('counts months from ISO dates and back', () => {
    expect(monthKey(monthOf('2017-03-01'))).toBe('2017-03');
    expect(monthOf('2025-01-31') - monthOf('2024-12-01')).toBe(1);
    expect([monthStart(monthOf('2024-02-10')), monthEnd(monthOf('2024-02-10'))]).toEqual(['2024-02-01', '2024-02-29']);
    expect(monthEnd(monthOf('2017-12-01'))).toBe('2017-12-31');
    expect(monthName(monthOf('2017-03-01'))).toBe('Mar 2017');
    expect([parseMonthKey('2017-03'), parseMonthKey('2017-13'), parseMonthKey('March')]).toEqual([monthOf('2017-03-01'), undefined, undefined]);
  });

  it('lists the quarters from the first event to the last, the most recent first', () => {
    const span = periodMonths({ first: '2017-02-14', last: '2018-01-03' });
    expect(quartersOf(span)).toEqual(['2018-Q1', '2017-Q4', '2017-Q3', '2017-Q2', '2017-Q1']);
    expect(quartersOf(periodMonths({ first: '2024-10-01', last: '2026-09-30' }))).toHaveLength(8);
  });

  it('offers the year to today when the caller may see no event', () => {
    const span = periodMonths({ first: null, last: null }, new Date('2026-12-03T00:00:00Z'));
    expect([monthKey(span.first), monthKey(span.last)]).toEqual(['2026-01', '2026-12']);
  });

  it('keeps the sliders to at most the given months, the most recent by default', () => {
    const period = periodMonths({ first: '2004-06-01', last: '2026-09-30' });
    const span = defaultSpan(period, 120);
    expect([monthKey(span.first), monthKey(span.last)]).toEqual(['2016-10', '2026-09']);
    expect(defaultSpan(periodMonths({ first: '2024-10-01', last: '2026-09-30' }), 120).first).toBe(monthOf('2024-10'));
  });

  it('keeps a chosen range inside the period and no longer than the maximum', () => {
    const period = periodMonths({ first: '2004-06-01', last: '2026-09-30' });
    const keys = (s: { first: number; last: number }) => [monthKey(s.first), monthKey(s.last)];
    expect(keys(clampSpan({ first: monthOf('2001-01'), last: monthOf('2005-01') }, period, 120, 'first'))).toEqual(['2004-06', '2005-01']);
    // Too long: the end not moved follows.
    expect(keys(clampSpan({ first: monthOf('2005-01'), last: monthOf('2026-09') }, period, 120, 'first'))).toEqual(['2005-01', '2014-12']);
    expect(keys(clampSpan({ first: monthOf('2005-01'), last: monthOf('2026-09') }, period, 120, 'last'))).toEqual(['2016-10', '2026-09']);
    // Crossed ends meet at the one moved.
    expect(keys(clampSpan({ first: monthOf('2020-05'), last: monthOf('2019-01') }, period, 120, 'first'))).toEqual(['2020-05', '2020-05']);
  });
});
