/** Children at risk aged 10–17 against the borough baseline, one table per dimension. */
import { ETHNICITY_GROUP } from '../../../model/enums';
import { ageAt, ageBand } from '../../../domain/period';
import { relativeRateIndex, rriText, SUPPRESSED, PublishedTable } from '../disclosure';
import type { BriefingData } from '../gather';
import type { ResolvedOptions } from '../options';
import { DIMENSION_LABEL, fmt, label } from '../labels';
import { BuiltTable, ExtraColumn, count, countTable } from './table';

export const DIMENSIONS = ['ageBand', 'sex', 'ethnicity', 'sen', 'careStatus'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

function groupOf(r: BriefingData['cohort'][number], dim: Dimension, atMs: number): string {
  switch (dim) {
    case 'ethnicity': return ETHNICITY_GROUP[(r.ethnicity ?? 'NOT_STATED') as keyof typeof ETHNICITY_GROUP] ?? 'Not stated';
    case 'sex': return r.sex ?? 'UNKNOWN';
    case 'ageBand': return r.dob ? ageBand(ageAt(r.dob, atMs)) : 'unknown';
    case 'sen': return r.sen ?? 'N';
    case 'careStatus': return r.careStatus ?? 'NONE';
  }
}

function baselineFor(d: BriefingData, dim: Dimension): Record<string, number> {
  const b = d.baseline;
  if (!b) return {};
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
  const pop = baselineFor(d, dim);
  const groups = [...new Set([...Object.keys(pop), ...cohort.map((r) => groupOf(r, dim, at))])].sort();
  return {
    table: countTable({
      id: `demographics-${dim}`, title: `Children at risk aged 10–17 by ${DIMENSION_LABEL[dim].toLowerCase()}`, rowHeader: DIMENSION_LABEL[dim],
      rows: groups.map((g) => (dim === 'ethnicity' || dim === 'ageBand' ? g : label(dim, g))), cols: ['Children at risk'],
      cells: groups.map((g) => [count(cohort, (r) => groupOf(r, dim, at) === g)]),
      showColTotals: true,
    }),
    extra: (p) => rateColumns(p, groups, pop, { cohortSize: cohort.length, popTotal: d.baseline?.total ?? 0, control: o.edition === 'partner' }),
    note: !d.baseline && dim === 'sex' ? 'No population baseline is loaded: rates and RRI cannot be computed.' : undefined,
  };
}

/** Population, rate per 1,000 and relative rate index, from the published counts only. */
function rateColumns(p: PublishedTable, groups: string[], pop: Record<string, number>,
  { cohortSize, popTotal, control }: { cohortSize: number; popTotal: number; control: boolean }): ExtraColumn[] {
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
