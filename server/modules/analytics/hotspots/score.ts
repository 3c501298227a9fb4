/**
 * Hotspot scoring (pure): per place, Σ harm weight × grading weight × recency decay over its
 * events in the quarter, with distinct children, persons of concern, co-presence, and the same
 * score for the previous quarter to show change.
 */
import { harmWeight, gradingWeight, recencyDecay } from '../../../domain/harm';
import type { Period } from '../../../domain/period';
import type { ContextKind, Hotspot, HotspotContribution } from '../types';

export interface HotspotEventRow {
  placeId: string; placeKind: ContextKind; placeName: string;
  ward: string | null; lat: number | null; lon: number | null;
  eventId: string; eventKind: string; offenceType: string | null; injuryKind: string | null;
  occurredMs: number;
  gradingScheme: string | null; sourceEval: string | null; assessment: string | null;
  /** Ids of people under 18 at the event (any role). */
  kids: string[];
  /** Ids of adult persons of concern involved. */
  pocs: string[];
}

interface Acc {
  row: HotspotEventRow;
  score: number; prevScore: number;
  events: number; harmEvents: number; coPresence: number;
  children: Set<string>; pocs: Set<string>;
  byCode: Map<string, HotspotContribution>;
  evidence: Array<{ id: string; score: number }>;
}

export function eventScore(r: HotspotEventRow, periodEndMs: number): number {
  const harm = harmWeight({ kind: r.eventKind, offenceType: r.offenceType, injuryKind: r.injuryKind });
  return harm === 0 ? 0 : harm * gradingWeight(r) * recencyDecay(r.occurredMs, periodEndMs);
}

/** rows may span the previous and the current quarter; others are ignored. */
export function scoreHotspots(rows: HotspotEventRow[], current: Period, previous: Period): Hotspot[] {
  const acc = new Map<string, Acc>();
  const get = (r: HotspotEventRow): Acc => {
    let a = acc.get(r.placeId);
    if (!a) {
      a = { row: r, score: 0, prevScore: 0, events: 0, harmEvents: 0, coPresence: 0, children: new Set(), pocs: new Set(), byCode: new Map(), evidence: [] };
      acc.set(r.placeId, a);
    }
    return a;
  };
  for (const r of rows) {
    if (r.occurredMs >= previous.startMs && r.occurredMs < previous.endMs) {
      get(r).prevScore += eventScore(r, previous.endMs);
      continue;
    }
    if (r.occurredMs < current.startMs || r.occurredMs >= current.endMs) continue;
    const a = get(r);
    const s = eventScore(r, current.endMs);
    a.score += s;
    a.events += 1;
    if (s > 0) a.harmEvents += 1;
    const kids = r.kids ?? [];
    const pocs = r.pocs ?? [];
    kids.forEach((id) => a.children.add(id));
    pocs.forEach((id) => a.pocs.add(id));
    if (kids.length > 0 && pocs.length > 0) a.coPresence += 1;
    const code = r.offenceType ?? r.injuryKind ?? r.eventKind;
    const c = a.byCode.get(code) ?? { code, events: 0, score: 0 };
    c.events += 1;
    c.score += s;
    a.byCode.set(code, c);
    if (s > 0) a.evidence.push({ id: r.eventId, score: s });
  }
  const current_ = [...acc.values()].filter((a) => a.events > 0);
  const prevRank = rankBy([...acc.values()].filter((a) => a.prevScore > 0), (a) => a.prevScore);
  const out: Hotspot[] = current_.map((a) => ({
    id: a.row.placeId, kind: a.row.placeKind, name: a.row.placeName,
    ward: a.row.ward ?? null, lat: a.row.lat ?? null, lon: a.row.lon ?? null,
    rank: 0, score: round(a.score), previousScore: round(a.prevScore),
    previousRank: prevRank.get(a.row.placeId) ?? null,
    change: round(a.score - a.prevScore),
    eventCount: a.events, harmEventCount: a.harmEvents,
    distinctChildren: a.children.size, distinctPersonsOfConcern: a.pocs.size, coPresenceEvents: a.coPresence,
    breakdown: [...a.byCode.values()].map((c) => ({ ...c, score: round(c.score) }))
      .sort((x, y) => y.score - x.score || y.events - x.events || x.code.localeCompare(y.code)),
    evidenceEventIds: a.evidence.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id)).slice(0, 20).map((e) => e.id),
  }));
  out.sort((x, y) => y.score - x.score || y.eventCount - x.eventCount || x.id.localeCompare(y.id));
  out.forEach((h, i) => { h.rank = i + 1; });
  return out;
}

function rankBy<T extends { row: { placeId: string } }>(items: T[], key: (t: T) => number): Map<string, number> {
  const sorted = [...items].sort((a, b) => key(b) - key(a) || a.row.placeId.localeCompare(b.row.placeId));
  return new Map(sorted.map((a, i) => [a.row.placeId, i + 1]));
}

export const round = (x: number, digits = 3): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
