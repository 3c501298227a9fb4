/**
 * Profile flags, pure functions over visible timeline items. Wording is child first: a child
 * who is harmed and alleged to harm is flagged for safeguarding, never labelled an offender.
 */
import { ageOn } from '../../domain/age';

export interface TimelineEvent { id: string; at: string; kind: string; role: string | null; properties: Record<string, unknown>; followUps: Array<{ id: string; occurredAt: string; outcome?: string }> }
export interface CriticalMoment { id: string; kind: string; at: string; followUp: string | null }
export interface RiskTrend { direction: 'rising' | 'falling' | 'stable' | 'single'; points: Array<{ at: string; score: number; level: string | null }> }

const CRITICAL = new Set(['Exclusion', 'Injury', 'Arrest', 'MissingEpisode']);
const HOURS_72 = 72 * 3600 * 1000;

export function criticalMoments(items: TimelineEvent[]): CriticalMoment[] {
  return items.filter((e) => CRITICAL.has(e.kind) && (e.kind !== 'MissingEpisode' || e.role !== null)).map((e) => {
    if (e.kind !== 'MissingEpisode') return { id: e.id, kind: e.kind, at: e.at, followUp: null };
    const returned = typeof e.properties.returnedAt === 'string' ? e.properties.returnedAt : null;
    if (!returned) return { id: e.id, kind: e.kind, at: e.at, followUp: 'not yet returned' };
    const first = [...e.followUps].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))[0];
    if (!first) return { id: e.id, kind: e.kind, at: returned, followUp: 'no return interview recorded' };
    const within = Date.parse(first.occurredAt) - Date.parse(returned) <= HOURS_72;
    return { id: e.id, kind: e.kind, at: returned, followUp: `return interview ${within ? 'within' : 'after'} 72 hours${first.outcome ? ` (${first.outcome.replace(/_/g, ' ')})` : ''}` };
  });
}

export function riskTrend(items: TimelineEvent[]): RiskTrend | null {
  const points = items.filter((e) => e.kind === 'RiskAssessment' && typeof e.properties.ceamScore === 'number')
    .map((e) => ({ at: e.at, score: e.properties.ceamScore as number, level: (e.properties.riskLevel as string) ?? null }))
    .sort((a, b) => a.at.localeCompare(b.at));
  if (points.length === 0) return null;
  if (points.length === 1) return { direction: 'single', points };
  const [prev, last] = points.slice(-2);
  return { direction: last.score > prev.score ? 'rising' : last.score < prev.score ? 'falling' : 'stable', points };
}

/** Harmed as a child (victim) and alleged to have harmed (suspect) while a child. */
export function harmedAndAllegedToHarm(dateOfBirth: string | undefined, items: TimelineEvent[]): { victim: number; suspect: number } | null {
  if (!dateOfBirth) return null;
  const asChild = (e: TimelineEvent) => ageOn(dateOfBirth, new Date(e.at)) < 18;
  const victim = items.filter((e) => e.role === 'victim' && asChild(e)).length;
  const suspect = items.filter((e) => e.role === 'suspect' && asChild(e)).length;
  return victim > 0 && suspect > 0 ? { victim, suspect } : null;
}

const humanise = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

export function flagTexts(o: { moments: CriticalMoment[]; trend: RiskTrend | null; harmed: { victim: number; suspect: number } | null; overdueReviews: number; childAtRisk?: string[] }): string[] {
  const out: string[] = [];
  if (o.childAtRisk && o.childAtRisk.length > 0) {
    const shown = o.childAtRisk.slice(0, 5);
    out.push(`Known as a child at risk before turning 18 (${shown.join(', ')}${o.childAtRisk.length > shown.length ? ` and ${o.childAtRisk.length - shown.length} more` : ''}): a safeguarding consideration for this young adult.`);
  }
  if (o.harmed) {
    out.push(`Harmed and alleged to harm: harmed as a victim in ${o.harmed.victim} event(s) and alleged to have harmed others in ${o.harmed.suspect}, while a child. Safeguarding needs come first.`);
  }
  if (o.trend && o.trend.direction !== 'single') {
    const [prev, last] = o.trend.points.slice(-2);
    out.push(`Risk ${o.trend.direction}: CEAM score ${prev.score} → ${last.score} (${last.at.slice(0, 10)})`);
  }
  for (const m of o.moments) {
    if (m.kind === 'MissingEpisode') out.push(`Critical moment: returned from missing on ${m.at.slice(0, 10)}: ${m.followUp}`);
    else out.push(`Critical moment: ${humanise(m.kind)} on ${m.at.slice(0, 10)}`);
  }
  if (o.overdueReviews > 0) out.push(`${o.overdueReviews} link(s) past their review date: review or remove`);
  return out;
}
