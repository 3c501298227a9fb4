/**
 * High-harm persons of concern (pure). Components per person (24-month look-back):
 *   R = max(0, 1 − days since the last evidence / 730)     F = log(1+n) / log(1+N_CAP)
 *   G = Σ harm weight × grading weight of events as suspect / subject
 *   children = distinct children (victims of those events, or targets of EXPLOITS/GROOMS/RECRUITS)
 *   brokerage = participation coefficient of those children over peer communities
 *   grade = mean grading weight of all evidence
 * Score = weighted mean of the percentile ranks of the components (WEIGHTS).
 */
import { harmWeight, gradingWeight, Grading } from '../../../domain/harm';
import { DAY_MS } from '../../../domain/period';
import { percentileRanks } from './percentile';
import { participationCoefficient } from './brokerage';
import { round } from '../hotspots/score';
import type { HighHarmPerson } from '../types';

export const N_CAP = 20;
export const LOOKBACK_DAYS = 730;
export const WEIGHTS = { gravity: 0.3, distinctChildren: 0.2, brokerage: 0.15, intelligenceGrade: 0.15, frequency: 0.1, recency: 0.1 };
type Component = keyof typeof WEIGHTS;
const COMPONENTS = Object.keys(WEIGHTS) as Component[];

export interface PocEvent extends Grading { id: string; kind: string; offenceType: string | null; injuryKind: string | null; atMs: number; children: string[] }
export interface PocLink extends Grading { id: string; childId: string; atMs: number | null }
export interface PocIntel extends Grading { id: string; relId: string; atMs: number }
export interface PocRow { id: string; name: string; events: PocEvent[]; links: PocLink[]; intel: PocIntel[]; childAtRisk?: string[] }

export function scorePersonsOfConcern(rows: PocRow[], periodEndMs: number, communityOf: Map<string, string>): HighHarmPerson[] {
  const raw = rows.map((r) => {
    const scored = r.events.map((e) => ({ e, s: harmWeight({ kind: e.kind, offenceType: e.offenceType, injuryKind: e.injuryKind }) * gradingWeight(e) }))
      .sort((a, b) => b.s - a.s || a.e.id.localeCompare(b.e.id));
    const gravity = scored.reduce((t, x) => t + x.s, 0);
    const children = new Set<string>([...r.events.flatMap((e) => e.children ?? []), ...r.links.map((l) => l.childId)]);
    const times = [...r.events.map((e) => e.atMs), ...r.links.map((l) => l.atMs ?? 0), ...r.intel.map((i) => i.atMs)].filter((t) => t > 0);
    const last = times.length ? Math.max(...times) : null;
    const recency = last == null ? 0 : Math.max(0, 1 - (periodEndMs - last) / DAY_MS / LOOKBACK_DAYS);
    const n = r.events.length;
    const frequency = Math.min(1, Math.log(1 + n) / Math.log(1 + N_CAP));
    const grades = [...r.events, ...r.links, ...r.intel].map((g) => gradingWeight(g));
    const intelligenceGrade = grades.length ? grades.reduce((a, b) => a + b, 0) / grades.length : 0;
    const values: Record<Component, number> = {
      gravity, distinctChildren: children.size, brokerage: participationCoefficient(children, communityOf),
      intelligenceGrade, frequency, recency,
    };
    return { r, values, last, eventIds: scored.map((x) => x.e.id), relIds: [...r.links.map((l) => l.id), ...r.intel.map((i) => i.relId)] };
  });
  const pct = Object.fromEntries(COMPONENTS.map((c) => [c, percentileRanks(raw.map((x) => x.values[c]))])) as Record<Component, number[]>;
  const out: HighHarmPerson[] = raw.map((x, i) => {
    const p = Object.fromEntries(COMPONENTS.map((c) => [c, round(pct[c][i], 4)])) as Record<Component, number>;
    const score = COMPONENTS.reduce((t, c) => t + WEIGHTS[c] * pct[c][i], 0);
    return {
      id: x.r.id, name: x.r.name, rank: 0, score: round(score, 4),
      breakdown: {
        recency: round(x.values.recency, 4), frequency: round(x.values.frequency, 4), gravity: round(x.values.gravity, 1),
        distinctChildren: x.values.distinctChildren, brokerage: round(x.values.brokerage, 4),
        intelligenceGrade: round(x.values.intelligenceGrade, 4), percentiles: p,
      },
      evidence: {
        eventIds: x.eventIds.slice(0, 25), relationshipIds: [...x.relIds].sort().slice(0, 25),
        eventCount: x.eventIds.length, relationshipCount: x.relIds.length,
      },
      lastEvidenceAt: x.last == null ? null : new Date(x.last).toISOString(),
      knownAsChildAtRisk: (x.r.childAtRisk ?? []).length > 0,
      childAtRiskEvidence: [...(x.r.childAtRisk ?? [])].sort().slice(0, 25),
    };
  });
  out.sort((a, b) => b.score - a.score || b.breakdown.gravity - a.breakdown.gravity || a.id.localeCompare(b.id));
  out.forEach((p, i) => { p.rank = i + 1; });
  return out;
}
