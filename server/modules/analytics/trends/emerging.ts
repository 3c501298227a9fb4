/**
 * Emerging themes (pure):
 * - for each exploitation type, the share of girls among children at risk of it, tested for a
 *   trend across the quarters (Cochran–Armitage) — e.g. the rising share of girls among children
 *   at risk of criminal exploitation; at least MIN_CHILDREN children over the series;
 * - for each quarterly count, the last quarter against the mean of up to 4 earlier quarters
 *   (Poisson z), flagged when p < COUNT_ALPHA and the change is at least MIN_COUNT_CHANGE.
 */
import { cochranArmitage, poissonChange } from './stats';
import { latestAtRisk, AssessmentRow } from './series';
import { EXPLOITATION_TYPE } from '../../../model/enums';
import type { EmergingTheme, QuarterSeriesRow } from '../types';

export const SHARE_ALPHA = 0.05;
export const COUNT_ALPHA = 0.01;
export const MIN_CHILDREN = 20;
export const MIN_COUNT_CHANGE = 5;

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const direction = (z: number): EmergingTheme['direction'] => (z > 0 ? 'rising' : z < 0 ? 'falling' : 'flat');

export function girlsShareThemes(quarters: string[], assessments: AssessmentRow[]): EmergingTheme[] {
  const atRisk = latestAtRisk(assessments);
  const out: EmergingTheme[] = [];
  for (const type of Object.keys(EXPLOITATION_TYPE)) {
    const x = quarters.map((q) => atRisk.filter((r) => r.quarter === q && r.exploitationType === type && r.sex === 'FEMALE').length);
    const n = quarters.map((q) => atRisk.filter((r) => r.quarter === q && r.exploitationType === type).length);
    if (n.reduce((a, b) => a + b, 0) < MIN_CHILDREN) continue;
    const { z, p } = cochranArmitage(x, n);
    out.push({
      id: `girls-share-${type}`,
      description: `Share of girls among children at risk of ${EXPLOITATION_TYPE[type as keyof typeof EXPLOITATION_TYPE].toLowerCase()}`,
      measure: 'share', test: 'Cochran–Armitage trend test across quarters', statistic: round(z, 3), pValue: round(p, 5),
      direction: direction(z), significant: p < SHARE_ALPHA,
      series: quarters.map((q, i) => ({ quarter: q, value: n[i] ? round(x[i] / n[i]) : 0, numerator: x[i], denominator: n[i] })),
    });
  }
  return out;
}

const COUNT_LABELS: Array<[keyof QuarterSeriesRow, string]> = [
  ['childrenAtRisk', 'Children at risk of exploitation'], ['missingEpisodes', 'Missing episodes'],
  ['repeatMissingChildren', 'Children missing more than once in the quarter'], ['exclusions', 'Exclusions from school'],
  ['referrals', 'Referrals'], ['panelOrMaceReferrals', 'Panel and MACE referrals'], ['disruptionActions', 'Disruption actions'],
];

export function countThemes(series: QuarterSeriesRow[]): EmergingTheme[] {
  if (series.length < 2) return [];
  const last = series[series.length - 1];
  const earlier = series.slice(-5, -1);
  return COUNT_LABELS.map(([key, label]) => {
    const x = last[key] as number;
    const { z, p, expected } = poissonChange(x, earlier.map((r) => r[key] as number));
    return {
      id: `count-${key}`, description: `${label}: ${last.quarter} against the mean of the ${earlier.length} quarter(s) before (${round(expected, 1)})`,
      measure: 'count' as const, test: 'Poisson z against the earlier mean', statistic: round(z, 3), pValue: round(p, 5),
      direction: direction(z), significant: p < COUNT_ALPHA && Math.abs(x - expected) >= MIN_COUNT_CHANGE,
      series: series.map((r) => ({ quarter: r.quarter, value: r[key] as number, numerator: r[key] as number, denominator: null })),
    };
  });
}
