/**
 * Children at risk aged 10–17 against the borough baseline, one table per dimension. The fairness
 * dimensions (religion or belief, immigration status, neurodiversity, first language) follow the
 * same rules; where the baseline has no figures for one, its table gives the counts and no rate.
 */
import { ETHNICITY_GROUP, FAITH, FIRST_LANGUAGE, GRACES_FIELDS, IMMIGRATION_STATUS, NEURODIVERSITY, type GracesField } from '../../../model/enums';
import { gracesBaseline, gracesGroups, NOT_RECORDED } from '../../analytics/trends/disproportionality';
import { ageAt, ageBand } from '../../../domain/period';
import { relativeRateIndex, rriText, SUPPRESSED, PublishedTable } from '../disclosure';
import type { BriefingData } from '../gather';
import type { ResolvedOptions } from '../options';
import { DIMENSION_LABEL, fmt, label } from '../labels';
import { BuiltTable, ExtraColumn, count, countTable } from './table';

export const DIMENSIONS = ['ageBand', 'sex', 'ethnicity', 'sen', 'careStatus', ...GRACES_FIELDS] as const;
export type Dimension = (typeof DIMENSIONS)[number];

const isGraces = (dim: Dimension): dim is GracesField => (GRACES_FIELDS as readonly string[]).includes(dim);
/** A fairness dimension's codes, so an empty group shows as a true zero. */
const GRACES_GROUPS: Record<GracesField, string[]> = {
  faith: [...Object.keys(FAITH), NOT_RECORDED], immigrationStatus: [...Object.keys(IMMIGRATION_STATUS), NOT_RECORDED],
  neurodiversity: Object.keys(NEURODIVERSITY), firstLanguage: [...Object.keys(FIRST_LANGUAGE), NOT_RECORDED],
};

function groupsOf(r: BriefingData['cohort'][number], dim: Dimension, atMs: number): string[] {
  return isGraces(dim) ? gracesGroups(r, dim) : [groupOf(r, dim, atMs)];
}

function groupOf(r: BriefingData['cohort'][number], dim: Exclude<Dimension, GracesField>, atMs: number): string {
  switch (dim) {
    case 'ethnicity': return ETHNICITY_GROUP[(r.ethnicity ?? 'NOT_STATED') as keyof typeof ETHNICITY_GROUP] ?? 'Not stated';
    case 'sex': return r.sex ?? 'UNKNOWN';
    case 'ageBand': return r.dob ? ageBand(ageAt(r.dob, atMs)) : 'unknown';
    case 'sen': return r.sen ?? 'N';
    case 'careStatus': return r.careStatus ?? 'NONE';
  }
}

/** The baseline's figures for the dimension; null when it has none for a fairness dimension. */
function baselineFor(d: BriefingData, dim: Dimension): Record<string, number> | null {
  const b = d.baseline;
  if (!b) return {};
  if (isGraces(dim)) return gracesBaseline(b, dim);
  if (dim === 'ethnicity') {
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(b.byEthnicity)) {
      const g = ETHNICITY_GROUP[k as keyof typeof ETHNICITY_GROUP] ?? k;
      out[g] = (out[g] ?? 0) + v;
    }
    return out;
  }
  return { ageBand: b.byAgeBand, sex: b.bySex, sen: b.bySen, careStatus: b.byCareStatus }[dim];
}

/** Children 10–17 at the quarter end, at risk in the quarter: the disproportionality cohort. */
export function demographicCohort(d: BriefingData): BriefingData['cohort'] {
  const at = Date.parse(d.period.end) - 1;
  return d.cohort.filter((r) => r.quarter === d.quarter && r.dob && ageAt(r.dob, at) >= 10 && ageAt(r.dob, at) <= 17);
}

export function demographics(d: BriefingData, o: ResolvedOptions, dim: Dimension): BuiltTable {
  const cohort = demographicCohort(d);
  const at = Date.parse(d.period.end) - 1;
  const baseline = baselineFor(d, dim);
  const pop = baseline ?? {};
  const groups = [...new Set([...Object.keys(pop), ...(isGraces(dim) ? GRACES_GROUPS[dim] : []), ...cohort.flatMap((r) => groupsOf(r, dim, at))])].sort();
  // A child may have more than one neurodiversity recorded: that table's rows are not a partition, so it prints no total.
  const partition = dim !== 'neurodiversity';
  const notes = [
    !d.baseline && dim === 'sex' ? 'No population baseline is loaded: rates and RRI cannot be computed.' : undefined,
    d.baseline && !baseline ? `The population baseline has no figures for ${DIMENSION_LABEL[dim].toLowerCase()}: counts only, no rate or RRI.` : undefined,
    partition ? undefined : 'A child may have more than one recorded, so the rows may add up to more than the children at risk.',
    isGraces(dim) ? 'Recorded for some children only; used in aggregates like this one, never in any ranking or score.' : undefined,
  ].filter((n): n is string => !!n);
  return {
    table: countTable({
      id: `demographics-${dim}`, title: `Children at risk aged 10–17 by ${DIMENSION_LABEL[dim].toLowerCase()}`, rowHeader: DIMENSION_LABEL[dim],
      rows: groups.map((g) => (dim === 'ethnicity' || dim === 'ageBand' ? g : label(dim, g))), cols: ['Children at risk'],
      cells: groups.map((g) => [count(cohort, (r) => groupsOf(r, dim, at).includes(g))]),
      showColTotals: partition,
    }),
    extra: baseline === null ? undefined
      : (p) => rateColumns(p, groups, pop, { cohortSize: cohort.length, popTotal: d.baseline?.total ?? 0, control: o.edition === 'partner' }),
    note: notes.length ? notes.join(' ') : undefined,
  };
}

/** Population, rate per 1,000 and relative rate index, from the published counts only. */
function rateColumns(p: PublishedTable, groups: string[], pop: Record<string, number>,
  { cohortSize, popTotal, control }: { cohortSize: number; popTotal: number; control: boolean }): ExtraColumn[] {
  // The cohort total as published (every table that is a partition prints it under one key).
  const all = p.colTotals?.[0];
  return [
    { header: 'Population 10–17', values: groups.map((g) => fmt(pop[g] ?? 0)) },
    { header: 'Rate per 1,000', values: groups.map((g, i) => {
      const v = p.cells[i][0];
      if (v === SUPPRESSED || !pop[g]) return v === SUPPRESSED ? 'c' : '–';
      if (v === 0) return '0';
      return control && v < 10 ? 'c' : fmt((1000 * v) / pop[g], 1);
    }) },
    { header: 'RRI', values: groups.map((g, i) => {
      const v = p.cells[i][0];
      const total = typeof all === 'number' ? all : cohortSize;
      if (v === SUPPRESSED) return 'c';
      if (v === 0 && pop[g]) return '0';
      return rriText(v, relativeRateIndex(v, total, pop[g] ?? 0, popTotal), { control, numeratorSuppressed: all === SUPPRESSED });
    }) },
  ];
}
