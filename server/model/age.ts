/**
 * What a person record says about their age: a date of birth, an age on a day, an age range on a
 * day, or nothing. The latest birth date consistent with it decides who may be treated as an
 * adult: only someone whose latest possible birth date is 18 years before a day was certainly 18
 * on that day. No date of birth and no age means age unknown, never adult.
 */
import { RowError } from './errors';
import type { RowOrigin } from './types';

export interface AgeFacts {
  dateOfBirth?: unknown; age?: unknown; ageMin?: unknown; ageMax?: unknown; ageOn?: unknown;
}

const MAX_YEARS = 130;

/** The day `years` years before an ISO date (29 February → 28 February in a common year). */
function yearsBefore(iso: string, years: number): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const last = new Date(Date.UTC(y - years, m, 0)).getUTCDate();
  return `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * Checks the age fields of a person row (an age needs its day; a range must be ordered) and
 * returns the latest birth date they allow (YYYY-MM-DD), or undefined when the age is unknown.
 */
export function latestBirthDate(row: AgeFacts, origin: RowOrigin): string | undefined {
  const fail = (field: string, reason: string): never => { throw new RowError(origin.file, origin.row, field, reason); };
  const given = (['age', 'ageMin', 'ageMax'] as const).filter((f) => row[f] !== undefined && row[f] !== '');
  for (const f of given) if (!isInt(row[f]) || (row[f] as number) < 0 || (row[f] as number) > MAX_YEARS) fail(f, `expected an age in whole years (0-${MAX_YEARS}), got ${JSON.stringify(row[f])}`);
  if (given.length && typeof row.ageOn !== 'string') fail('ageOn', `${given.join(' and ')} need ageOn, the day the age was true`);
  if (isInt(row.ageMin) && isInt(row.ageMax) && row.ageMin > row.ageMax) fail('ageMax', `ageMax ${row.ageMax} is below ageMin ${row.ageMin}`);
  if (typeof row.dateOfBirth === 'string' && row.dateOfBirth) return row.dateOfBirth.slice(0, 10);
  const on = row.ageOn as string;
  if (isInt(row.age)) return yearsBefore(on, row.age);
  if (isInt(row.ageMin)) return yearsBefore(on, row.ageMin);
  return undefined;
}

/** True only when the person was certainly 18 or over on the day (age unknown is never adult). */
export function certainlyAdultOn(latestBirth: string | undefined, day: Date): boolean {
  if (!latestBirth) return false;
  return latestBirth <= yearsBefore(day.toISOString().slice(0, 10), 18);
}

/** Valid NHS number: 10 digits whose modulus-11 check digit matches. */
export function validNhsNumber(text: string): boolean {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((s, c, i) => s + Number(c) * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}
