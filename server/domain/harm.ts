/**
 * Harm, grading and recency weights, read from harm-weights.json (editable data). Pure functions.
 */
import table from './harm-weights.json';
import { DAY_MS } from './period';

export interface Grading {
  gradingScheme?: string | null;
  sourceEval?: string | null;
  assessment?: string | null;
}

export interface HarmInput {
  /** Event kind label, e.g. Incident, Injury, Arrest. */
  kind: string;
  offenceType?: string | null;
  injuryKind?: string | null;
}

type Table = typeof table;
const weights: Table = table;

export const harmTable = (): Table => weights;

/** Harm weight (days) of one event. Unknown codes weigh 0 and are never guessed. */
export function harmWeight(e: HarmInput): number {
  if (e.kind === 'Incident') return lookup(weights.offences, e.offenceType);
  if (e.kind === 'Injury') return lookup(weights.injuries, e.injuryKind);
  return lookup(weights.otherEvents as Record<string, unknown>, e.kind);
}

/** Multiplier in (0, 1] for how reliable the record is; missing grading counts as untested. */
export function gradingWeight(g: Grading): number {
  const scheme = g.gradingScheme === '5x5x5' ? weights.grading['5x5x5'] : weights.grading['3x5x2'];
  const se = (scheme.sourceEval as Record<string, number>)[g.sourceEval ?? ''] ?? (scheme.sourceEval as Record<string, number>).B;
  const as = (scheme.assessment as Record<string, number>)[g.assessment ?? ''] ?? (scheme.assessment as Record<string, number>)['3'];
  return se * as;
}

/** exp decay: 1 at the end of the period, 0.5 one half-life earlier. */
export function recencyDecay(occurredMs: number, periodEndMs: number, halfLifeDays = weights.recency.halfLifeDays): number {
  const ageDays = Math.max(0, (periodEndMs - occurredMs) / DAY_MS);
  return Math.pow(0.5, ageDays / halfLifeDays);
}

function lookup(t: Record<string, unknown>, key: string | null | undefined): number {
  if (!key) return 0;
  const v = t[key];
  return typeof v === 'number' ? v : 0;
}

/** Event labels that can carry harm under the current table (Incident, Injury, and any other weighted kind). */
export function harmLabels(): string[] {
  const other = Object.entries(weights.otherEvents).filter(([k, v]) => k !== 'note' && typeof v === 'number' && v > 0).map(([k]) => k);
  return ['Incident', 'Injury', ...other];
}
