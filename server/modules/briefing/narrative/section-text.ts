/** The opening sentences of each section of the pack, one function per section. */
import { percent } from '../disclosure';
import type { BriefingData } from '../gather';
import type { PackTable } from '../tables';
import type { Borough } from '../../../platform/borough';
import { cell, change, many, num, rhiAgainstNational, rhiFigures, total } from './words';

export function sectionSentences(d: BriefingData, t: Map<string, PackTable>, control: boolean, comparators: Borough['comparators']): Record<string, string[]> {
  return {
    scale: scale(t), missing: missing(t, control, comparators), critical: critical(t), places: places(d), networks: networks(d),
    personsOfConcern: personsOfConcern(t), disruption: disruption(t), nrm: nrm(t), countyLines: countyLines(d),
  };
}

function scale(t: Map<string, PackTable>): string[] {
  const atRisk = t.get('children-at-risk')!;
  const high = atRisk.colTotals?.[atRisk.cols.length - 1];
  return [
    `This quarter ${many(total(atRisk), 'children')} were assessed at risk of exploitation (latest CEAM assessment above "none").`,
    ...(high !== undefined ? [`Assessed at high risk: ${num(high)}.`] : []),
  ];
}

function missing(t: Map<string, PackTable>, control: boolean, comparators: Borough['comparators']): string[] {
  const m = t.get('missing')!;
  const { returns, within } = rhiFigures(t);
  const national = rhiAgainstNational(t, comparators.returnInterviewsCompletedWithin72Hours, control);
  return [
    `This quarter ${many(cell(m, 0, 0), 'missing episodes')} started, involving ${many(cell(m, 1, 0), 'children')}; children missing two or more times: ${num(cell(m, 2, 0))}.`,
    ...(typeof returns === 'number' && typeof within === 'number'
      ? [`${percent(within, returns, { control })} of returns had a return home interview within 72 hours.`] : []),
    ...(national ? [national.sentence] : []),
  ];
}

function critical(t: Map<string, PackTable>): string[] {
  const crit = t.get('critical-moments')!;
  return [`There were ${many(crit.grandTotal, 'critical moments')} (exclusions, injuries, arrests and returns from missing); a follow-up (return interview, referral or plan review) is overdue for ${num(crit.colTotals?.[1])} of them.`];
}

function places(d: BriefingData): string[] {
  const top = d.hotspots.items[0];
  const kindOf = new Map(d.places.map((p) => [p.id, p.kind]));
  const transport = d.hotspots.items.slice(0, 10).filter((h) => kindOf.get(h.id) === 'transport_hub');
  const online = d.hotspots.items.filter((h) => h.kind === 'OnlineSpace').slice(0, 3);
  return [
    top
      ? `The place of highest harm this quarter is ${top.name}${top.ward ? ` (${top.ward})` : ''}. Scores weigh each event by harm, intelligence grading and recency.`
      : 'No events at places were recorded this quarter.',
    transport.length
      ? `Transport hubs among the ten places of highest harm: ${transport.map((h) => h.name).join('; ')}.`
      : 'No transport hub is among the ten places of highest harm.',
    ...(online.length ? [`Online spaces of highest harm: ${online.map((h) => h.name).join('; ')}.`] : []),
  ];
}

function networks(d: BriefingData): string[] {
  return [`${d.networks.communities.length} peer networks of three or more young people were found (Louvain communities of a person graph; modularity ${d.networks.modularity.toFixed(2)}).`];
}

function personsOfConcern(t: Map<string, PackTable>): string[] {
  const poc = t.get('persons-of-concern')!;
  return [`Persons of concern linked to an event this quarter: ${num(cell(poc, 1, 0))}; subject of a disruption action this quarter: ${num(cell(poc, 2, 0))}.`];
}

function disruption(t: Map<string, PackTable>): string[] {
  const dis = t.get('disruption')!;
  return [change('Disruption actions', dis.colTotals?.[0], dis.colTotals?.[1])];
}

function nrm(t: Map<string, PackTable>): string[] {
  return [`National Referral Mechanism referrals and decisions recorded this quarter: ${num(t.get('nrm')!.grandTotal)}.`];
}

function countyLines(d: BriefingData): string[] {
  return [`County lines recorded: ${d.countyLines.length}. Linked people are shown as counts, and a link is graded intelligence, not membership.`];
}
