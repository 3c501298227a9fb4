/**
 * Gathers everything a pack needs, as raw numbers: the analytics services
 * (server/modules/analytics) and the briefing's own small queries, run in parallel. Nothing here is
 * disclosure-controlled yet: tables.ts does that per edition.
 */
import * as A from '../analytics';
import path from 'node:path';
import { readAnalytics } from '../analytics';
import { cypherFile } from '../../platform/db/query';
import { latestAtRisk, AssessmentRow } from '../analytics/trends/series';
import type { PopulationBaseline } from '../../domain/population';
import { briefingRows, MissingRow, NrmRow, DisruptionRow, PocRow, CountyLineRow, PlaceRow, LinkRow, SourceRow } from './queries';
import type { ResolvedOptions } from './options';
import { allNotYetReferred } from './referral';

/** The analytic whose query this section reuses. */
const TRENDS_DIR = path.join(__dirname, '..', 'analytics', 'trends');

export interface BriefingData {
  quarter: string;
  previousQuarter: string;
  period: { start: string; end: string };
  trends: A.TrendsResult;
  hotspots: A.HotspotsResult;
  networks: A.NetworkThemesResult;
  highHarm: A.HighHarmResult;
  critical: A.CriticalMomentsResult;
  notYetReferred: A.NotYetReferredResult;
  /** One row per child at risk per quarter (latest assessment), this quarter and the previous one. */
  cohort: Array<AssessmentRow & { quarter: string }>;
  baseline: PopulationBaseline | null;
  missing: MissingRow[];
  nrm: NrmRow[];
  disruption: DisruptionRow[];
  disruptionPrevious: DisruptionRow[];
  personsOfConcern: PocRow[];
  countyLines: CountyLineRow[];
  places: PlaceRow[];
  communityLinks: Map<string, LinkRow[]>;
  sources: SourceRow[];
  /** Transitional safeguarding: the young-adult cohort 18–25 by age band. */
  youngAdults: A.YoungAdultsResult;
  /** Support and the strategy's measures: this quarter, last quarter and the same quarter last year. */
  outcomes: { now: A.QuarterMeasures; previous: A.QuarterMeasures; lastYear: A.QuarterMeasures };
}

export const MAX_NETWORK_PICTURES = 12;

export type Progress = (step: string) => void;

export async function gather(source: A.AnalyticsSource, o: ResolvedOptions, progress: Progress = () => undefined): Promise<BriefingData> {
  const period = A.parseQuarter(o.quarter);
  const prev = A.parseQuarter(A.previousQuarter(o.quarter));
  const q = { from: period.start, to: period.end };
  const step = async <T>(name: string, p: Promise<T>): Promise<T> => { const v = await p; progress(name); return v; };
  const [trends, hotspots, networks, highHarm, critical, notYetReferred, assessments, baseline,
    missing, nrm, disruption, disruptionPrevious, personsOfConcern, countyLines, places, sources, outcomes, youngAdults] = await Promise.all([
    step('trends', A.trends(source, { quarter: o.quarter })),
    step('hotspots', A.hotspots(source, { quarter: o.quarter, limit: 50 })),
    step('peer networks', A.networkThemes(source, { quarter: o.quarter })),
    step('persons of concern', A.highHarmPersonsOfConcern(source, { quarter: o.quarter, limit: 10 })),
    step('critical moments', A.criticalMoments(source, { quarter: o.quarter, asOf: o.createdAt })),
    step('not yet referred', allNotYetReferred(source, o.quarter)),
    // From the previous quarter: children at risk now who were not at risk then are "new".
    step('demographics', readAnalytics<AssessmentRow>(source, cypherFile(TRENDS_DIR, 'trend-assessments'), { from: prev.start, to: period.end })),
    step('baseline', A.loadBaseline(source)),
    step('missing', briefingRows<MissingRow>(source, 'missing', q)),
    step('NRM', briefingRows<NrmRow>(source, 'nrm', q)),
    step('disruption', briefingRows<DisruptionRow>(source, 'disruption', q)),
    step('disruption (previous quarter)', briefingRows<DisruptionRow>(source, 'disruption', { from: prev.start, to: prev.end })),
    step('persons of concern (status)', briefingRows<PocRow>(source, 'persons-of-concern', q)),
    step('county lines', briefingRows<CountyLineRow>(source, 'county-lines', q)),
    step('map', briefingRows<PlaceRow>(source, 'places', {})),
    step('sources', briefingRows<SourceRow>(source, 'sources', q)),
    step('support and outcomes', Promise.all([o.quarter, A.previousQuarter(o.quarter), A.shiftQuarter(o.quarter, -4)].map((quarter) => A.outcomes(source, { quarter })))
      .then(([now, previous, lastYear]) => ({ now, previous, lastYear }))),
    step('young adults', A.youngAdults(source, { quarter: o.quarter })),
  ]);
  const communityLinks = new Map<string, LinkRow[]>();
  // Pictures are drawn for the largest networks only (sections.ts), so only those are read.
  networks.communities.sort((a, b) => b.size - a.size);
  await Promise.all(networks.communities.slice(0, MAX_NETWORK_PICTURES).map(async (c) => {
    communityLinks.set(c.id, await briefingRows<LinkRow>(source, 'community-links', { ids: c.memberIds }));
  }));
  progress('network pictures');
  return {
    quarter: period.quarter, previousQuarter: prev.quarter, period: { start: period.start, end: period.end },
    trends, hotspots, networks, highHarm, critical, notYetReferred, cohort: latestAtRisk(assessments), baseline,
    missing, nrm, disruption, disruptionPrevious, personsOfConcern, countyLines, places, communityLinks, sources, outcomes, youngAdults,
  };
}

/** Steps reported through progress (for a progress bar's total). */
export const GATHER_STEPS = 19;
