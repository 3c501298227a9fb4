/** Trends and disproportionality (plain services). */
import { cypherFile } from '../../../platform/db/query';
import { readAnalytics } from '../read';
import { parseQuarter, quarterRange, shiftQuarter, type Period } from '../../../domain/period';
import { AnalyticsInputError } from '../../../domain/input-error';
import { quarterlySeries, latestAtRisk, AssessmentRow, EventRow } from './series';
import { girlsShareThemes, countThemes, SHARE_ALPHA, COUNT_ALPHA } from './emerging';
import { relativeRates, MIN_FOR_RATE, type CohortRow } from './disproportionality';
import { EXPLOITATION_TYPE } from '../../../model/enums';
import { loadBaseline } from '../baseline';
import type { PopulationBaseline } from '../../../domain/population';
import type { AnalyticsSource, TrendsArgs, TrendsResult, DisproportionalityArgs, DisproportionalityOutcome, DisproportionalityResult } from '../types';

export async function trends(source: AnalyticsSource, args: TrendsArgs): Promise<TrendsResult> {
  const last = parseQuarter(args.quarter);
  const first = parseQuarter(args.from ?? shiftQuarter(last.quarter, -7), 'from');
  const quarters = quarterRange(first.quarter, last.quarter);
  if (quarters.length > 40) throw new AnalyticsInputError('from', 'at most 40 quarters');
  const params = { from: first.start, to: last.end };
  const [assessments, events] = await Promise.all([
    readAnalytics<AssessmentRow>(source, cypherFile(__dirname, 'trend-assessments'), params),
    readAnalytics<EventRow>(source, cypherFile(__dirname, 'trend-events'), params),
  ]);
  const { series, atRisk } = quarterlySeries(quarters, assessments, events);
  return {
    quarters, series, atRisk,
    emerging: [...girlsShareThemes(quarters, assessments), ...countThemes(series)],
    method: 'Children at risk = distinct children whose latest CEAM assessment in the quarter is above "none"; repeat missing = children with 2+ '
      + `episodes in the quarter. Emerging themes: share of girls among children at risk per exploitation type, Cochran–Armitage trend test `
      + `(significant at p < ${SHARE_ALPHA}); each count in the last quarter against the mean of up to 4 earlier quarters, Poisson z `
      + `(significant at p < ${COUNT_ALPHA} and a change of 5+).`,
  };
}

export async function disproportionality(
  source: AnalyticsSource, args: DisproportionalityArgs & { baseline?: PopulationBaseline },
): Promise<DisproportionalityResult> {
  const period = parseQuarter(args.quarter);
  const baseline = args.baseline ?? await loadBaseline(source);
  if (!baseline) {
    const whose = source.borough ? ` for borough ${source.borough}` : '';
    throw new AnalyticsInputError('baseline', `no population baseline is loaded${whose} (the seed stores one; see server/modules/analytics/baseline.ts)`);
  }
  const outcome = args.outcome ?? 'atRisk';
  if (!OUTCOMES.includes(outcome)) throw new AnalyticsInputError('outcome', `must be one of ${OUTCOMES.join(', ')}`);
  const exploitationType = args.exploitationType ?? null;
  if (exploitationType !== null && !(exploitationType in EXPLOITATION_TYPE)) {
    throw new AnalyticsInputError('exploitationType', `must be one of ${Object.keys(EXPLOITATION_TYPE).join(', ')}`);
  }
  const cohort = await outcomeCohort(source, outcome, exploitationType, period);
  const { rows: rates, cohortTotal, dimensionsWithoutBaseline } = relativeRates(cohort, baseline, period.endMs);
  return {
    quarter: period.quarter, outcome, exploitationType, cohortTotal, cohortTotalDisplay: cohortTotal >= 1 && cohortTotal <= 4 ? 'c' : String(cohortTotal), populationTotal: baseline.total, baselineDescription: baseline.description,
    dimensionsWithoutBaseline, rows: rates,
    method: `Cohort: children aged 10–17 at the quarter end ${OUTCOME_TEXT[outcome]}${exploitationType ? ` (${EXPLOITATION_TYPE[exploitationType as keyof typeof EXPLOITATION_TYPE]} recorded)` : ''}, `
      + 'each child once. RRI = group rate / borough rate (95% interval, log method, approximate). Counts 1–4 shown as "c", with further cells hidden so that '
      + `none can be worked back from a total or from the broad and detailed ethnic groups; no rate or RRI over fewer than ${MIN_FOR_RATE} children. `
      + 'Ethnicity in broad ONS groups and in the 19 groups. Fairness fields (faith, immigration status, neurodiversity, first language) where recorded, '
      + 'an empty field counted as not recorded; a person may have more than one neurodiversity recorded, so those rows may add up to more than the cohort. '
      + `${dimensionsWithoutBaseline.length ? `The baseline has no figures for ${dimensionsWithoutBaseline.join(', ')}: those rows give the cohort and its shares, with no rate or RRI. ` : ''}`
      + 'For the partnership\'s own scrutiny of fairness, never an input to any ranking.',
  };
}

const OUTCOME_TEXT: Record<DisproportionalityOutcome, string> = {
  atRisk: 'whose latest CEAM assessment in the quarter is above "none"',
  suspect: 'recorded as a suspect in the quarter (a child may be acting under coercion)',
  arrested: 'arrested in the quarter',
  excluded: 'suspended or excluded from school in the quarter',
  referredToPanel: 'referred to the panel or MACE in the quarter',
  referredToNrm: 'referred to the National Referral Mechanism in the quarter',
};
const OUTCOMES = Object.keys(OUTCOME_TEXT) as DisproportionalityOutcome[];

/** The children with the outcome in the quarter, one row each. */
async function outcomeCohort(source: AnalyticsSource, outcome: DisproportionalityOutcome, exploitationType: string | null, period: Period): Promise<CohortRow[]> {
  const params = { from: period.start, to: period.end };
  if (outcome === 'atRisk') {
    const rows = await readAnalytics<AssessmentRow>(source, cypherFile(__dirname, 'trend-assessments'), params);
    return latestAtRisk(rows.filter((r) => exploitationType === null || r.exploitationType === exploitationType));
  }
  const rows = await readAnalytics<CohortRow>(source, cypherFile(__dirname, 'outcome-cohort'), { ...params, outcome, exploitationType });
  return [...new Map(rows.map((r) => [r.childId, r])).values()];
}
