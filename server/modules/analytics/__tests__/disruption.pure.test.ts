import { disruptionMeasures, statusAt, type DisruptionRow, type LineStatusRow } from '../outcomes/disruption';

const Q_START = Date.UTC(2026, 3, 1);
const Q_END = Date.UTC(2026, 6, 1);
const DAY = 86_400_000;
const s = (id: string, lineId: string, status: string, atMs: number): LineStatusRow => ({ id, lineId, status, atMs });
const a = (id: string, tactic: string, outcome: string | null, onPlace = false, onLine = false): DisruptionRow => ({ id, tactic, outcome, onPlace, onLine });

describe('county lines over time', () => {
  const rows = [
    s('s1', 'L1', 'active', Q_START - 200 * DAY), s('s2', 'L1', 'disrupted', Q_START + 10 * DAY), s('s3', 'L1', 'active', Q_START + 40 * DAY),
    s('s4', 'L2', 'active', Q_START - 90 * DAY), s('s5', 'L2', 'closed', Q_START + 5 * DAY),
    s('s6', 'L3', 'active', Q_START - 30 * DAY), s('s7', 'L3', 'disrupted', Q_END + DAY),
    s('s8', 'L4', 'disrupted', Q_START - DAY),
  ];

  it('a line\'s status at a date is its latest record before it; a later record is not yet seen', () => {
    expect(Object.fromEntries(statusAt(rows, Q_END))).toEqual({ L1: 'active', L2: 'closed', L3: 'active', L4: 'disrupted' });
    expect(statusAt(rows, Q_START).get('L1')).toBe('active');
  });

  it('records at the same moment: the one with the later id holds', () => {
    expect(statusAt([s('b', 'L', 'closed', 5), s('a', 'L', 'active', 5)], 10).get('L')).toBe('closed');
  });

  it('counts lines active at the end, and lines disrupted or closed in the quarter (a line disrupted then active again counts as disrupted)', () => {
    const m = disruptionMeasures(rows, [], Q_START, Q_END);
    expect([m.linesActive, m.linesDisrupted, m.linesClosed]).toEqual([2, 1, 1]);
  });
});

describe('disruption actions', () => {
  it('tallies coded outcomes (uncoded as not_recorded) and place-based tactics, most frequent first', () => {
    const m = disruptionMeasures([], [
      a('d1', 'CLOSURE_ORDER', 'granted', true), a('d2', 'DISPERSAL', null, true), a('d3', 'CLOSURE_ORDER', 'refused', true),
      a('d4', 'ARREST', 'charged', false, true), a('d5', 'CAWN', 'granted'),
    ], Q_START, Q_END);
    expect(m).toMatchObject({ disruptionActions: 5, placeActions: 3, lineActions: 1 });
    expect(m.disruptionOutcomes).toEqual([
      { code: 'granted', actions: 2 }, { code: 'charged', actions: 1 }, { code: 'not_recorded', actions: 1 }, { code: 'refused', actions: 1 },
    ]);
    expect(m.placeTactics).toEqual([{ code: 'CLOSURE_ORDER', actions: 2 }, { code: 'DISPERSAL', actions: 1 }]);
  });
});
