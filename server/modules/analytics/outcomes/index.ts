/** Support and outcomes: the strategy's own measures for a quarter (plain service, pure measures in measures.ts). */
import path from 'node:path';
import { cypherFile } from '../../../platform/db/query';
import { readAnalytics } from '../read';
import { parseQuarter } from '../../../domain/period';
import type { AssessmentRow } from '../trends/series';
import type { AnalyticsSource } from '../types';
import {
  outcomeMeasures, OutcomeMeasures, SupportRow, ScoreRow, ExclusionRow, MissingConcernRow, InterviewRow,
  OFFER_WINDOW_DAYS, AFTER_EXCLUSION_DAYS, CCE_LOOKBACK_DAYS, OUTCOMES_METHOD,
} from './measures';
import { disruptionMeasures, DISRUPTION_METHOD, type DisruptionMeasures, type DisruptionRow, type LineStatusRow } from './disruption';

export type { OutcomeMeasures, FactorCount } from './measures';
export type { DisruptionMeasures, TallyRow } from './disruption';
export { OUTCOMES_METHOD } from './measures';
export { DISRUPTION_METHOD, NOT_RECORDED } from './disruption';

const TRENDS_DIR = path.join(__dirname, '..', 'trends');
const DAY = 86_400_000;

export type QuarterMeasures = OutcomeMeasures & DisruptionMeasures & { method: string };

export async function outcomes(source: AnalyticsSource, args: { quarter: string }): Promise<QuarterMeasures> {
  const period = parseQuarter(args.quarter);
  const q = { from: period.start, to: period.end };
  const endMs = period.endMs;
  // Offers up to two years back: an offer in the year before the window can start within it.
  const supportFrom = new Date(endMs - 2 * OFFER_WINDOW_DAYS * DAY).toISOString();
  const [assessments, support, exclusions, missing, interviews, lines, actions] = await Promise.all([
    readAnalytics<AssessmentRow>(source, cypherFile(TRENDS_DIR, 'trend-assessments'), q),
    readAnalytics<SupportRow>(source, cypherFile(__dirname, 'outcome-support'), { from: supportFrom, to: period.end }),
    readAnalytics<ExclusionRow>(source, cypherFile(__dirname, 'outcome-exclusions'), { ...q, afterDays: AFTER_EXCLUSION_DAYS }),
    readAnalytics<MissingConcernRow>(source, cypherFile(__dirname, 'outcome-missing'), { ...q, lookbackDays: CCE_LOOKBACK_DAYS }),
    readAnalytics<InterviewRow>(source, cypherFile(__dirname, 'outcome-interviews'), q),
    readAnalytics<LineStatusRow>(source, cypherFile(__dirname, 'outcome-lines'), { to: period.end }),
    readAnalytics<DisruptionRow>(source, cypherFile(__dirname, 'outcome-disruption'), q),
  ]);
  const childIds = [...new Set(support.map((s) => s.childId))];
  const scores = childIds.length
    ? await readAnalytics<ScoreRow>(source, cypherFile(__dirname, 'outcome-assessments'), { childIds, to: period.end })
    : [];
  const measures = outcomeMeasures({
    quarter: period.quarter, startMs: period.startMs, endMs, assessments, support, scores, exclusions, missing, interviews,
  });
  return { ...measures, ...disruptionMeasures(lines, actions, period.startMs, endMs), method: `${OUTCOMES_METHOD} ${DISRUPTION_METHOD}` };
}
