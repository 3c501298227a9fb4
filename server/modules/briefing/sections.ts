/** Assembles the body sections of the pack from published tables, narrative and charts. */
import { SUPPRESSED, Published } from './disclosure';
import { MAX_NETWORK_PICTURES, type BriefingData } from './gather';
import type { Narrative } from './narrative';
import type { ResolvedOptions } from './options';
import type { PackTable } from './tables';
import { networkStatus, personLabel, tabulatedNetworks } from './tables';
import { DIMENSIONS as DEMOGRAPHIC_DIMENSIONS } from './tables/demographics';
import { tableHtml, PackSection } from './html';
import { lineChart } from './charts/line';
import { barChart } from './charts/bar';
import { boroughMap } from './charts/map';
import { networkPicture, NetEdge, NetNode } from './charts/network';
import { esc } from './charts/svg';
import { dateText, label, MOMENT_LABEL } from './labels';
import { CONCERN_INDICATOR_LABEL } from '../../domain/known';
import { DISRUPTION_METHOD, OUTCOMES_METHOD } from '../analytics';
import { SECTION_TITLES, type SectionId } from './section-titles';
import { prioritySections } from './priorities';

const OVERDUE_LABEL: Record<string, string> = { rhi: 'return home interview', referral: 'referral', planReview: 'plan review' };
const asNull = (v: Published): number | null => (v === SUPPRESSED ? null : v);

function networkFigures(d: BriefingData, t: Map<string, PackTable>, o: ResolvedOptions): string {
  const sizes = t.get('networks-sex');
  const figs = tabulatedNetworks(d, o).slice(0, MAX_NETWORK_PICTURES).map((c, i) => {
    const name = sizes?.rows[i] ?? c.id;
    const size = sizes?.rowTotals?.[i];
    if (size === SUPPRESSED) return `<figure><p class="note">${esc(name)}: picture not shown (size suppressed).</p></figure>`;
    const links = d.communityLinks.get(c.id) ?? [];
    const members = new Set(c.memberIds);
    const nodes: NetNode[] = c.memberIds.map((id) => ({ id, adult: false }));
    const edges: NetEdge[] = links.flatMap((l) => l.peers.filter((p) => members.has(p)).map((p) => ({ a: l.id, b: p, exploitation: false })));
    // Adults are drawn only in the restricted edition; the partner edition shows counts, controlled.
    if (o.edition === 'restricted') {
      const adults = [...new Set(links.flatMap((l) => l.adults))];
      adults.forEach((a) => nodes.push({ id: a, adult: true }));
      links.forEach((l) => l.adults.forEach((a) => edges.push({ a, b: l.id, exploitation: true })));
    }
    const main = c.exploitationTypes[0] ? label('exploitation', c.exploitationTypes[0].type) : 'no exploitation type recorded';
    return `<figure>${networkPicture(`${name}: peer links${o.edition === 'restricted' ? ' and linked adults' : ''}`, nodes, edges)}`
      + `<figcaption><b>${esc(name)}</b> · ${esc(networkStatus(c, o))} · ${esc(main)} · ${esc(String(size ?? c.size))} members`
      + `${c.topPlaces[0] ? ` · often at ${esc(c.topPlaces[0].name)}` : ''}${c.topOnlineSpaces[0] ? ` · online: ${esc(c.topOnlineSpaces[0].name)}` : ''}</figcaption></figure>`;
  });
  return `<div class="networks">${figs.join('')}</div><p class="note">Circles: young people; lines: peer links${o.edition === 'restricted'
    ? '; dark squares and dashed lines: adults and alleged exploitation, grooming or recruitment links (graded intelligence, not fact)' : ''}. No names are shown.</p>`;
}

function restrictedAnnex(d: BriefingData, o: ResolvedOptions): string {
  if (o.edition !== 'restricted' || o.names === 'none') return '';
  const rows = d.notYetReferred.items.slice(0, 20).map((c) => `<tr><td>${esc(personLabel(o, c.id, c.name))}</td><td>${c.ageAtQuarterEnd ?? 'not known'}</td>`
    + `<td>${c.concernScore}</td><td>${Math.round(c.victimHarm).toLocaleString('en-GB')}</td><td class="text">${esc(c.indicators.map((i) => CONCERN_INDICATOR_LABEL[i.kind]).join(', ') || 'none')}</td>`
    + `<td class="text">${c.lastEventAt ? esc(dateText(c.lastEventAt)) : 'not recorded'}</td></tr>`);
  const overdue = d.critical.items.filter((i) => i.overdue.length).slice(0, 25).map((i) => `<tr><td>${esc(personLabel(o, i.childId, i.childName))}</td>`
    + `<td class="text">${esc(MOMENT_LABEL[i.kind])}</td><td class="text">${esc(dateText(i.occurredAt))}</td><td class="text">${esc(i.overdue.map((x) => OVERDUE_LABEL[x] ?? x).join(', '))}</td></tr>`);
  return `<h3>Restricted annex: children for panel review</h3><table><thead><tr><th class="text">${o.names === 'names' ? 'Child' : 'Pseudonym'}</th><th>Age</th><th>Concern score</th><th>Victim harm (days)</th><th class="text">Signs of exploitation</th><th class="text">Last event</th></tr></thead><tbody>${rows.join('') || '<tr><td colspan="6">None.</td></tr>'}</tbody></table>`
    + `<h3>Restricted annex: overdue follow-up after critical moments (first 25)</h3><table><thead><tr><th class="text">${o.names === 'names' ? 'Child' : 'Pseudonym'}</th><th class="text">Moment</th><th class="text">Date</th><th class="text">Overdue</th></tr></thead><tbody>${overdue.join('') || '<tr><td colspan="4">None.</td></tr>'}</tbody></table>`;
}

/** A section's id and its title from the one list of titles. */
const titled = (id: SectionId) => ({ id, title: SECTION_TITLES[id] });

export function buildSections(d: BriefingData, t: Map<string, PackTable>, n: Narrative, o: ResolvedOptions): PackSection[] {
  const tb = (id: string): string => (t.get(id) ? tableHtml(t.get(id)!) : '');
  const trend = t.get('trend')!;
  const col = (name: string) => trend.cols.indexOf(name);
  const trendChart = lineChart('Quarterly trend', trend.rows, ['Children at risk', 'Missing episodes', 'Children missing', 'Panel / MACE referrals', 'Disruption actions']
    .map((name) => ({ name, values: trend.cells.map((r) => asNull(r[col(name)])) })));
  const atRisk = t.get('children-at-risk')!;
  const rhi = t.get('return-interviews')!;
  const hot = d.hotspots.items.slice(0, 10).filter((h) => h.lat !== null && h.lon !== null);
  const map = boroughMap(`${o.borough.name}: map of hotspots`, d.places, hot.map((h) => ({ lat: h.lat!, lon: h.lon!, rank: h.rank, score: h.score, name: h.name })), o.borough.wards);
  const methods = [d.trends.method, d.hotspots.method, d.networks.method, d.highHarm.method, d.critical.method, d.notYetReferred.method, OUTCOMES_METHOD, DISRUPTION_METHOD];
  return [
    ...prioritySections(o.borough.priorities, t),
    { ...titled('scale-and-trend'), paragraphs: n.sections.scale, tables: [tb('children-at-risk'), tb('new-and-continuing'), tb('trend')],
      figures: [
        { svg: trendChart, caption: 'Quarterly counts; a gap marked "c" is a suppressed figure.' },
        { svg: barChart('Children at risk by exploitation type', atRisk.rows, atRisk.rowTotals ?? []), caption: 'Children at risk by exploitation type (latest assessment in the quarter).' },
      ] },
    { ...titled('demographics'), newPage: true,
      paragraphs: ['Children at risk aged 10–17 compared with the resident population of the same age. The relative rate index (RRI) is the group\'s rate over the borough rate: above 1 means over-represented. No rate or RRI is shown over fewer than 10 children.',
        'Religion or belief, immigration status, neurodiversity and first language are recorded for some children only. They are counted here for the partnership\'s scrutiny of fairness and are never used in any ranking or score; where the population baseline has no figures for one, its table gives counts without a rate.'],
      tables: DEMOGRAPHIC_DIMENSIONS.map((dim) => tb(`demographics-${dim}`)), figures: [] },
    { ...titled('missing'), paragraphs: n.sections.missing, tables: [tb('missing'), tb('return-interviews')],
      figures: [{ svg: barChart('Returns by return home interview status', rhi.rows, rhi.cells.map((r) => r[0])), caption: 'Returns from missing by return home interview status.' }] },
    { ...titled('critical-moments'), paragraphs: n.sections.critical, tables: [tb('critical-moments')], figures: [] },
    { ...titled('places'), newPage: true, paragraphs: n.sections.places, tables: [tb('hotspots')],
      figures: [{ svg: map, caption: `Hotspots (top 10) plotted from their coordinates; circle area follows the harm score.${o.borough.wards.length ? ' Ward boundaries as the borough supplies them.' : ''}` }] },
    { ...titled('peer-networks'), newPage: true, paragraphs: n.sections.networks, tables: [tb('networks-sex'), tb('networks-age')], figures: [],
      html: networkFigures(d, t, o) },
    { ...titled('persons-of-concern'), paragraphs: n.sections.personsOfConcern, tables: [tb('persons-of-concern'), tb('high-harm')], figures: [] },
    { ...titled('young-adults'), paragraphs: n.sections.youngAdults, tables: [tb('young-adults')], figures: [] },
    { ...titled('county-lines'), paragraphs: n.sections.countyLines, tables: [tb('county-lines'), tb('county-line-status')], figures: [] },
    { ...titled('nrm'), paragraphs: n.sections.nrm, tables: [tb('nrm')], figures: [] },
    { ...titled('disruption'), paragraphs: n.sections.disruption, tables: [tb('disruption'), tb('disruption-outcomes'), tb('place-tactics')], figures: [] },
    { ...titled('what-difference'), newPage: true, paragraphs: n.sections.support,
      tables: ['strategy-measures', 'support-offers', 'support-take-up', 'ceam-change', 'ceam-assessments', 'exclusions-sen', 'exclusions-after', 'missing-concern', 'rhi-factors'].map(tb),
      figures: [] },
    { ...titled('recommendations'), paragraphs: n.recommendations, tables: [tb('not-yet-referred')], figures: [],
      html: restrictedAnnex(d, o) },
    { ...titled('data-limitations'), newPage: true, figures: [], tables: [],
      paragraphs: [
        ...(o.borough.synthetic ? [`All records in this pack come from the synthetic ${o.borough.name} borough: no real person is described.`] : []),
        o.edition === 'partner'
          ? 'Partner edition: counts of 0 to 4 are shown as "c", with further cells suppressed so no "c" can be worked back from totals or other tables; no percentage, rate or mean is given over fewer than 10 children. No child is named or identified.'
          : 'Restricted edition: figures are as counted, for those with a need to know. Do not circulate beyond the restricted distribution.',
        `Intelligence with handling codes ${o.hiddenHandling.join(', ')} is left out of every figure.`,
        ...(o.edition === 'partner' ? ['Raw intelligence reports are not counted in this edition: it holds only what the partnership may share freely.'] : []),
        'Associations are graded intelligence with a review date, not established fact; a link is never membership.',
        d.baseline ? `Population baseline: ${d.baseline.description}.` : 'No population baseline was loaded: rates and RRIs are not available.',
        o.borough.comparators.returnInterviewsCompletedWithin72Hours
          ? 'National comparison: return home interviews completed within 72 hours, as a share of those completed, set beside the configured national figure with its source and year.'
          : 'No national figure for return home interviews is configured: the pack makes no national comparison.',
        ...methods,
      ] },
  ];
}
