/** Hotspots service (plain): validates, reads the events of two quarters, scores. */
import { cypherFile } from '../../../platform/db/query';
import { readAnalytics } from '../read';
import { parseQuarter, previousQuarter } from '../../../domain/period';
import { AnalyticsInputError } from '../../../domain/input-error';
import { scoreHotspots, HotspotEventRow } from './score';
import { CONTEXT_KINDS, HOTSPOT_HARM_SCOPES, type HotspotHarmScope, type AnalyticsSource, type HotspotArgs, type HotspotsResult, type ContextKind } from '../types';
import { harmTable } from '../../../domain/harm';
import { checkLimit } from '../validate';

export const HOTSPOT_METHOD = (halfLife: number, harm: HotspotHarmScope): string =>
  (harm === 'children' ? 'Harm to children: only events in which a child (under 18 at the event) was involved count. ' : 'All harm at the place, whoever was involved. ')
  + 'Score = Σ over events at the place in the quarter of harm weight (days, Cambridge-style table, values to verify) '
  + `× grading weight (source evaluation × assessment) × recency decay (half-life ${halfLife} days from the quarter end). `
  + 'Children = distinct people under 18 at the event; co-presence = events involving both a child and a person of concern. '
  + 'Change = score − the same score for the previous quarter.';

export async function hotspots(source: AnalyticsSource, args: HotspotArgs): Promise<HotspotsResult> {
  const current = parseQuarter(args.quarter);
  const previous = parseQuarter(previousQuarter(current.quarter));
  const kinds = validateKinds(args.kinds);
  const limit = checkLimit(args.limit, 20);
  const harm = validateHarmScope(args.harm);
  const rows = await readAnalytics<HotspotEventRow>(source, cypherFile(__dirname, 'hotspot-events'), { kinds, from: previous.start, to: current.end });
  const all = scoreHotspots(harm === 'children' ? rows.filter((r) => (r.kids ?? []).length > 0) : rows, current, previous);
  return {
    quarter: current.quarter, previousQuarter: previous.quarter,
    method: HOTSPOT_METHOD(harmTable().recency.halfLifeDays, harm), harm,
    placesConsidered: all.length, items: all.slice(0, limit),
  };
}

function validateKinds(kinds: unknown): ContextKind[] {
  if (kinds === undefined || kinds === null) return [...CONTEXT_KINDS];
  if (!Array.isArray(kinds) || kinds.length === 0) throw new AnalyticsInputError('kinds', 'must be a non-empty list');
  for (const k of kinds) {
    if (!CONTEXT_KINDS.includes(k as ContextKind)) throw new AnalyticsInputError('kinds', `unknown kind "${String(k).slice(0, 30)}" (allowed: ${CONTEXT_KINDS.join(', ')})`);
  }
  return [...new Set(kinds as ContextKind[])];
}

function validateHarmScope(harm: unknown): HotspotHarmScope {
  if (harm === undefined || harm === null) return 'children';
  if (!HOTSPOT_HARM_SCOPES.includes(harm as HotspotHarmScope)) throw new AnalyticsInputError('harm', `must be one of ${HOTSPOT_HARM_SCOPES.join(', ')}`);
  return harm as HotspotHarmScope;
}
