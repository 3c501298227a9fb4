/**
 * The series attacker: every partner pack published so far, together. Constraint families:
 *  - totals: every published sum (rows, columns, grand totals) of every table of every pack;
 *  - repeats: a quantity printed in several tables or packs is one unknown (same key); printed as
 *    a number anywhere, it is known everywhere;
 *  - statistics in the text: a printed statistic narrows its suppressed inputs (statements.ts);
 *  - each "c" is at least 1 (zeros are shown) and every count is an integer;
 *  - the rule's replay (replay.ts, when a baseline is given): a value is kept only if some
 *    completion with it makes the published suppression rule print the same "c" in every pack.
 * Returns the feasible interval of each quantity still suppressed, the quantities printed as "c"
 * in one pack but as a number in another, and the statistics printed over hidden counts.
 */
import { attack, publishedValues, Interval } from './attack';
import { narrowByStatements, overHiddenInputs, Statement } from './statements';
import { SUPPRESSED, PublishedTable } from './types';
import { replayIntervals, ReplayOptions, ReplayResult } from './replay';

export interface PublishedPack { quarter: string; tables: PublishedTable[]; statements: Statement[] }
export interface SeriesAudit {
  intervals: Interval[];
  revealed: Array<{ key: string; value: number }>;
  /** Statistics printed over a suppressed or unpublished count. */
  statisticsOverHidden: Statement[];
  /** With the replay: the intervals it narrowed, and how often the rule was re-run. */
  replay?: Pick<ReplayResult, 'narrowed' | 'runs'>;
}

export interface SeriesAuditOptions {
  /** Replay the suppression rule from this baseline (the figures the packs were built from). */
  replay?: Omit<ReplayOptions, 'bounds'>;
}

export function auditSeries(packs: PublishedPack[], opts: SeriesAuditOptions = {}): SeriesAudit {
  const tables = packs.flatMap((p) => p.tables);
  const merged = publishedValues(tables, true);
  const everSuppressed = new Set(tables.flatMap((t) => [...t.cells.flatMap((row, r) => row.map((v, c) => (v === SUPPRESSED ? t.keys.cells[r][c] : '')))
    , ...(t.rowTotals ?? []).map((v, r) => (v === SUPPRESSED ? t.keys.rowTotals![r] : '')), ...(t.colTotals ?? []).map((v, c) => (v === SUPPRESSED ? t.keys.colTotals![c] : '')),
    t.grandTotal === SUPPRESSED ? t.keys.grandTotal! : '']).filter(Boolean));
  const revealed = [...everSuppressed].filter((k) => merged.get(k) !== SUPPRESSED).map((key) => ({ key, value: merged.get(key) as number }));
  const known = new Map([...merged].filter(([, v]) => v !== SUPPRESSED) as Array<[string, number]>);
  const statements = packs.flatMap((p) => p.statements);
  let bounds = new Map<string, [number, number]>();
  let intervals = attack(tables, { merge: true });
  // Statistics narrow some inputs; the narrower bounds then tighten everything tied to them.
  for (let round = 0; round < 5; round += 1) {
    const next = narrowByStatements(statements, known, new Map(intervals.map((i) => [i.key, i])));
    const changed = [...next].some(([k, b]) => !bounds.has(k) || bounds.get(k)![0] !== b[0] || bounds.get(k)![1] !== b[1]);
    if (!changed) break;
    bounds = next;
    intervals = attack(tables, { merge: true, bounds });
  }
  const statisticsOverHidden = overHiddenInputs(statements, known);
  if (!opts.replay) return { intervals, revealed, statisticsOverHidden };
  const replayed = replayIntervals(packs, intervals, { ...opts.replay, bounds });
  return { intervals: replayed.intervals, revealed, statisticsOverHidden, replay: { narrowed: replayed.narrowed, runs: replayed.runs } };
}
