/** Key judgements, each worded on the PHIA yardstick with its basis. */
import type { Statement } from '../disclosure';
import type { BriefingData } from '../gather';
import type { PackTable } from '../tables';
import { percent } from '../disclosure';
import { statementFor } from '../statistics';
import { fmt } from '../labels';
import { Judgement, likelihoodFromP } from './phia';
import type { TrendThemes } from './changes';
import type { Borough } from '../../../platform/borough';
import { cap, cell, inText, many, newOrGrowingNetworks, pText, rhiAgainstNational, rhiFigures, themeSubject } from './words';

export function keyJudgements(d: BriefingData, t: Map<string, PackTable>, themes: TrendThemes, control: boolean,
  comparators: Borough['comparators']): { judgements: Judgement[]; statements: Statement[] } {
  const trends = trendJudgements(themes, t.get('trend')!);
  const others = [topPlace(d), lateReturnInterviews(t, control, comparators), notYetReferred(t), targetedNetworks(d)];
  return { judgements: [...trends.judgements, ...others.filter((j): j is Judgement => j !== undefined)], statements: trends.statements };
}

/** The three trends least likely to be chance. */
function trendJudgements(themes: TrendThemes, trend: PackTable): { judgements: Judgement[]; statements: Statement[] } {
  // A theme with nothing recorded in any quarter has no trend to judge (its test gives p = 1).
  const top = themes.emerging.filter((e) => e.series.some((s) => s.numerator > 0)).sort((a, b) => a.pValue - b.pValue).slice(0, 3);
  return {
    judgements: top.map((e) => ({
      likelihood: likelihoodFromP(e.pValue),
      text: e.measure === 'count'
        ? `that ${inText(themeSubject(e))} this quarter ${e.direction === 'falling' ? 'fell below' : 'rose above'} the level of earlier quarters rather than varying by chance`
        : `that the ${inText(themeSubject(e))} is ${e.direction === 'flat' ? 'changing' : e.direction} rather than varying by chance`,
      basis: `${e.test}, statistic ${e.statistic.toFixed(2)}, ${pText(e.pValue)}, over ${e.series.length} quarters.`,
    })),
    statements: top.map((e) => statementFor(e, trend, 2)),
  };
}

function topPlace(d: BriefingData): Judgement | undefined {
  const place = d.hotspots.items[0];
  if (!place) return undefined;
  const held = place.previousRank !== null && place.previousRank <= 3;
  return {
    likelihood: held ? 'highly likely' : place.previousRank !== null && place.previousRank <= 10 ? 'likely' : 'a realistic possibility',
    text: `that ${place.name} remains among the places of highest harm to children next quarter`,
    basis: `Ranked 1 of ${d.hotspots.placesConsidered} places this quarter${place.previousRank ? `, ${place.previousRank} last quarter` : ', not ranked last quarter'}; harm score ${fmt(place.score)}.`,
  };
}

/**
 * The borough's completed interviews against the national comparator (the same measure); with
 * none configured there is no yardstick, and no judgement.
 */
function lateReturnInterviews(t: Map<string, PackTable>, control: boolean, comparators: Borough['comparators']): Judgement | undefined {
  const national = rhiAgainstNational(t, comparators.returnInterviewsCompletedWithin72Hours, control);
  if (!national) return undefined;
  const { returns, within } = rhiFigures(t);
  const ofReturns = typeof returns === 'number' && typeof within === 'number' ? percent(within, returns, { control }) : '';
  return {
    likelihood: national.below ? 'likely' : 'unlikely',
    text: 'that return home interviews in the borough are completed within 72 hours less often than nationally',
    basis: `${national.sentence}${ofReturns.endsWith('%') ? ` Of all ${fmt(returns as number)} returns, ${ofReturns} had a return home interview within 72 hours.` : ''}`,
  };
}

function notYetReferred(t: Map<string, PackTable>): Judgement | undefined {
  const nyr = cell(t.get('not-yet-referred'), 0, 0);
  if (nyr === undefined || nyr === 0) return undefined;
  return {
    likelihood: 'highly likely',
    text: 'that some children facing the most harm are not yet known to the panel',
    basis: `${cap(many(nyr, 'children'))} with high summed victim harm have no panel or MACE referral.`,
  };
}

function targetedNetworks(d: BriefingData): Judgement | undefined {
  const targeted = newOrGrowingNetworks(d).filter((c) => c.personsOfConcern.length > 0);
  if (!targeted.length) return undefined;
  return {
    likelihood: 'a realistic possibility',
    text: `that adults are targeting ${targeted.length === 1 ? 'a new or growing peer network' : `${targeted.length} new or growing peer networks`}`,
    basis: 'Alleged exploitation, grooming or recruitment links run from persons of concern to members; associations are graded intelligence, not fact.',
  };
}
