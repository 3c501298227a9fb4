/**
 * County lines and disruption in a quarter, worked out from a generated fixture's planted line
 * statuses and its DisruptionAction rows, without the database or the analytic's code.
 */
import type { Fixture } from '../../../../../fixtures/generator';
import { indexFixture } from '../../../../../fixtures/inspect';
import { parseQuarter } from '../../../../domain/period';

export interface DisruptionTruth {
  linesActive: number; linesDisrupted: number; linesClosed: number;
  disruptionActions: number; placeActions: number; lineActions: number;
  outcomeCounts: Record<string, number>; placeTacticCounts: Record<string, number>;
}

const countBy = (xs: string[]): Record<string, number> => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x]: (m[x] ?? 0) + 1 }), {});

export function disruptionTruth(f: Fixture, quarter: string): DisruptionTruth {
  const { startMs: start, endMs: end } = parseQuarter(quarter);
  const planted = f.groundTruth.lineStatus.map((s) => ({ ...s, ms: Date.parse(s.at) }));
  const lines = [...new Set(planted.map((s) => s.lineId))];
  const statusAtEnd = lines.map((l) => planted.filter((s) => s.lineId === l && s.ms < end).sort((a, b) => a.ms - b.ms).pop()?.status);
  const changedTo = (status: string) => new Set(planted.filter((s) => s.status === status && s.ms >= start && s.ms < end).map((s) => s.lineId)).size;

  const idx = indexFixture(f);
  const kindOf = (id: string): string | undefined => idx.byId.get(id)?.label;
  const actions = (idx.nodes.get('DisruptionAction') ?? []).filter((d) => d.status !== 'expired')
    .filter((d) => { const ms = Date.parse(String(d.occurredAt)); return ms >= start && ms < end; });
  const targets = (id: string): string[] => [...(idx.rels.get('ABOUT') ?? []), ...(idx.rels.get('AT') ?? [])].filter((r) => r.from === id).map((r) => kindOf(r.to) ?? '');
  const onPlace = actions.filter((d) => targets(d.id).includes('Location'));
  return {
    linesActive: statusAtEnd.filter((s) => s === 'active').length,
    linesDisrupted: changedTo('disrupted'),
    linesClosed: changedTo('closed'),
    disruptionActions: actions.length,
    placeActions: onPlace.length,
    lineActions: actions.filter((d) => targets(d.id).includes('CountyLine')).length,
    outcomeCounts: countBy(actions.map((d) => String(d.disruptionOutcome ?? 'not_recorded'))),
    placeTacticCounts: countBy(onPlace.map((d) => String(d.tactic))),
  };
}
