/**
 * Transitional safeguarding (plain services): the young-adult cohort 18–25 for a quarter, and the
 * records that show a person was known as a child at risk (used by the cohort and by a young
 * adult's profile).
 */
import { cypherFile } from '../../../platform/db/query';
import { readAnalytics } from '../read';
import { parseQuarter } from '../../../domain/period';
import { cohortMembers, countCohort, type YoungAdultMember, type YoungAdultRow } from './cohort';
import type { AnalyticsSource, YoungAdultsArgs, YoungAdultsResult } from '../types';

export { cohortMembers, countCohort, bandOf, BANDS } from './cohort';
export type { YoungAdultMember, YoungAdultRow } from './cohort';

/** How many ids one evidence query reads at once. */
const IDS_PER_QUERY = 1000;

/**
 * Person id → the records from before their 18th birthday that show they were known as a child at
 * risk (sorted); people without any are left out. Read as the source's viewer.
 */
export async function childAtRiskEvidence(source: AnalyticsSource, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const rows = await readAnalytics<{ id: string; evidence: string[] }>(source, cypherFile(__dirname, 'child-at-risk'), { ids: ids.slice(i, i + IDS_PER_QUERY) });
    rows.forEach((r) => out.set(r.id, [...r.evidence].sort()));
  }
  return out;
}

/** The people in the quarter's young-adult cohort, each with what they are counted for. */
export async function youngAdultMembers(source: AnalyticsSource, quarter: string): Promise<YoungAdultMember[]> {
  const period = parseQuarter(quarter);
  const rows = await readAnalytics<YoungAdultRow>(source, cypherFile(__dirname, 'young-adults'), { from: period.start, to: period.end });
  const evidence = await childAtRiskEvidence(source, rows.map((r) => r.id));
  return cohortMembers(rows, new Set(evidence.keys()), period.endMs);
}

export const YOUNG_ADULTS_METHOD = 'Young adults: people with the young-person role aged 18 to 25 on the quarter\'s last day (from a recorded date of birth; '
  + 'people without one are left out, as their age is not known) who were involved in an event, or the subject of a report, action, assessment or '
  + 'referral, in the quarter. Known as a child at risk: a CEAM risk assessment above none, a referral, or an exploitation, grooming or recruitment '
  + 'link recorded before their 18th birthday. Referred to the Adults at Risk Panel: a referral since their 18th birthday, by the quarter\'s end. '
  + 'Persons of concern: young adults who now also hold that role (transitional safeguarding: their own history as a child at risk is a '
  + 'safeguarding consideration). Harmed as a victim: a victim in an incident or injury in the quarter. Counts of people; a person is counted '
  + 'once in each column that applies. Fairness fields and protected characteristics are not read.';

export async function youngAdults(source: AnalyticsSource, args: YoungAdultsArgs): Promise<YoungAdultsResult> {
  const period = parseQuarter(args.quarter);
  const members = await youngAdultMembers(source, period.quarter);
  const { byBand, total } = countCohort(members);
  return { quarter: period.quarter, method: YOUNG_ADULTS_METHOD, byBand, total };
}
