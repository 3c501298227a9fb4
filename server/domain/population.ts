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
}
