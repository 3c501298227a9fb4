/**
 * The borough's population baseline (children 10–17 resident) that disproportionality compares
 * with: reference data about the borough, not a record about anyone.
 */
export interface PopulationBaseline {
  description: string;
  total: number;
  byEthnicity: Record<string, number>;
  bySex: Record<string, number>;
  byAgeBand: Record<string, number>;
  bySen: Record<string, number>;
  byCareStatus: Record<string, number>;
  /**
   * Fairness (GRACES) dimensions, where the borough has population figures for them (the census
   * has religion and main language by age; there are rarely resident figures for immigration
   * status or neurodiversity). A dimension left out has no rate: its cohort is shown without one.
   * Neurodiversity counts people with each condition, so its groups may add up to more than total.
   */
  byFaith?: Record<string, number>;
  byImmigrationStatus?: Record<string, number>;
  byNeurodiversity?: Record<string, number>;
  byFirstLanguage?: Record<string, number>;
}
