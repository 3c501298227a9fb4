/** Trends and disproportionality (plain services). */
import { cypherFile } from '../../../platform/db/query';
import { readAnalytics } from '../read';
import { parseQuarter, quarterRange, shiftQuarter } from '../../../domain/period';
import { AnalyticsInputError } from '../../../domain/input-error';
import { quarterlySeries, latestAtRisk, AssessmentRow, EventRow } from './series';
import { girlsShareThemes, countThemes, SHARE_ALPHA, COUNT_ALPHA } from './emerging';
import { relativeRates, MIN_FOR_RATE } from './disproportionality';
import { loadBaseline } from '../baseline';
import type { PopulationBaseline } from '../../../domain/population';
import type { AnalyticsSource, TrendsArgs, TrendsResult, DisproportionalityArgs, DisproportionalityResult } from '../types';

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
  if (!baseline) throw new AnalyticsInputError('baseline', 'no population baseline is loaded (the seed stores one; see server/modules/analytics/baseline.ts)');
  const rows = await readAnalytics<AssessmentRow>(source, cypherFile(__dirname, 'trend-assessments'), { from: period.start, to: period.end });
  const cohort = latestAtRisk(rows);
  const { rows: rates, cohortTotal } = relativeRates(cohort, baseline, period.endMs);
  return {
    quarter: period.quarter, cohortTotal, cohortTotalDisplay: cohortTotal >= 1 && cohortTotal <= 4 ? 'c' : String(cohortTotal), populationTotal: baseline.total, baselineDescription: baseline.description, rows: rates,
    method: 'Cohort: children aged 10–17 at the quarter end whose latest CEAM assessment in the quarter is above "none". RRI = group rate / borough rate '
      + `(95% interval, log method, approximate). Counts 1–4 shown as "c" with secondary suppression in each table; no rate or RRI over fewer than ${MIN_FOR_RATE} children. `
      + 'Ethnicity in broad ONS groups.',
  };
}
