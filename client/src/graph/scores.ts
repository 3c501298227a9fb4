/**
 * Computed scores behind the style (size and colour as data): hotspot score per place, school
 * and online space; high-harm score per person of concern (police only); peer-network community
 * per young person. Read from the analytics API for the selected quarter and put on the nodes.
 * Person-level analytics are fetched only once a justification is held: scores never prompt.
 */
import type { Core } from 'cytoscape';
import { gql, getJustification } from '../api/client';
import { CommunityMembersDocument, HighHarmScoresDocument, HotspotScoresDocument } from '../api/generated/graphql';
import { can } from '../state';
import { communityColour } from './style';

const hotspot = new Map<string, number>();
const harm = new Map<string, number>();
const community = new Map<string, string>();
let loadedFor = '';

export async function loadScores(quarter: string): Promise<boolean> {
  if (!can('hotspots')) return false;
  const personLevel = !!getJustification();
  const key = `${quarter}|${personLevel}`;
  if (key === loadedFor) return false;
  loadedFor = key;
  hotspot.clear(); harm.clear(); community.clear();
  const jobs: Promise<void>[] = [
    gql(HotspotScoresDocument, { quarter })
      .then((d) => { d.hotspots.items.forEach((h) => hotspot.set(h.id, h.score)); }),
  ];
  if (personLevel && can('networkThemes')) {
    jobs.push(gql(CommunityMembersDocument, { quarter })
      .then((d) => { d.networkThemes.communities.forEach((c) => c.memberIds.forEach((m) => community.set(m, c.id))); }));
    if (can('highHarmPersonsOfConcern')) {
      jobs.push(gql(HighHarmScoresDocument, { quarter })
        .then((d) => { d.highHarmPersonsOfConcern.items.forEach((p) => harm.set(p.id, p.score)); }));
    }
  }
  // A score that cannot be read leaves the style at its default; it never blocks the map.
  await Promise.allSettled(jobs);
  return true;
}

/** Put the scores on the nodes (data fields the stylesheet maps). */
export function applyScores(cy: Core): void {
  cy.batch(() => cy.nodes().forEach((n) => {
    const id = n.id();
    if (hotspot.has(id)) n.data('hotspot', hotspot.get(id));
    if (harm.has(id)) n.data('harm', harm.get(id));
    if (community.has(id)) { n.data('community', community.get(id)); n.data('communityColour', communityColour(community.get(id))); }
  }));
}
