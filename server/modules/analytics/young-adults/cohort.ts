/**
 * The young-adult cohort (pure): young people aged 18 to 25 on the quarter's last day who are
 * known to the partnership in the quarter, counted by age band (18–20, 21–25) with how many were
 * known as a child at risk, have been referred to the Adults at Risk Panel since turning 18, now
 * also hold the person-of-concern role, and were harmed as a victim in the quarter. Counts only:
 * disclosure control is the caller's (the partner pack suppresses them like every other table).
 */
import { ageOn } from '../../../domain/age';
import type { YoungAdultBand, YoungAdultCounts } from '../types';

/** One young person as the cohort query reads them. */
export interface YoungAdultRow {
  id: string;
  dob: string;
  personOfConcern: boolean;
  adultsAtRiskReferrals: string[];
  harmedAsVictim: string[];
}

export const BANDS: readonly YoungAdultBand[] = ['18-20', '21-25'];

export const bandOf = (age: number): YoungAdultBand | null => (age >= 18 && age <= 20 ? '18-20' : age >= 21 && age <= 25 ? '21-25' : null);

/** A person in the cohort, with what the counts are made of. */
export interface YoungAdultMember {
  id: string;
  age: number;
  band: YoungAdultBand;
  knownAsChildAtRisk: boolean;
  referredToAdultsAtRiskPanel: boolean;
  personOfConcern: boolean;
  harmedAsVictim: boolean;
}

/** The rows of people 18–25 on the day before `periodEndMs` (the quarter's last day); others dropped. */
export function cohortMembers(rows: YoungAdultRow[], childAtRisk: ReadonlySet<string>, periodEndMs: number): YoungAdultMember[] {
  const lastDay = periodEndMs - 1;
  const out: YoungAdultMember[] = [];
  for (const r of rows) {
    const age = ageOn(r.dob, lastDay);
    const band = bandOf(age);
    if (!band) continue;
    out.push({
      id: r.id, age, band,
      knownAsChildAtRisk: childAtRisk.has(r.id),
      referredToAdultsAtRiskPanel: r.adultsAtRiskReferrals.length > 0,
      personOfConcern: r.personOfConcern,
      harmedAsVictim: r.harmedAsVictim.length > 0,
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

const zero = (): Omit<YoungAdultCounts, 'band'> => ({
  youngAdults: 0, knownAsChildAtRisk: 0, referredToAdultsAtRiskPanel: 0, knownAsChildAtRiskNotReferred: 0, personsOfConcern: 0, harmedAsVictim: 0,
});

/** Counts per band, in BANDS order, and their total (band 'all'). */
export function countCohort(members: YoungAdultMember[]): { byBand: YoungAdultCounts[]; total: YoungAdultCounts } {
  const add = (c: Omit<YoungAdultCounts, 'band'>, m: YoungAdultMember): void => {
    c.youngAdults += 1;
    if (m.knownAsChildAtRisk) c.knownAsChildAtRisk += 1;
    if (m.referredToAdultsAtRiskPanel) c.referredToAdultsAtRiskPanel += 1;
    if (m.knownAsChildAtRisk && !m.referredToAdultsAtRiskPanel) c.knownAsChildAtRiskNotReferred += 1;
    if (m.personOfConcern) c.personsOfConcern += 1;
    if (m.harmedAsVictim) c.harmedAsVictim += 1;
  };
  const byBand = BANDS.map((band) => {
    const c = zero();
    members.filter((m) => m.band === band).forEach((m) => add(c, m));
    return { band, ...c };
  });
  const total = zero();
  members.forEach((m) => add(total, m));
  return { byBand, total: { band: 'all', ...total } };
}
