/**
 * Quarterly series with arquero (pure over rows). Children at risk = distinct children whose latest
 * assessment in the quarter has a risk level above 'none'.
 */
import * as aq from 'arquero';
import { quarterOf } from '../../../domain/period';
import type { AtRiskRow, QuarterSeriesRow } from '../types';

export interface AssessmentRow {
  id: string; childId: string; atMs: number; riskLevel: string; exploitationType: string | null;
  dob: string | null; sex: string | null; ethnicity: string | null; sen: string | null; careStatus: string | null;
  /** Fairness fields, where recorded: for disproportionality only, never a ranking. */
  faith?: string | null; immigrationStatus?: string | null; neurodiversity?: string[] | null; firstLanguage?: string | null;
}
export interface EventRow { id: string; kind: string; atMs: number; referralType: string | null; childIds: string[] }

/** Latest assessment per child and quarter, kept only when the level is above 'none'. */
export function latestAtRisk(rows: AssessmentRow[]): Array<AssessmentRow & { quarter: string }> {
  const best = new Map<string, AssessmentRow & { quarter: string }>();
  for (const r of rows) {
    const quarter = quarterOf(r.atMs);
    const key = `${quarter}|${r.childId}`;
    const prev = best.get(key);
    if (!prev || r.atMs > prev.atMs || (r.atMs === prev.atMs && r.id > prev.id)) best.set(key, { ...r, quarter });
  }
  return [...best.values()].filter((r) => r.riskLevel && r.riskLevel !== 'none');
}

export function quarterlySeries(quarters: string[], assessments: AssessmentRow[], events: EventRow[]): { series: QuarterSeriesRow[]; atRisk: AtRiskRow[] } {
  const atRiskRows = latestAtRisk(assessments).map((r) => ({ quarter: r.quarter, childId: r.childId, exploitationType: r.exploitationType ?? 'UNSPECIFIED', riskLevel: r.riskLevel }));
  const evRows = events.map((e) => ({ ...e, quarter: quarterOf(e.atMs) }));
  const empty = Object.fromEntries(quarters.map((q) => [q, 0]));

  const count = (kind: string, filter?: (e: EventRow) => boolean): Record<string, number> => {
    const rows = evRows.filter((e) => e.kind === kind && (!filter || filter(e)));
    if (!rows.length) return { ...empty };
    const t = aq.from(rows.map((r) => ({ quarter: r.quarter }))).groupby('quarter').count({ as: 'n' }).objects() as Array<{ quarter: string; n: number }>;
    return { ...empty, ...Object.fromEntries(t.map((r) => [r.quarter, r.n])) };
  };
  const missingPairs = evRows.filter((e) => e.kind === 'MissingEpisode').flatMap((e) => e.childIds.map((c) => ({ quarter: e.quarter, childId: c })));
  const perChild = missingPairs.length
    ? aq.from(missingPairs).groupby('quarter', 'childId').count({ as: 'episodes' })
    : null;
  const childrenMissing: Record<string, number> = { ...empty };
  const repeat: Record<string, number> = { ...empty };
  if (perChild) {
    const rolled = perChild.derive({ isRepeat: 'd => d.episodes >= 2 ? 1 : 0' }).groupby('quarter')
      .rollup({ children: aq.op.count(), repeat: aq.op.sum('isRepeat') })
      .objects() as Array<{ quarter: string; children: number; repeat: number }>;
    rolled.forEach((r) => { childrenMissing[r.quarter] = r.children; repeat[r.quarter] = r.repeat; });
  }
  const atRiskCounts: Record<string, number> = { ...empty };
  let atRisk: AtRiskRow[] = [];
  if (atRiskRows.length) {
    const t = aq.from(atRiskRows);
    (t.groupby('quarter').rollup({ n: aq.op.distinct('childId') }).objects() as Array<{ quarter: string; n: number }>)
      .forEach((r) => { atRiskCounts[r.quarter] = r.n; });
    atRisk = (t.groupby('quarter', 'exploitationType', 'riskLevel').rollup({ children: aq.op.distinct('childId') })
      .orderby('quarter', 'exploitationType', 'riskLevel').objects() as AtRiskRow[])
      .filter((r) => quarters.includes(r.quarter));
  }
  const missing = count('MissingEpisode');
  const exclusions = count('Exclusion');
  const referrals = count('Referral');
  const panel = count('Referral', (e) => e.referralType === 'PANEL' || e.referralType === 'MACE');
  const disruption = count('DisruptionAction');
  const series = quarters.map((q) => ({
    quarter: q, childrenAtRisk: atRiskCounts[q] ?? 0, missingEpisodes: missing[q] ?? 0,
    childrenMissing: childrenMissing[q] ?? 0, repeatMissingChildren: repeat[q] ?? 0,
    exclusions: exclusions[q] ?? 0, referrals: referrals[q] ?? 0, panelOrMaceReferrals: panel[q] ?? 0,
    disruptionActions: disruption[q] ?? 0,
  }));
  return { series, atRisk };
}
