/**
 * Peer-network themes (plain service): projection per quarter → Louvain → match with the
 * previous quarters for stable ids and status → describe each community.
 */
import { cypherFile } from '../../../platform/db/query';
import { readAnalytics } from '../read';
import { parseQuarter, shiftQuarter, Period } from '../../../domain/period';
import { checkLimit } from '../validate';
import { buildProjection, ProjectionRow, PROJECTION_METHOD, PersonGraph } from './projection';
import { findCommunities, Partition } from './communities';
import { matchCommunities, Matched, Named } from './match';
import { describeCommunity, MemberFacts } from './describe';
import type { AnalyticsSource, NetworkThemesArgs, NetworkThemesResult, Community } from '../types';

/** Quarters before the requested one used to carry community ids forward. */
export const ID_CHAIN_QUARTERS = 1;
export const LOUVAIN_SEED = 20251;

export interface QuarterPartition { period: Period; graph: PersonGraph; partition: Partition }

export function quarterPartition(source: AnalyticsSource, quarter: string): Promise<QuarterPartition> {
  if (!source.memo) return computePartition(source, quarter);
  const key = `partition|${source.database ?? ''}|${quarter}|${JSON.stringify(source.viewer)}`;
  let p = source.memo.get(key) as Promise<QuarterPartition> | undefined;
  if (!p) {
    p = computePartition(source, quarter);
    source.memo.set(key, p);
  }
  return p;
}

async function computePartition(source: AnalyticsSource, quarter: string): Promise<QuarterPartition> {
  const period = parseQuarter(quarter);
  const rows = await readAnalytics<ProjectionRow>(source, cypherFile(__dirname, 'peer-projection'), { from: period.start, to: period.end });
  const graph = buildProjection(rows);
  return { period, graph, partition: findCommunities(graph, LOUVAIN_SEED) };
}

/** Communities of `quarter` with ids carried from the chain of earlier quarters. */
export async function namedCommunities(source: AnalyticsSource, quarter: string, minSize: number, chain = ID_CHAIN_QUARTERS) {
  // The quarters' projections are independent: read and partition them concurrently, then match in order.
  const quarters = Array.from({ length: chain + 1 }, (_, i) => shiftQuarter(quarter, i - chain));
  const parts = await Promise.all(quarters.map((q) => quarterPartition(source, q)));
  let previous: Named[] = [];
  let last: { matched: Matched[]; dormant: Named[]; qp: QuarterPartition } | undefined;
  for (const qp of parts) {
    const big = qp.partition.communities.filter((c) => c.length >= minSize);
    const m = matchCommunities(big, previous);
    previous = m.matched.map(({ id, members }) => ({ id, members }));
    last = { ...m, qp };
  }
  return last!;
}

/**
 * A name a reader can hold on to: the group's main context (top place, else school, else online
 * space) and its dominant exploitation type, with its size, e.g. "Riverside Park · CCE · 8 young
 * people". Never a person's name.
 */
export function themeName(d: Pick<Community, 'topPlaces' | 'topSchools' | 'topOnlineSpaces' | 'exploitationTypes'>, size: number): string {
  const context = d.topPlaces[0]?.name ?? d.topSchools[0]?.name ?? d.topOnlineSpaces[0]?.name ?? 'No shared place';
  const type = d.exploitationTypes[0]?.type;
  return [context, type ?? 'no exploitation type recorded', `${size} young people`].join(' · ');
}

/** Summed weight of the edges inside each group (groups do not overlap), in one pass over the edges. */
export function internalWeights(graph: PersonGraph, groups: string[][]): number[] {
  const groupOf = new Map<string, number>();
  groups.forEach((members, i) => members.forEach((m) => groupOf.set(m, i)));
  const sums = groups.map(() => 0);
  graph.forEachEdge((_e, a, x, y) => {
    const g = groupOf.get(x);
    if (g !== undefined && g === groupOf.get(y)) sums[g] += a.weight;
  });
  return sums;
}

export async function networkThemes(source: AnalyticsSource, args: NetworkThemesArgs): Promise<NetworkThemesResult> {
  const period = parseQuarter(args.quarter);
  const minSize = checkLimit(args.minSize, 3, 100, 'minSize');
  const { matched, dormant, qp } = await namedCommunities(source, period.quarter, minSize);
  const ids = matched.flatMap((m) => m.members);
  const factsRows = ids.length ? await readAnalytics<MemberFacts>(source, cypherFile(__dirname, 'community-members'), { ids, from: period.start, to: period.end }) : [];
  const facts = new Map(factsRows.map((f) => [f.id, f]));
  const internal = internalWeights(qp.graph, matched.map((m) => m.members));
  const communities: Community[] = matched.map((m, i) => {
    const description = describeCommunity(m.members, facts, period.endMs);
    return {
      id: m.id, name: themeName(description, m.members.length), status: m.status, size: m.members.length, previousSize: m.previousSize, overlap: m.overlap,
      memberIds: m.members, ...description,
      internalWeight: Math.round(internal[i] * 1000) / 1000,
    };
  });
  return {
    quarter: period.quarter, previousQuarter: shiftQuarter(period.quarter, -1),
    method: `${PROJECTION_METHOD} Communities of ${minSize}+ members are described; ids carry over when Jaccard overlap with the previous quarter's community is ≥ 0.3 `
      + '(new / growing ≥ +20% / stable / shrinking ≥ −20%; dormant = last quarter\'s communities with no successor).',
    nodes: qp.graph.order, edges: qp.graph.size, modularity: Math.round(qp.partition.modularity * 1000) / 1000,
    communities, dormant: dormant.map((d) => ({ id: d.id, previousSize: d.members.length })),
  };
}
