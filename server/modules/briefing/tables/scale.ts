/** Scale and trend: children at risk, new or continuing, and the quarterly series. */
import type { BriefingData } from '../gather';
import { EXPLOITATION_ORDER, RISK_LEVELS, label, withVocabulary } from '../labels';
import { BuiltTable, countTable } from './table';

/** Children at risk by exploitation type and level (latest assessment in the quarter). */
export function childrenAtRisk(d: BriefingData): BuiltTable {
  const atRisk = d.trends.atRisk.filter((r) => r.quarter === d.quarter && RISK_LEVELS.includes(r.riskLevel));
  const types = withVocabulary(EXPLOITATION_ORDER, atRisk.map((r) => r.exploitationType));
  return { table: countTable({
    id: 'children-at-risk', title: 'Children at risk by exploitation type and risk level', rowHeader: 'Exploitation type',
    rows: types.map((t) => label('exploitation', t)), cols: RISK_LEVELS.map((l) => `${l[0].toUpperCase()}${l.slice(1)} risk`),
    cells: types.map((t) => RISK_LEVELS.map((l) => atRisk.filter((r) => r.exploitationType === t && r.riskLevel === l).reduce((s, r) => s + r.children, 0))),
    showRowTotals: true, showColTotals: true, showGrandTotal: true,
  }) };
}

export function newAndContinuing(d: BriefingData): BuiltTable {
  const nowIds = new Set(d.cohort.filter((r) => r.quarter === d.quarter).map((r) => r.childId));
  const beforeIds = new Set(d.cohort.filter((r) => r.quarter === d.previousQuarter).map((r) => r.childId));
  const continuing = [...nowIds].filter((id) => beforeIds.has(id)).length;
  return { table: countTable({
    id: 'new-and-continuing', title: 'Children at risk: new this quarter or also at risk last quarter', rowHeader: 'Children at risk',
    rows: ['New this quarter', 'Also at risk last quarter'], cols: ['Children'], cells: [[nowIds.size - continuing], [continuing]],
    showColTotals: true,
  }) };
}

/**
 * The trend series (links.ts ties each column to the same quantity in other tables and packs).
 * Quarters before the data begin (all zero) are left out of the series.
 */
export function quarterlyTrend(d: BriefingData): BuiltTable {
  const firstData = d.trends.series.findIndex((s) => Object.entries(s).some(([k, v]) => k !== 'quarter' && typeof v === 'number' && v > 0));
  const series = firstData < 0 ? d.trends.series.slice(-1) : d.trends.series.slice(firstData);
  const seriesCols: Array<[string, keyof (typeof series)[number]]> = [
    ['Children at risk', 'childrenAtRisk'], ['Missing episodes', 'missingEpisodes'], ['Children missing', 'childrenMissing'],
    ['Children missing 2+ times', 'repeatMissingChildren'], ['Exclusions', 'exclusions'], ['Referrals', 'referrals'],
    ['Panel / MACE referrals', 'panelOrMaceReferrals'], ['Disruption actions', 'disruptionActions'],
  ];
  return { table: countTable({
    id: 'trend', title: 'Quarterly trend', unit: 'count', rowHeader: 'Quarter',
    rows: series.map((s) => s.quarter), cols: seriesCols.map(([h]) => h),
    cells: series.map((s) => seriesCols.map(([, k]) => s[k] as number)),
  }) };
}
