/** "What changed since last quarter": the trend table read quarter on quarter, and what is new. */
import type { Statement } from '../disclosure';
import type { BriefingData } from '../gather';
import type { PackTable } from '../tables';
import type { EmergingTheme } from '../../analytics/types';
import { themesFromPublished, statementFor, PublishedThemes } from '../statistics';
import { cell, change, inText, newOrGrowingNetworks, pText, themeSubject } from './words';

export interface TrendThemes {
  /** The themes tested: in the partner edition, from the published trend table only. */
  emerging: EmergingTheme[];
  /** Partner edition: the tests from published figures, and those withheld. */
  published?: PublishedThemes;
}

export function trendThemes(d: BriefingData, trend: PackTable, control: boolean): TrendThemes {
  // Partner edition: every test from the published trend table; none over a suppressed input.
  const published = control ? themesFromPublished(trend) : undefined;
  return { emerging: published ? published.themes : d.trends.emerging, published };
}

export function whatChanged(d: BriefingData, trend: PackTable, themes: TrendThemes): { changes: string[]; statements: Statement[] } {
  const emerging = emergingChanges(themes, trend);
  return {
    changes: [...quarterOnQuarter(d, trend), ...emerging.changes, ...withheldTests(themes), ...networkChanges(d), ...newHotspots(d)],
    statements: emerging.statements,
  };
}

function quarterOnQuarter(d: BriefingData, trend: PackTable): string[] {
  const qi = trend.rows.indexOf(d.quarter);
  const pi = trend.rows.indexOf(d.previousQuarter);
  return trend.cols.map((c, j) => change(c, cell(trend, qi, j), cell(trend, pi, j)));
}

/** Significant trend tests, each with the statistic printed and what it was computed from. */
function emergingChanges(themes: TrendThemes, trend: PackTable): { changes: string[]; statements: Statement[] } {
  const significant = themes.emerging.filter((e) => e.significant);
  return {
    changes: significant.map((e) => (e.measure === 'count'
      ? `Emerging: ${inText(themeSubject(e))} this quarter were ${e.direction === 'falling' ? 'below' : 'above'} the level of earlier quarters (${e.test}, ${pText(e.pValue)}).`
      : `Emerging: ${inText(themeSubject(e))} is ${e.direction} (${e.test}, ${pText(e.pValue)}).`)),
    statements: significant.map((e) => statementFor(e, trend, 2)),
  };
}

function withheldTests({ published }: TrendThemes): string[] {
  if (!published) return [];
  return [
    ...(published.withheld.length
      ? [`Trend test not shown for ${published.withheld.map(inText).join(', ')}: a figure it would use is suppressed.`] : []),
    'Trend tests on the share of girls among children at risk are given in the restricted edition only: this edition does not publish the counts they use.',
  ];
}

function networkChanges(d: BriefingData): string[] {
  const newNets = newOrGrowingNetworks(d);
  if (!newNets.length) return [];
  return [`${newNets.length} peer network${newNets.length === 1 ? ' is' : 's are'} new or growing since last quarter; ${d.networks.dormant.length} from last quarter ${d.networks.dormant.length === 1 ? 'is' : 'are'} now dormant.`];
}

function newHotspots(d: BriefingData): string[] {
  const newTop = d.hotspots.items.slice(0, 10).filter((h) => !h.previousRank || h.previousRank > 10);
  return newTop.length ? [`New among the ten places of highest harm: ${newTop.map((h) => h.name).join('; ')}.`] : [];
}
