/**
 * The timeline's one line for a support record: the programme and provider, where the offer
 * stands, the work's dates and how it ended, then the worker's own summary if there is one.
 */
import { SUPPORT_OUTCOME, SUPPORT_PROGRAMME } from '../../model/enums';

const day = (v: unknown): string | null => (typeof v === 'string' && v ? v.slice(0, 10) : null);

export function supportLine(p: Record<string, unknown>): string {
  const programme = SUPPORT_PROGRAMME[String(p.programme)] ?? String(p.programme ?? 'Support');
  const parts = [`${programme}${p.provider ? ` (${String(p.provider)})` : ''}: ${String(p.supportStatus ?? 'offered')}`];
  if (day(p.startedOn)) parts.push(`started ${day(p.startedOn)}`);
  if (day(p.endedOn)) parts.push(`ended ${day(p.endedOn)}`);
  const outcome = SUPPORT_OUTCOME[String(p.supportOutcome) as keyof typeof SUPPORT_OUTCOME];
  if (outcome) parts.push(`outcome: ${outcome.charAt(0).toLowerCase()}${outcome.slice(1)}`);
  const line = parts.join('; ');
  return typeof p.summary === 'string' && p.summary ? `${line}. ${p.summary}` : line;
}
