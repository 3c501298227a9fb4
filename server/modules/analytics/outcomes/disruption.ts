/**
 * County lines over time and disruption, for one quarter, pure over the rows the queries read
 * (outcome-lines.cypher, outcome-disruption.cypher).
 */
export interface LineStatusRow { id: string; lineId: string; status: string; atMs: number }
export interface DisruptionRow { id: string; tactic: string; outcome: string | null; onPlace: boolean; onLine: boolean }

export interface TallyRow { code: string; actions: number }

export interface DisruptionMeasures {
  /** Lines whose latest status by the quarter's end is active. */
  linesActive: number;
  /** Distinct lines recorded disrupted in the quarter, and distinct lines recorded closed in it. */
  linesDisrupted: number;
  linesClosed: number;
  /** Disruption actions in the quarter; of them, those about a place and those about a county line. */
  disruptionActions: number;
  placeActions: number;
  lineActions: number;
  /** Actions by coded outcome (`not_recorded` where none was coded), most frequent first. */
  disruptionOutcomes: TallyRow[];
  /** Actions about a place, by tactic, most frequent first. */
  placeTactics: TallyRow[];
}

/** Where a record carries no coded outcome. */
export const NOT_RECORDED = 'not_recorded';

function tally(codes: string[]): TallyRow[] {
  const n = new Map<string, number>();
  for (const c of codes) n.set(c, (n.get(c) ?? 0) + 1);
  return [...n].map(([code, actions]) => ({ code, actions })).sort((a, b) => b.actions - a.actions || (a.code < b.code ? -1 : 1));
}

/** Each line's status at `endMs` (exclusive): its latest record before then, ties broken by id. */
export function statusAt(rows: readonly LineStatusRow[], endMs: number): Map<string, string> {
  const latest = new Map<string, LineStatusRow>();
  for (const r of rows) {
    if (r.atMs >= endMs) continue;
    const prev = latest.get(r.lineId);
    if (!prev || r.atMs > prev.atMs || (r.atMs === prev.atMs && r.id > prev.id)) latest.set(r.lineId, r);
  }
  return new Map([...latest].map(([line, r]) => [line, r.status]));
}

export function disruptionMeasures(lines: readonly LineStatusRow[], actions: readonly DisruptionRow[], startMs: number, endMs: number): DisruptionMeasures {
  const inQuarter = lines.filter((r) => r.atMs >= startMs && r.atMs < endMs);
  const linesWith = (status: string) => new Set(inQuarter.filter((r) => r.status === status).map((r) => r.lineId)).size;
  const onPlace = actions.filter((a) => a.onPlace);
  return {
    linesActive: [...statusAt(lines, endMs).values()].filter((s) => s === 'active').length,
    linesDisrupted: linesWith('disrupted'),
    linesClosed: linesWith('closed'),
    disruptionActions: actions.length,
    placeActions: onPlace.length,
    lineActions: actions.filter((a) => a.onLine).length,
    disruptionOutcomes: tally(actions.map((a) => a.outcome ?? NOT_RECORDED)),
    placeTactics: tally(onPlace.map((a) => a.tactic)),
  };
}

export const DISRUPTION_METHOD = 'County lines: a line\'s status at a date is its latest status record by then (active, disrupted or closed). '
  + 'Lines active: active at the quarter\'s end. Lines disrupted, lines closed: distinct lines with a status record of that kind dated in the quarter. '
  + 'Disruption actions dated in the quarter, by coded outcome ("not recorded" where none was coded); place-based: actions about or at a place.';
