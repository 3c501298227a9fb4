/**
 * Ages derived from a date of birth, always on the UTC calendar, so the server, the import, the
 * fixtures and the browser agree on the day a child turns 18 whatever their time zone.
 */

/** A calendar day or an instant: a Date, milliseconds since the epoch, or an ISO text. */
export type When = Date | number | string;

interface CalendarDay { year: number; month: number; day: number }

/** A date of birth's calendar day: 'YYYY-MM-DD' (anything after the date is ignored) or an instant. */
function birthDay(dateOfBirth: When): CalendarDay {
  if (typeof dateOfBirth === 'string') {
    const [year, month, day] = dateOfBirth.slice(0, 10).split('-').map(Number);
    return { year, month, day };
  }
  return utcDay(dateOfBirth);
}

function utcDay(when: When): CalendarDay {
  const d = when instanceof Date ? when : new Date(when);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Whole years of age on the UTC day of `on` (now by default); a birthday counts from its first moment. */
export function ageOn(dateOfBirth: When, on: When = new Date()): number {
  const born = birthDay(dateOfBirth);
  const today = utcDay(on);
  const beforeBirthday = today.month < born.month || (today.month === born.month && today.day < born.day);
  return today.year - born.year - (beforeBirthday ? 1 : 0);
}

export const isChildOn = (dateOfBirth: When, on: When = new Date()): boolean => ageOn(dateOfBirth, on) < 18;

export type AgeBand = 'under 10' | '10-14' | '15-17' | '18-25' | 'over 25';

/** Youth justice bands (10-14, 15-17) plus transitional safeguarding (18-25). */
export function ageBand(age: number): AgeBand {
  if (age < 10) return 'under 10';
  if (age <= 14) return '10-14';
  if (age <= 17) return '15-17';
  if (age <= 25) return '18-25';
  return 'over 25';
}
