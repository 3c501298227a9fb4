/**
 * Relative rate index against the borough population (pure), with statistical disclosure control.
 * Cohort: children 10–17 at the quarter end with the outcome in the quarter, one row per child (at
 * risk: latest assessment above 'none'; or arrested, excluded, a suspect, referred). RRI_g = (cohort_g / population_g) / (cohort / population); 95% interval on the log scale
 * with se = √(1/a − 1/n + 1/A − 1/N) (approximate). Disclosure control: counts 1–4 → "c"
 * (primary); in each dimension, if exactly one cell is suppressed, the next smallest non-zero cell
 * is suppressed too (secondary), so no cell can be worked back from the total; no rate or RRI over
 * fewer than 10 children; a zero shown is a true zero.
 * Fairness (GRACES) dimensions (faith, immigration status, neurodiversity, first language) are
 * extra tables of the same kind; where the baseline has no figures for one, its rows give the
 * cohort and its shares with no population, rate or RRI. A person may have more than one
 * neurodiversity recorded, so that table's rows may add up to more than the cohort.
 */
import { ETHNICITY_GROUP, FAITH, FIRST_LANGUAGE, IMMIGRATION_STATUS, NEURODIVERSITY, type GracesField } from '../../../model/enums';
import type { PopulationBaseline } from '../../../domain/population';
import { ageOn, ageBand } from '../../../domain/age';
import type { DisproportionalityDimension, RateRow } from '../types';
/** A child in a cohort, with the characteristics the tables group by. */
export interface CohortRow {
  childId: string; dob: string | null; sex: string | null; ethnicity: string | null; sen: string | null; careStatus: string | null;
  faith?: string | null; immigrationStatus?: string | null; neurodiversity?: string[] | null; firstLanguage?: string | null;
}

/** The group of a fairness field left empty on the record. */
export const NOT_RECORDED = 'not_recorded';

/** Each fairness dimension's codes, so a group with no one in it still shows as a true zero. */
const GRACES_CODES: Record<GracesField, string[]> = {
  faith: [...Object.keys(FAITH), NOT_RECORDED],
  immigrationStatus: [...Object.keys(IMMIGRATION_STATUS), NOT_RECORDED],
  // Nothing recorded and "none recorded" are one group: no neurodivergence is known.
  neurodiversity: Object.keys(NEURODIVERSITY),
  firstLanguage: [...Object.keys(FIRST_LANGUAGE), NOT_RECORDED],
};
const GRACES_BASELINE: Record<GracesField, keyof PopulationBaseline> = {
  faith: 'byFaith', immigrationStatus: 'byImmigrationStatus', neurodiversity: 'byNeurodiversity', firstLanguage: 'byFirstLanguage',
};
const isGraces = (dim: DisproportionalityDimension): dim is GracesField => dim in GRACES_CODES;

/** The baseline's figures for a fairness dimension, or null when it has none. */
export function gracesBaseline(b: PopulationBaseline, dim: GracesField): Record<string, number> | null {
  const by = b[GRACES_BASELINE[dim]] as Record<string, number> | undefined;
  return by && Object.keys(by).length ? by : null;
}

/** The groups a person falls in for a fairness dimension (several for neurodiversity). */
export function gracesGroups(r: CohortRow, dim: GracesField): string[] {
  if (dim === 'neurodiversity') {
    const codes = (r.neurodiversity ?? []).filter((c) => c !== 'none_recorded');
    return codes.length ? [...new Set(codes)] : ['none_recorded'];
  }
  return [r[dim] ?? NOT_RECORDED];
}

export const MIN_FOR_RATE = 10;
export const SUPPRESS_MAX = 4;

const group = (code: string): string => ETHNICITY_GROUP[code as keyof typeof ETHNICITY_GROUP] ?? code;

function baselineBy(b: PopulationBaseline, dim: DisproportionalityDimension): Record<string, number> | null {
  if (isGraces(dim)) return gracesBaseline(b, dim);
  switch (dim) {
    case 'ethnicity': {
      const out: Record<string, number> = {};
      for (const [k, v] of Object.entries(b.byEthnicity)) out[group(k)] = (out[group(k)] ?? 0) + v;
      return out;
    }
    case 'ethnicityDetailed': return b.byEthnicity;
    case 'sex': return b.bySex;
    case 'ageBand': return b.byAgeBand;
    case 'sen': return b.bySen;
    case 'careStatus': return b.byCareStatus;
  }
}

function groupsOf(r: CohortRow, dim: DisproportionalityDimension, atMs: number): string[] {
  return isGraces(dim) ? gracesGroups(r, dim) : [groupOf(r, dim, atMs)];
}

function groupOf(r: CohortRow, dim: Exclude<DisproportionalityDimension, GracesField>, atMs: number): string {
  switch (dim) {
    case 'ethnicity': return group(r.ethnicity ?? 'NOT_STATED');
    case 'ethnicityDetailed': return r.ethnicity ?? 'NOT_STATED';
    case 'sex': return r.sex ?? 'UNKNOWN';
    case 'ageBand': return r.dob ? ageBand(ageOn(r.dob, atMs)) : 'unknown';
    case 'sen': return r.sen ?? 'N';
    case 'careStatus': return r.careStatus ?? 'NONE';
  }
}

/**
 * Ethnicity in the 19 ONS groups as well as the broad ones: disclosure control hides the groups
 * too small to show, so the detailed table shows what the numbers allow.
 */
export const DIMENSIONS: DisproportionalityDimension[] = ['ethnicity', 'ethnicityDetailed', 'sex', 'ageBand', 'sen', 'careStatus',
  'faith', 'immigrationStatus', 'neurodiversity', 'firstLanguage'];

/** cohort: one row per child. */
export function relativeRates(cohort: CohortRow[], baseline: PopulationBaseline, periodEndMs: number): { rows: RateRow[]; cohortTotal: number; dimensionsWithoutBaseline: DisproportionalityDimension[] } {
  const at = periodEndMs - 1;
  const inBand = cohort.filter((r) => r.dob && ageOn(r.dob, at) >= 10 && ageOn(r.dob, at) <= 17);
  const A = inBand.length;
  const N = baseline.total;
  const tables: RateRow[][] = [];
  const withoutBaseline: DisproportionalityDimension[] = [];
  for (const dim of DIMENSIONS) {
    const pop = baselineBy(baseline, dim);
    if (!pop) withoutBaseline.push(dim);
    const groups = [...Object.keys(pop ?? {}), ...(isGraces(dim) ? GRACES_CODES[dim] : [])];
    const counts = new Map<string, number>(groups.map((k) => [k, 0]));
    inBand.forEach((r) => { for (const g of groupsOf(r, dim, at)) counts.set(g, (counts.get(g) ?? 0) + 1); });
    const cells = [...counts.entries()].sort((x, y) => x[0].localeCompare(y[0])).map(([g, a]): RateRow => {
      const n = pop ? pop[g] ?? 0 : null;
      const rateOk = a >= MIN_FOR_RATE && n !== null && n > 0 && A > 0;
      const rri = rateOk ? (a / n!) / (A / N) : null;
      const se = rateOk ? Math.sqrt(1 / a - 1 / n! + 1 / A - 1 / N) : 0;
      return {
        dimension: dim, group: g, cohort: a, cohortDisplay: String(a), population: n,
        cohortPercent: A >= MIN_FOR_RATE ? round((100 * a) / A, 1) : null,
        ratePer1000: rateOk ? round((1000 * a) / n!, 2) : null,
        rri: rri == null ? null : round(rri, 3),
        rriLow: rri == null ? null : round(rri * Math.exp(-1.96 * se), 3),
        rriHigh: rri == null ? null : round(rri * Math.exp(1.96 * se), 3),
        suppressed: null,
      };
    });
    tables.push(cells);
  }
  return { rows: suppressLinked(tables).flat(), cohortTotal: A, dimensionsWithoutBaseline: withoutBaseline };
}

/**
 * Suppression over the linked tables: each dimension's table has the cohort as its total, and
 * each broad ethnic group is the sum of its detailed groups. Primary suppression, then, until
 * nothing changes: a table with one hidden cell hides another; a broad group shown with one
 * hidden detailed group hides another (or itself, when no other is non-zero); a hidden broad
 * group shown whole in the detailed table hides one of its detailed groups.
 */
export function suppressLinked(tables: RateRow[][]): RateRow[][] {
  const out = tables.map((t) => t.map((c) => ({ ...c })));
  out.flat().forEach((c) => { if (c.cohort != null && c.cohort >= 1 && c.cohort <= SUPPRESS_MAX) hide(c, 'primary'); });
  const broad = out.find((t) => t[0]?.dimension === 'ethnicity') ?? [];
  const detailed = out.find((t) => t[0]?.dimension === 'ethnicityDetailed') ?? [];
  for (let changed = true; changed;) {
    changed = false;
    for (const t of out) if (t.filter((c) => c.suppressed).length === 1) changed = hideSmallest(t) || changed;
    for (const b of broad) {
      const members = detailed.filter((d) => group(d.group) === b.group);
      const hidden = members.filter((d) => d.suppressed).length;
      if (!b.suppressed && hidden === 1) {
        if (!hideSmallest(members)) hide(b, 'secondary');
        changed = true;
      }
      if (b.suppressed && hidden === 0) changed = hideSmallest(members) || changed;
    }
  }
  return out;
}

/** Hides the smallest non-zero cell still shown (ties by group); false when there is none. */
function hideSmallest(cells: RateRow[]): boolean {
  const next = cells.filter((c) => !c.suppressed && (c.cohort ?? 0) > 0).sort((x, y) => (x.cohort! - y.cohort!) || x.group.localeCompare(y.group))[0];
  if (next) hide(next, 'secondary');
  return next !== undefined;
}

/** Primary then secondary suppression within one dimension (one-way table with a published total). */
export const suppress = (cells: RateRow[]): RateRow[] => suppressLinked([cells])[0];

function hide(c: RateRow, why: 'primary' | 'secondary'): void {
  c.suppressed = why;
  c.cohort = null;
  c.cohortDisplay = 'c';
  c.cohortPercent = null;
  c.ratePer1000 = null;
  c.rri = null;
  c.rriLow = null;
  c.rriHigh = null;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
