/**
 * The borough argument of an analytic or a pack: a borough the store holds records of, or none
 * (the whole store: the force, when it holds several). What a borough's figures count: read.ts.
 */
import { cypherFile } from '../../platform/db/query';
import { AnalyticsInputError } from '../../domain/input-error';
import { readAnalytics } from './read';
import type { AnalyticsSource } from './types';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/** The source scoped to `borough`; throws naming the argument when no record belongs to it. */
export async function scopedSource(source: AnalyticsSource, borough: string | null | undefined, field = 'borough'): Promise<AnalyticsSource> {
  if (borough === undefined || borough === null) return { ...source, borough: null };
  if (typeof borough !== 'string' || !CODE.test(borough)) {
    throw new AnalyticsInputError(field, 'must be a borough code: letters, digits, "-" or "_", at most 32 characters');
  }
  const rows = await readAnalytics<{ known: boolean }>(source, cypherFile(__dirname, 'borough-known'), { code: borough });
  if (!rows[0]?.known) throw new AnalyticsInputError(field, `no records of borough ${borough} are held here`);
  return { ...source, borough };
}

/** The sentence a result's method starts with when it covers one borough of several. */
export const boroughScopeSentence = (borough: string): string =>
  `Borough ${borough} only: its own children, places, persons of concern and events are counted and ranked; ` +
  'what is linked to them is read wherever it is recorded.';
