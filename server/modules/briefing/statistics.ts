/**
 * Trend tests for the partner edition, computed from the published trend table only: the same
 * test as the analytics (each count this quarter against the mean of up to four earlier quarters,
 * Poisson z), but a test with a suppressed input is not computed at all, and the share-of-girls
 * tests, whose counts no partner table publishes, are left to the restricted edition. Ranking and
 * "emerging" flags then depend on published numbers only.
 */
import { countThemes } from '../analytics/trends/emerging';
import type { EmergingTheme, QuarterSeriesRow } from '../analytics/types';
import { SUPPRESSED } from './disclosure';
import type { PackTable } from './tables';
import type { Statement } from './disclosure';

/** Trend-table column of each series measure. */
const COLUMN: Partial<Record<keyof QuarterSeriesRow, string>> = {
  childrenAtRisk: 'Children at risk', missingEpisodes: 'Missing episodes', childrenMissing: 'Children missing',
  repeatMissingChildren: 'Children missing 2+ times', exclusions: 'Exclusions', referrals: 'Referrals',
  panelOrMaceReferrals: 'Panel / MACE referrals', disruptionActions: 'Disruption actions',
};
/** How many quarters a test reads: this one and up to four before it. */
const WINDOW = 5;

export interface PublishedThemes {
  themes: EmergingTheme[];
  /** Measures whose test is not shown because an input is suppressed. */
  withheld: string[];
}

export function themesFromPublished(trend: PackTable): PublishedThemes {
  const measures = Object.keys(COLUMN) as Array<keyof QuarterSeriesRow>;
  const col = (m: keyof QuarterSeriesRow): number => trend.cols.indexOf(COLUMN[m]!);
  const rows: QuarterSeriesRow[] = trend.rows.map((quarter, r) => {
    const row = { quarter } as QuarterSeriesRow;
    for (const m of measures) {
      const v = trend.cells[r][col(m)];
      (row as unknown as Record<string, number | string>)[m] = v === SUPPRESSED ? NaN : v;
    }
    return row;
  });
  const out: PublishedThemes = { themes: [], withheld: [] };
  const window = trend.rows.map((_, r) => r).slice(-WINDOW);
  for (const theme of countThemes(rows)) {
    const m = theme.id.replace(/^count-/, '') as keyof QuarterSeriesRow;
    if (col(m) < 0) continue;
    const inputs = window.map((r) => trend.cells[r][col(m)]);
    if (inputs.includes(SUPPRESSED)) { out.withheld.push(COLUMN[m]!); continue; }
    out.themes.push(theme);
  }
  return out;
}

/**
 * What a printed trend statistic was computed from, for the series audit: the trend table's keys
 * for the quarters it read (a quarter before the data begin, not printed, as its 0).
 */
export function statementFor(theme: EmergingTheme, trend: PackTable, digits: number): Statement {
  const m = theme.id.replace(/^count-/, '') as keyof QuarterSeriesRow;
  const c = trend.cols.indexOf(COLUMN[m] ?? '');
  if (theme.measure !== 'count' || c < 0) return { kind: 'unpublished', description: theme.description, statistic: theme.statistic };
  const inputs = theme.series.slice(-WINDOW).map((p) => {
    const r = trend.rows.indexOf(p.quarter);
    return r < 0 ? p.value : trend.keys.cells[r][c];
  });
  const x = inputs[inputs.length - 1];
  if (typeof x !== 'string') return { kind: 'unpublished', description: theme.description, statistic: theme.statistic };
  return { kind: 'poisson-z', x, earlier: inputs.slice(0, -1), statistic: theme.statistic, digits };
}
