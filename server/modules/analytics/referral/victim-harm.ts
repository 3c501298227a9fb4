/** Summed victim harm per child (pure): Σ harm weight × grading weight, no recency decay. */
import { harmWeight, gradingWeight } from '../../../domain/harm';
import { ageOn } from '../../../domain/age';
import type { NotYetReferredChild } from '../types';
import { round } from '../hotspots/score';

export interface VictimEvent {
  id: string; kind: string; offenceType: string | null; injuryKind: string | null; atMs: number;
  gradingScheme: string | null; sourceEval: string | null; assessment: string | null;
}
export interface VictimRow { id: string; name: string; dob: string; events: VictimEvent[]; otherReferrals: string[] }

export function rankVictimHarm(rows: VictimRow[], periodEndMs: number, minHarm: number): NotYetReferredChild[] {
  const out: NotYetReferredChild[] = [];
  for (const r of rows) {
    const scored = r.events.map((e) => ({ e, s: harmWeight({ kind: e.kind, offenceType: e.offenceType, injuryKind: e.injuryKind }) * gradingWeight(e) }))
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s || a.e.id.localeCompare(b.e.id));
    const harm = scored.reduce((t, x) => t + x.s, 0);
    if (harm < minHarm || scored.length === 0) continue;
    out.push({
      id: r.id, name: r.name, ageAtQuarterEnd: ageOn(r.dob, periodEndMs - 1),
      victimHarm: round(harm, 1), victimEvents: scored.length, eventIds: scored.map((x) => x.e.id),
      lastEventAt: new Date(Math.max(...scored.map((x) => x.e.atMs))).toISOString(),
      otherReferrals: [...new Set(r.otherReferrals)].sort(),
    });
  }
  return out.sort((a, b) => b.victimHarm - a.victimHarm || a.id.localeCompare(b.id));
}
