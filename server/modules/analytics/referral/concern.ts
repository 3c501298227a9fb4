/**
 * Children of concern not yet known to a panel (pure): each part of the concern is shown with
 * its evidence, and the parts add up to a score that is a prompt for a professional's review,
 * never an offender score. A child's recorded actions (supply, weapons, robbery) are read as a
 * possible sign of coercion by others.
 *
 * Points: 1 for each event of serious harm to the child as a victim (weighted harm of at least
 * SERIOUS_HARM_DAYS: harm weight × grading weight), at most VICTIM_POINTS_CAP; and 1 for each sign
 * of exploitation present. One serious harm alone does not reach the default threshold of 2: it
 * takes a second harm or a sign of exploitation.
 */
import { harmWeight, gradingWeight } from '../../../domain/harm';
import { DAY_MS } from '../../../domain/period';
import { ageOn } from '../../../domain/age';
import { REPEAT_MISSING } from '../../../domain/known';
import type { ConcernIndicator, ConcernIndicatorKind, NotYetReferredChild } from '../types';
import { round } from '../hotspots/score';

export const SERIOUS_HARM_DAYS = 365;
export const VICTIM_POINTS_CAP = 2;

export interface VictimEvent {
  id: string; kind: string; offenceType: string | null; injuryKind: string | null; atMs: number;
  gradingScheme: string | null; sourceEval: string | null; assessment: string | null;
}
export interface CoercionEvent { id: string; offenceType: string; atMs: number }
export interface MissingEvent { id: string; atMs: number; foundOutOfBorough: boolean; countyLinesConcern: boolean }
export interface DatedEvent { id: string; atMs: number }
export interface ConcernRow {
  id: string; name: string; dob: string | null;
  events: VictimEvent[]; coercionEvents: CoercionEvent[]; missing: MissingEvent[]; foundWithSigns: DatedEvent[];
  countyLines: string[]; targetedBy: string[]; otherReferrals: string[];
}

/** The first episode of each run of REPEAT_MISSING.episodes within REPEAT_MISSING.withinDays, with the run. */
export function repeatMissingRun(missing: MissingEvent[]): string[] {
  const sorted = [...missing].sort((a, b) => a.atMs - b.atMs || a.id.localeCompare(b.id));
  const n = REPEAT_MISSING.episodes;
  for (let i = 0; i + n - 1 < sorted.length; i++) {
    if (sorted[i + n - 1].atMs - sorted[i].atMs <= REPEAT_MISSING.withinDays * DAY_MS) return sorted.slice(i, i + n).map((m) => m.id);
  }
  return [];
}

export function indicators(r: ConcernRow): ConcernIndicator[] {
  const out: ConcernIndicator[] = [];
  const add = (kind: ConcernIndicatorKind, evidence: string[]): void => {
    if (evidence.length) out.push({ kind, evidence: [...new Set(evidence)].sort() });
  };
  add('possibleCoercionInOffence', r.coercionEvents.map((e) => e.id));
  add('linkedToCountyLine', r.countyLines);
  add('targetedByAdult', r.targetedBy);
  add('foundOutOfBorough', r.missing.filter((m) => m.foundOutOfBorough).map((m) => m.id));
  add('missingWithCountyLinesConcern', r.missing.filter((m) => m.countyLinesConcern).map((m) => m.id));
  add('repeatMissing', repeatMissingRun(r.missing));
  add('foundWithUnexplainedItems', r.foundWithSigns.map((e) => e.id));
  return out;
}

export function scoreChild(r: ConcernRow, periodEndMs: number): NotYetReferredChild {
  const scored = r.events.map((e) => ({ e, s: harmWeight({ kind: e.kind, offenceType: e.offenceType, injuryKind: e.injuryKind }) * gradingWeight(e) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.e.id.localeCompare(b.e.id));
  const harm = scored.reduce((t, x) => t + x.s, 0);
  const victimPoints = Math.min(VICTIM_POINTS_CAP, scored.filter((x) => x.s >= SERIOUS_HARM_DAYS).length);
  const signs = indicators(r);
  const times = [...scored.map((x) => x.e.atMs), ...r.coercionEvents.map((e) => e.atMs), ...r.missing.map((m) => m.atMs), ...r.foundWithSigns.map((e) => e.atMs)];
  return {
    id: r.id, name: r.name, ageAtQuarterEnd: r.dob ? ageOn(r.dob, periodEndMs - 1) : null,
    concernScore: victimPoints + signs.length, victimPoints,
    victimHarm: round(harm, 1), victimEvents: scored.length, eventIds: scored.map((x) => x.e.id),
    indicators: signs, missingEpisodes: new Set(r.missing.map((m) => m.id)).size,
    lastEventAt: times.length ? new Date(Math.max(...times)).toISOString() : null,
    otherReferrals: [...new Set(r.otherReferrals)].sort(),
  };
}

/** Children whose score reaches minScore, highest first (then more victim harm, then id). */
export function rankChildrenOfConcern(rows: ConcernRow[], periodEndMs: number, minScore: number): NotYetReferredChild[] {
  return rows.map((r) => scoreChild(r, periodEndMs))
    .filter((c) => c.concernScore >= minScore && c.concernScore > 0)
    .sort((a, b) => b.concernScore - a.concernScore || b.victimHarm - a.victimHarm || a.id.localeCompare(b.id));
}
