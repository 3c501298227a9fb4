/** Intelligence gaps (what the records do not say), then recommendations and tasking. */
import type { BriefingData } from '../gather';
import type { PackTable } from '../tables';
import { cell, newOrGrowingNetworks, num } from './words';

export function recommendations(d: BriefingData, t: Map<string, PackTable>): string[] {
  return [...intelligenceGaps(d, t), ...actions(d, t)];
}

function intelligenceGaps(d: BriefingData, t: Map<string, PackTable>): string[] {
  const gaps: string[] = [];
  const atRisk = t.get('children-at-risk')!;
  const untyped = atRisk.rows.indexOf('Type not recorded');
  if (untyped >= 0) gaps.push(`Gap: children at risk with no exploitation type recorded: ${num(atRisk.rowTotals?.[untyped])}.`);
  const rhi = t.get('return-interviews')!;
  const noRhi = rhi.rows.findIndex((r) => r.startsWith('None recorded'));
  if (noRhi >= 0 && cell(rhi, noRhi, 0) !== 0) gaps.push(`Gap: returns from missing with no return home interview recorded after 72 hours: ${num(cell(rhi, noRhi, 0))}.`);
  const dormant = d.networks.dormant.length;
  if (dormant) gaps.push(`Gap: ${dormant} peer network${dormant === 1 ? '' : 's'} seen last quarter ${dormant === 1 ? 'has' : 'have'} no recorded activity this quarter; check whether the network has dispersed or is no longer being reported.`);
  return gaps;
}

function actions(d: BriefingData, t: Map<string, PackTable>): string[] {
  const out: string[] = [];
  const nyr = cell(t.get('not-yet-referred'), 0, 0);
  if (nyr !== undefined && nyr !== 0) out.push('Review at the next panel the children with high victim harm and no panel or MACE referral (restricted annex).');
  const overdue = t.get('critical-moments')!.colTotals?.[1];
  if (overdue !== undefined && overdue !== 0) out.push('Chase the overdue follow-ups after critical moments, starting with return home interviews past 72 hours.');
  const topPlace = d.hotspots.items[0];
  if (topPlace) out.push(`Consider a location assessment and partnership disruption plan for ${topPlace.name}.`);
  if (newOrGrowingNetworks(d).some((c) => c.personsOfConcern.length > 0)) out.push('Task the analysts to test the alleged adult links to new or growing peer networks and grade the intelligence.');
  return out;
}
