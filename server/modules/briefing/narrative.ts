/**
 * Sentences generated from the published numbers (never from hidden ones), and key judgements
 * worded with the PHIA probability yardstick. Every sentence passes the language checker; a
 * generated sentence that fails is a bug, so building the pack stops.
 */
import { checkLanguage } from '../../language';
import { SUPPRESSED, Published, percent } from './disclosure';
import type { BriefingData } from './gather';
import type { PackTable } from './tables';
import type { ResolvedOptions } from './options';
import { fmt } from './labels';
import { themesFromPublished, statementFor } from './statistics';
import type { Statement } from './disclosure';

export const PHIA = [
  { term: 'remote', range: '≤ 5%' }, { term: 'highly unlikely', range: '10–20%' }, { term: 'unlikely', range: '25–35%' },
  { term: 'a realistic possibility', range: '40–50%' }, { term: 'likely', range: '55–75%' }, { term: 'highly likely', range: '80–90%' },
  { term: 'almost certain', range: '≥ 95%' },
] as const;
export type Likelihood = (typeof PHIA)[number]['term'];

export interface Judgement { likelihood: Likelihood; text: string; basis: string }
export interface Narrative {
  judgements: Judgement[]; changes: string[]; sections: Record<string, string[]>; recommendations: string[];
  /** Statistics printed in the text, with their inputs (partner edition; for the series audit). */
  statements: Statement[];
}

export const NATIONAL_RHI_72H = 0.63;

/** p-value of a trend test → how likely the change is real rather than chance. */
export function likelihoodFromP(p: number): Likelihood {
  if (p < 0.001) return 'almost certain';
  if (p < 0.01) return 'highly likely';
  if (p < 0.05) return 'likely';
  if (p < 0.2) return 'a realistic possibility';
  if (p < 0.5) return 'unlikely';
  return 'highly unlikely';
}

const num = (v: Published | undefined): string => (v === undefined ? '–' : v === SUPPRESSED ? 'c (suppressed)' : fmt(v));
/** "25 children" or "a suppressed number of children (c)". */
const many = (v: Published | undefined, noun: string): string =>
  (v === SUPPRESSED ? `a suppressed number of ${noun} (c)` : `${v === undefined ? 'no' : fmt(v)} ${noun}`);
const pText = (p: number): string => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** What a theme measures, in words ("Disruption actions", "Share of girls among …"). */
const themeSubject = (e: { description: string; measure: string }): string =>
  (e.measure === 'count' ? e.description.split(':')[0].trim() : e.description);
const cell = (t: PackTable | undefined, r: number, c: number): Published | undefined => t?.cells[r]?.[c];
const total = (t: PackTable | undefined): Published | undefined => t?.grandTotal ?? t?.colTotals?.[0];

function change(name: string, now: Published | undefined, before: Published | undefined): string {
  if (now === undefined || before === undefined) return `${name}: no figures.`;
  if (now === SUPPRESSED || before === SUPPRESSED) return `${name}: ${num(now)} this quarter, ${num(before)} last quarter (change not shown: a figure is suppressed).`;
  const d = now - before;
  const how = d === 0 ? 'no change' : `${d > 0 ? 'up' : 'down'} ${fmt(Math.abs(d))}${before > 0 ? ` (${d > 0 ? '+' : '−'}${Math.round((100 * Math.abs(d)) / before)}%)` : ''}`;
  return `${name}: ${fmt(now)} this quarter against ${fmt(before)} last quarter, ${how}.`;
}

export function buildNarrative(d: BriefingData, t: Map<string, PackTable>, o: ResolvedOptions): Narrative {
  const control = o.edition === 'partner';
  const trend = t.get('trend')!;
  const qi = trend.rows.indexOf(d.quarter);
  const pi = trend.rows.indexOf(d.previousQuarter);
  const changes: string[] = [];
  // Every statistic printed, with what it was computed from (the series audit checks them).
  const statements: Statement[] = [];
  trend.cols.forEach((c, j) => changes.push(change(c, cell(trend, qi, j), cell(trend, pi, j))));
  // Partner edition: every test from the published trend table; none over a suppressed input.
  const published = control ? themesFromPublished(trend) : undefined;
  const emerging = published ? published.themes : d.trends.emerging;
  const significant = emerging.filter((e) => e.significant);
  for (const e of significant) {
    statements.push(statementFor(e, trend, 2));
    changes.push(e.measure === 'count'
      ? `Emerging: ${themeSubject(e).toLowerCase()} this quarter were ${e.direction === 'falling' ? 'below' : 'above'} the level of earlier quarters (${e.test}, ${pText(e.pValue)}).`
      : `Emerging: ${themeSubject(e).charAt(0).toLowerCase()}${themeSubject(e).slice(1)} is ${e.direction} (${e.test}, ${pText(e.pValue)}).`);
  }
  if (published?.withheld.length) {
    changes.push(`Trend test not shown for ${published.withheld.map((w) => w.toLowerCase()).join(', ')}: a figure it would use is suppressed.`);
  }
  if (published) changes.push('Trend tests on the share of girls among children at risk are given in the restricted edition only: this edition does not publish the counts they use.');
  const newNets = d.networks.communities.filter((c) => c.status === 'new' || c.status === 'growing');
  if (newNets.length) changes.push(`${newNets.length} peer network${newNets.length === 1 ? ' is' : 's are'} new or growing since last quarter; ${d.networks.dormant.length} from last quarter ${d.networks.dormant.length === 1 ? 'is' : 'are'} now dormant.`);
  const newTop = d.hotspots.items.slice(0, 10).filter((h) => !h.previousRank || h.previousRank > 10);
  if (newTop.length) changes.push(`New among the ten places of highest harm: ${newTop.map((h) => h.name).join('; ')}.`);

  // Key judgements.
  const judgements: Judgement[] = [];
  // A theme with nothing recorded in any quarter has no trend to judge (its test gives p = 1).
  const themes = emerging.filter((e) => e.series.some((s) => s.numerator > 0)).sort((a, b) => a.pValue - b.pValue).slice(0, 3);
  for (const e of themes) {
    judgements.push({
      likelihood: likelihoodFromP(e.pValue),
      text: e.measure === 'count'
        ? `that ${themeSubject(e).toLowerCase()} this quarter ${e.direction === 'falling' ? 'fell below' : 'rose above'} the level of earlier quarters rather than varying by chance`
        : `that the ${themeSubject(e).charAt(0).toLowerCase()}${themeSubject(e).slice(1)} is ${e.direction === 'flat' ? 'changing' : e.direction} rather than varying by chance`,
      basis: `${e.test}, statistic ${e.statistic.toFixed(2)}, ${pText(e.pValue)}, over ${e.series.length} quarters.`,
    });
    statements.push(statementFor(e, trend, 2));
  }
  const topPlace = d.hotspots.items[0];
  if (topPlace) {
    const held = topPlace.previousRank !== null && topPlace.previousRank <= 3;
    judgements.push({
      likelihood: held ? 'highly likely' : topPlace.previousRank !== null && topPlace.previousRank <= 10 ? 'likely' : 'a realistic possibility',
      text: `that ${topPlace.name} remains among the places of highest harm to children next quarter`,
      basis: `Ranked 1 of ${d.hotspots.placesConsidered} places this quarter${topPlace.previousRank ? `, ${topPlace.previousRank} last quarter` : ', not ranked last quarter'}; harm score ${fmt(topPlace.score)}.`,
    });
  }
  const rhi = t.get('return-interviews')!;
  const returns = total(rhi);
  const within = cell(rhi, 0, 0);
  if (typeof returns === 'number' && typeof within === 'number' && returns >= 10) {
    const rate = within / returns;
    judgements.push({
      likelihood: rate < NATIONAL_RHI_72H ? 'likely' : 'unlikely',
      text: `that risks after missing episodes are being identified too late for some children`,
      basis: `${percent(within, returns, { control })} of ${fmt(returns)} returns had a return home interview within 72 hours (about 63% nationally).`,
    });
  }
  const nyr = cell(t.get('not-yet-referred'), 0, 0);
  if (nyr !== undefined && nyr !== 0) {
    judgements.push({
      likelihood: 'highly likely',
      text: 'that some children facing the most harm are not yet known to the panel',
      basis: `${cap(many(nyr, 'children'))} with high summed victim harm have no panel or MACE referral.`,
    });
  }
  const targeted = newNets.filter((c) => c.personsOfConcern.length > 0);
  if (targeted.length) {
    judgements.push({
      likelihood: 'a realistic possibility',
      text: `that adults are targeting ${targeted.length === 1 ? 'a new or growing peer network' : `${targeted.length} new or growing peer networks`}`,
      basis: 'Alleged exploitation, grooming or recruitment links run from persons of concern to members; associations are graded intelligence, not fact.',
    });
  }

  // Section sentences.
  const sections: Record<string, string[]> = {};
  const atRisk = t.get('children-at-risk')!;
  sections.scale = [`This quarter ${many(total(atRisk), 'children')} were assessed at risk of exploitation (latest CEAM assessment above "none").`];
  const high = atRisk.colTotals?.[atRisk.cols.length - 1];
  if (high !== undefined) sections.scale.push(`Assessed at high risk: ${num(high)}.`);
  const missing = t.get('missing')!;
  sections.missing = [
    `This quarter ${many(cell(missing, 0, 0), 'missing episodes')} started, involving ${many(cell(missing, 1, 0), 'children')}; children missing two or more times: ${num(cell(missing, 2, 0))}.`,
  ];
  if (typeof returns === 'number' && typeof within === 'number') {
    sections.missing.push(`${percent(within, returns, { control })} of returns had an independent return home interview within 72 hours (national figure about 63%).`);
  }
  const crit = t.get('critical-moments')!;
  sections.critical = [`There were ${many(crit.grandTotal, 'critical moments')} (exclusions, injuries, arrests and returns from missing); a follow-up (return interview, referral or plan review) is overdue for ${num(crit.colTotals?.[1])} of them.`];
  sections.places = topPlace
    ? [`The place of highest harm this quarter is ${topPlace.name}${topPlace.ward ? ` (${topPlace.ward})` : ''}. Scores weigh each event by harm, intelligence grading and recency.`]
    : ['No events at places were recorded this quarter.'];
  const kindOf = new Map(d.places.map((p) => [p.id, p.kind]));
  const transport = d.hotspots.items.slice(0, 10).filter((h) => kindOf.get(h.id) === 'transport_hub');
  sections.places.push(transport.length
    ? `Transport hubs among the ten places of highest harm: ${transport.map((h) => h.name).join('; ')}.`
    : 'No transport hub is among the ten places of highest harm.');
  const online = d.hotspots.items.filter((h) => h.kind === 'OnlineSpace').slice(0, 3);
  if (online.length) sections.places.push(`Online spaces of highest harm: ${online.map((h) => h.name).join('; ')}.`);
  sections.networks = [`${d.networks.communities.length} peer networks of three or more young people were found (Louvain communities of a person graph; modularity ${d.networks.modularity.toFixed(2)}).`];
  const poc = t.get('persons-of-concern')!;
  sections.personsOfConcern = [`Persons of concern linked to an event this quarter: ${num(cell(poc, 1, 0))}; subject of a disruption action this quarter: ${num(cell(poc, 2, 0))}.`];
  const dis = t.get('disruption')!;
  sections.disruption = [change('Disruption actions', dis.colTotals?.[0], dis.colTotals?.[1])];
  const nrm = t.get('nrm')!;
  sections.nrm = [`National Referral Mechanism referrals and decisions recorded this quarter: ${num(nrm.grandTotal)}.`];
  sections.countyLines = [`County lines recorded: ${d.countyLines.length}. Linked people are shown as counts; linked people are shown as counts, and a link is graded intelligence, not membership.`];

  const recommendations: string[] = [];
  // Intelligence gaps: what the records do not say.
  const untyped = atRisk.rows.indexOf('Type not recorded');
  if (untyped >= 0) recommendations.push(`Gap: children at risk with no exploitation type recorded: ${num(atRisk.rowTotals?.[untyped])}.`);
  const noRhi = rhi.rows.findIndex((r) => r.startsWith('None recorded'));
  if (noRhi >= 0 && cell(rhi, noRhi, 0) !== 0) recommendations.push(`Gap: returns from missing with no return home interview recorded after 72 hours: ${num(cell(rhi, noRhi, 0))}.`);
  const dormant = d.networks.dormant.length;
  if (dormant) recommendations.push(`Gap: ${dormant} peer network${dormant === 1 ? '' : 's'} seen last quarter ${dormant === 1 ? 'has' : 'have'} no recorded activity this quarter; check whether the network has dispersed or is no longer being reported.`);
  if (nyr !== undefined && nyr !== 0) recommendations.push('Review at the next panel the children with high victim harm and no panel or MACE referral (restricted annex).');
  const overdue = crit.colTotals?.[1];
  if (overdue !== undefined && overdue !== 0) recommendations.push('Chase the overdue follow-ups after critical moments, starting with return home interviews past 72 hours.');
  if (topPlace) recommendations.push(`Consider a location assessment and partnership disruption plan for ${topPlace.name}.`);
  if (targeted.length) recommendations.push('Task the analysts to test the alleged adult links to new or growing peer networks and grade the intelligence.');

  const narrative = { judgements, changes, sections, recommendations, statements: control ? statements : [] };
  const texts = [...judgements.flatMap((j) => [`It is ${j.likelihood} ${j.text}.`, j.basis]), ...changes, ...Object.values(sections).flat(), ...recommendations];
  for (const s of texts) {
    const f = checkLanguage(s);
    if (f.length) throw new Error(`briefing: generated sentence fails the language check (${f[0].rule}: "${f[0].phrase}"): ${s}`);
  }
  return narrative;
}
