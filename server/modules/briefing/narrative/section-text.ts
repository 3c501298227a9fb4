/** The opening sentences of each section of the pack, one function per section. */
import { percent, SUPPRESSED, type Published } from '../disclosure';
import type { BriefingData } from '../gather';
import type { PackTable } from '../tables';
import type { Borough } from '../../../platform/borough';
import { cell, change, many, num, rhiAgainstNational, rhiFigures, total } from './words';
import { YOUNG_ADULTS_METHOD } from '../../analytics';

export function sectionSentences(d: BriefingData, t: Map<string, PackTable>, control: boolean, comparators: Borough['comparators']): Record<string, string[]> {
  return {
    scale: scale(t), missing: missing(t, control, comparators), critical: critical(t), places: places(d), networks: networks(d),
    personsOfConcern: personsOfConcern(t), disruption: disruption(t), nrm: nrm(t), countyLines: countyLines(d, t),
    support: support(t), youngAdults: youngAdults(t),
  };
}

/** Transitional safeguarding: the young-adult table's totals, then how it was counted. */
function youngAdults(t: Map<string, PackTable>): string[] {
  const ya = t.get('young-adults');
  const all = ya?.colTotals?.[0];
  const known = ya?.colTotals?.[1];
  const notReferred = ya?.colTotals?.[3];
  const first = all === 0 ? 'No young adult aged 18 to 25 was known to the partnership this quarter.'
    : all === SUPPRESSED || all === undefined ? 'The number of young adults aged 18 to 25 known to the partnership this quarter is suppressed (c).'
      : `This quarter ${num(all)} young adults aged 18 to 25 were known to the partnership; ${known === 0 ? 'none' : num(known)} of them were known as a child at risk before they turned 18, `
        + `and ${notReferred === 0 ? 'none' : num(notReferred)} of those have not been referred to the Adults at Risk Panel.`;
  return [
    first,
    'Harm does not stop at 18: a young adult who was a child at risk needs transitional safeguarding, including when they are now recorded as a person of concern.',
    YOUNG_ADULTS_METHOD,
  ];
}

/** This quarter's column of a table whose rows are quarters (the last row). */
const thisQuarter = (t: PackTable | undefined, col: number) => t?.cells[t.cells.length - 1]?.[col];
const thisQuarterTotal = (t: PackTable | undefined) => t?.rowTotals?.[t.rowTotals.length - 1];

/**
 * "Of N children <whole>, M <part>", said plainly when a figure is 0 or suppressed: a sentence
 * never opens on a suppressed number.
 */
function ofWhole(whole: Published | undefined, part: Published | undefined, wholeText: string, partText: string): string {
  if (whole === 0) return `No child was ${wholeText}.`;
  if (whole === SUPPRESSED || whole === undefined) return `The number of children ${wholeText} is suppressed (c), and with it those who ${partText}.`;
  return `Of ${many(whole, 'children')} ${wholeText}, ${part === 0 ? 'none' : num(part)} ${partText}.`;
}

function support(t: Map<string, PackTable>): string[] {
  const offers = t.get('support-offers');
  const takeUp = t.get('support-take-up');
  const ceam = t.get('ceam-change');
  const excl = t.get('exclusions-after');
  const missing = t.get('missing-concern');
  const offered = thisQuarterTotal(takeUp);
  const compared = thisQuarterTotal(ceam);
  return [
    ofWhole(thisQuarter(offers, 0), thisQuarter(offers, 1), 'assessed at risk this quarter', 'had been offered support in the year to the quarter\'s end'),
    offered === 0 ? 'No child was offered support this quarter.' : offered === SUPPRESSED || offered === undefined
      ? 'The number of children offered support this quarter is suppressed (c).'
      : `This quarter ${many(offered, 'children')} were offered support: ${num(thisQuarter(takeUp, 0))} accepted, ${num(thisQuarter(takeUp, 1))} declined and ${num(thisQuarter(takeUp, 2))} have not yet answered.`,
    compared === 0 ? 'No child has yet been assessed both before their support started and since.' : compared === SUPPRESSED || compared === undefined
      ? 'The number of children assessed both before their support started and since is suppressed (c).'
      : `Of ${many(compared, 'children')} assessed both before their support started and since, ${num(thisQuarter(ceam, 0))} now have a lower CEAM score, ${num(thisQuarter(ceam, 1))} the same and ${num(thisQuarter(ceam, 2))} a higher one. A lower score is a reduction in assessed risk, not proof that the support caused it.`,
    ofWhole(thisQuarter(excl, 0), thisQuarter(excl, 1), 'excluded from school this quarter', 'were assessed at risk or went missing within 90 days after'),
    ofWhole(thisQuarter(missing, 0), thisQuarter(missing, 1), 'missing this quarter', 'had a county-lines or criminal exploitation concern'),
  ];
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
  const places = t.get('place-tactics');
  return [change('Disruption actions', dis.colTotals?.[0], dis.colTotals?.[1]),
    ...(places ? [change('Of them, actions about places', places.colTotals?.[0], places.colTotals?.[1])] : [])];
}

function nrm(t: Map<string, PackTable>): string[] {
  return [`National Referral Mechanism referrals and decisions recorded this quarter: ${num(t.get('nrm')!.grandTotal)}.`];
}

function countyLines(d: BriefingData, t: Map<string, PackTable>): string[] {
  const status = t.get('county-line-status');
  const lines = [`County lines recorded: ${d.countyLines.length}. Linked people are shown as counts, and a link is graded intelligence, not membership.`];
  if (!status) return lines;
  return [...lines, `Lines active at the quarter's end: ${num(thisQuarter(status, 0))}; disrupted this quarter: ${num(thisQuarter(status, 1))}; closed this quarter: ${num(thisQuarter(status, 2))}.`];
}
