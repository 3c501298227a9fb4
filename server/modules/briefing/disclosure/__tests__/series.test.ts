/**
 * Hand-checked cases for the series attacker and what defends against it: integer bounds, the
 * protection range, history between packs, linked quantities and statistics printed in the text.
 */
import { controlTables, attack, auditSeries, breaches, CountTable, PublishedTable, SUPPRESSED, isProtected, SuppressionRule } from '..';
import { integerBounds } from '../ip';
import { poissonChange } from '../../../analytics/trends/stats';
import { assignKeys } from '../../links';
import { applyHistory, HistoryConflictError, PackRecord } from '../../history';

const row = (id: string, cells: number[], keys?: string[]): CountTable => ({
  id, title: id, unit: 'children', rowHeader: 'r', rows: ['r0'], cols: cells.map((_, c) => `c${c}`), cells: [cells],
  showRowTotals: true, cellKeys: keys ? [keys] : undefined, rowTotalKeys: [`${id}|total`],
});
const truthOf = (tables: CountTable[]) => {
  const m = new Map<string, number>();
  tables.forEach((t) => t.cells.forEach((r, i) => r.forEach((v, j) => m.set(t.cellKeys?.[i]?.[j] ?? `${t.id}|${i}|${j}`, v))));
  return (k: string) => m.get(k);
};

describe('integer bounds', () => {
  it('are tighter than the LP relaxation where parity decides (x + y = 3, x = 2z, x ≥ 1 → x = 2)', () => {
    expect(integerBounds({ rows: [new Map([[0, 1], [1, 1]]), new Map([[0, 1], [2, -2]])], rhs: [3, 0], n: 3, lower: [1, 0, 0] }, 0)).toEqual([2, 2]);
    expect(integerBounds({ rows: [new Map([[0, 1], [1, -1]])], rhs: [2], n: 2 }, 0)).toEqual([2, Infinity]);
    expect(integerBounds({ rows: [new Map([[0, 2], [1, 2]])], rhs: [5], n: 2 }, 0)).toEqual([NaN, NaN]);
  });
});

describe('protection range', () => {
  it('two "c" summing to 3 pass a "not pinned" rule but not the range rule; the suppression widens them', () => {
    const t = row('t', [1, 2, 30]);
    const twoC: PublishedTable[] = [{ ...controlTables([t], { control: false })[0], cells: [[SUPPRESSED, SUPPRESSED, 30]] }];
    const weak = attack(twoC);
    expect(weak.map((i) => [i.min, i.max])).toEqual([[0, 3], [0, 3]]);
    expect(breaches(weak, truthOf([t])).map((b) => b.truth)).toEqual([1, 2]);
    const out = controlTables([t]);
    expect(out[0].cells[0]).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED]);
    const intervals = attack(out);
    expect(intervals.filter((i) => truthOf([t])(i.key)! <= 4).every(isProtected)).toBe(true);
    expect(breaches(intervals, truthOf([t]))).toEqual([]);
  });
});

describe('history between packs', () => {
  const earlier: PublishedTable = {
    id: 'trend', title: 'trend', unit: 'count', rowHeader: 'q', rows: ['2025-Q1'], cols: ['a', 'b'], cells: [[SUPPRESSED, 9]],
    keys: { cells: [['2025-Q1|a', '2025-Q1|b']] },
  };
  const record: PackRecord = { quarter: '2025-Q1', createdAt: '2025-04-20', tables: [earlier], statements: [], revisions: [] };

  it('a quantity suppressed before stays suppressed even when it is not small; a printed one is never hidden', () => {
    const now = row('now', [12, 9, 3], ['2025-Q1|a', '2025-Q1|b', 'x']);
    const out = controlTables([now], { control: true, earlier: [earlier] })[0];
    expect(out.cells[0][0]).toBe(SUPPRESSED);
    expect(out.cells[0][1]).toBe(9);
    expect(out.cells[0][2]).toBe(SUPPRESSED);
  });

  it('re-prints the printed figure; a changed total stops the pack naming it, unless the lead revises the quarter', () => {
    const now = row('now', [5, 10], ['2025-Q1|a', '2025-Q1|b']);
    applyHistory([now], [record]);
    expect(now.cells[0]).toEqual([5, 9]);
    const totalled: CountTable = { ...row('now', [5, 10], ['2025-Q1|a', '2025-Q1|b']), rowTotalKeys: ['2025-Q1|total'] };
    const printedTotal: PackRecord = { ...record, tables: [{ ...earlier, rowTotals: [14], keys: { ...earlier.keys, rowTotals: ['2025-Q1|total'] } }] };
    expect(() => applyHistory([{ ...totalled, cells: [[6, 9]] }], [printedTotal])).toThrow(HistoryConflictError);
    expect(() => applyHistory([{ ...totalled, cells: [[6, 9]] }], [printedTotal])).toThrow(/"2025-Q1\|total" was printed as 14 .* counts 15/);
    const { revisions } = applyHistory([{ ...totalled, cells: [[6, 10]] }], [printedTotal], { quarters: ['2025-Q1'], reason: 'late police records' });
    expect(revisions).toEqual(expect.arrayContaining([{ key: '2025-Q1|b', printed: 9, now: 10 }, { key: '2025-Q1|total', printed: 14, now: 16 }]));
  });
});

describe('linked quantities', () => {
  // Exclusions 5 (none overdue), arrests 1 (overdue): the arrest is a "c", the exclusions' 5 its partner.
  const tables = (exclusions: number): CountTable[] => [
    { id: 'trend', title: 't', unit: 'count', rowHeader: 'Quarter', rows: ['2025-Q1', '2025-Q2'], cols: ['Exclusions'], cells: [[7], [exclusions]] },
    { id: 'critical-moments', title: 'c', unit: 'moments', rowHeader: 'm', rows: ['Exclusion from school', 'Arrest'], cols: ['Follow-up in place', 'Something overdue'],
      cells: [[0, 5], [0, 1]], showRowTotals: true, showColTotals: true, showGrandTotal: true },
  ];
  const truth = (t: CountTable[]) => (k: string) => {
    for (const x of t) {
      for (let r = 0; r < x.rows.length; r += 1) {
        if (x.rowTotalKeys?.[r] === k) return x.cells[r].reduce((a, b) => a + b, 0);
        const c = x.cellKeys?.[r]?.indexOf(k) ?? -1;
        if (c >= 0) return x.cells[r][c];
      }
    }
    return undefined;
  };

  it('the same measure in two tables is one key, suppressed alike; each earlier quarter keeps the measure key', () => {
    const t = tables(5);
    assignKeys(t, '2025-Q2');
    expect(t[0].cellKeys![1][0]).toBe('2025-Q2|exclusions');
    expect(t[1].rowTotalKeys![0]).toBe('2025-Q2|exclusions');
    expect(t[0].cellKeys![0][0]).toBe('2025-Q1|exclusions');
    expect(t[1].cellKeys![1][0]).toBe('2025-Q2|critical-moments|Arrest|Follow-up in place');
    const out = controlTables(t);
    expect(out[0].cells[1][0]).toBe(out[1].rowTotals![0]);
    expect(breaches(attack(out), truth(t))).toEqual([]);
  });

  it('left unlinked, an attacker who knows the two are the same recovers the arrest by subtraction', () => {
    const t = tables(5);
    assignKeys(t, '2025-Q2', []);
    const out = controlTables(t);
    out[0].keys.cells[1][0] = out[1].keys.rowTotals![0];
    expect(breaches(attack(out, { merge: true }), truth(t))).toContainEqual(expect.objectContaining({ key: t[1].rowTotalKeys![1], truth: 1, recovered: true }));
  });

  it('two tables counting different things this quarter stay two quantities', () => {
    const t = tables(9);
    assignKeys(t, '2025-Q2');
    expect(t[0].cellKeys![1][0]).toBe('2025-Q2|exclusions');
    expect(t[1].rowTotalKeys![0]).toBe('2025-Q2|critical-moments|Exclusion from school|total');
  });
});

describe('series audit', () => {
  const trend = (x: typeof SUPPRESSED | number): PublishedTable => ({
    id: 'trend', title: 't', unit: 'count', rowHeader: 'Quarter', rows: ['q1', 'q2', 'q3', 'q4', 'q5'], cols: ['n'],
    cells: [[10], [12], [11], [13], [x]], keys: { cells: [['q1|n'], ['q2|n'], ['q3|n'], ['q4|n'], ['q5|n']] },
  });
  it('a statistic printed over a suppressed count gives the count back; without it the count is safe', () => {
    const { z } = poissonChange(4, [10, 12, 11, 13]);
    const statement = { kind: 'poisson-z' as const, x: 'q5|n', earlier: ['q1|n', 'q2|n', 'q3|n', 'q4|n'], statistic: Math.round(z * 1000) / 1000, digits: 2 };
    const leaky = auditSeries([{ quarter: 'q5', tables: [trend(SUPPRESSED)], statements: [statement] }]);
    expect(leaky.intervals).toEqual([{ key: 'q5|n', min: 4, max: 4 }]);
    const safe = auditSeries([{ quarter: 'q5', tables: [trend(SUPPRESSED)], statements: [] }]);
    expect(safe.intervals).toEqual([{ key: 'q5|n', min: 0, max: Infinity }]);
  });
  it('a quantity printed as "c" in one pack and as a number in the next is revealed', () => {
    const audit = auditSeries([{ quarter: 'q5', tables: [trend(SUPPRESSED)], statements: [] }, { quarter: 'q6', tables: [trend(3)], statements: [] }]);
    expect(audit.revealed).toEqual([{ key: 'q5|n', value: 3 }]);
    expect(audit.intervals).toEqual([]);
  });
});

describe('the rule\'s own replay', () => {
  // One row with its total printed: 2 is the only count of 0–4.
  const table: CountTable = { id: 't', title: 't', unit: 'children', rowHeader: 'r', rows: ['r0'], cols: ['a', 'b', 'c', 'd'], cells: [[2, 40, 7, 9]], showRowTotals: true };
  const baseline = (published: PublishedTable[]) => new Map([...published[0].keys.cells[0].map((k, c): [string, number] => [k, table.cells[0][c]]), ['t|row0', 58]]);
  /** A naive rule: hide 1–4, then the cell to the right of a lone "c" (the partner is fixed by position). */
  const naive: SuppressionRule = (tables) => controlTables(tables, { control: false }).map((t) => {
    const cells = t.cells.map((row) => row.map((v) => (typeof v === 'number' && v >= 1 && v <= 4 ? SUPPRESSED : v)));
    for (const row of cells) {
      const hidden = row.flatMap((v, c) => (v === SUPPRESSED ? [c] : []));
      if (hidden.length === 1) row[(hidden[0] + 1) % row.length] = SUPPRESSED;
    }
    return { ...t, cells };
  });

  it('breaks a rule whose partner is fixed by position: the "c" next to it must be the small one', () => {
    const published = naive([structuredClone(table)], []);
    expect(published[0].cells[0]).toEqual([SUPPRESSED, SUPPRESSED, 7, 9]);
    const pack = { quarter: 'q', tables: published, statements: [] };
    const truth = (k: string) => baseline(published).get(k);
    // From the sums alone the 2 could be anything from 0 to 42.
    const plain = auditSeries([pack]);
    expect(plain.intervals.find((i) => i.key === 't|0|0')).toEqual({ key: 't|0|0', min: 0, max: 42 });
    expect(breaches(plain.intervals, truth)).toEqual([]);
    // Re-running the rule: were the first "c" 5 or more, the rule would have hidden the 7 next to
    // the second, not the first; so the first is 1–4.
    const replayed = auditSeries([pack], { replay: { baseline: baseline(published), rule: naive } });
    expect(replayed.intervals.find((i) => i.key === 't|0|0')).toEqual({ key: 't|0|0', min: 1, max: 4 });
    expect(breaches(replayed.intervals, truth)).toEqual([expect.objectContaining({ key: 't|0|0', truth: 2, min: 1, max: 4 })]);
  });

  it('the product\'s rule hides the whole row holding the 2: under replay any of the four could be the small one', () => {
    const published = controlTables([structuredClone(table)]);
    // Every entry of a printed sum holding a count of 0–4 is hidden, the sum stays printed.
    expect(published[0].cells[0]).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED]);
    expect(published[0].rowTotals).toEqual([58]);
    const audit = auditSeries([{ quarter: 'q', tables: published, statements: [] }], { replay: { baseline: baseline(published) } });
    // Were the 2 a count of 5 or more, another entry could be the small one, and the rule would
    // print the same row: the replay keeps every value the sum allows.
    expect(audit.intervals.find((i) => i.key === 't|0|0')).toEqual({ key: 't|0|0', min: 0, max: 58 });
    expect(breaches(audit.intervals, (k) => baseline(published).get(k))).toEqual([]);
  });

  it('which entries are hidden does not depend on how large the others are', () => {
    const pattern = (cells: number[]) => controlTables([{ ...structuredClone(table), cells: [cells] }])[0].cells[0].map((v) => v === SUPPRESSED);
    const expected = [true, true, true, true];
    for (const cells of [[2, 40, 7, 9], [2, 9, 7, 40], [2, 7, 40, 9], [2, 12, 12, 12]]) expect({ cells, hidden: pattern(cells) }).toEqual({ cells, hidden: expected });
    // A zero is a count of 0–4 like the others: hidden, with the rest of its row.
    expect(pattern([0, 40, 7, 9])).toEqual(expected);
    // A row without a count of 0–4 is printed whole.
    expect(pattern([5, 40, 7, 9])).toEqual([false, false, false, false]);
  });

  it('a column without a printed total: a lone "c" gets a partner, so it could be the partner', () => {
    const column: CountTable = { id: 'h', title: 'h', unit: 'children', rowHeader: 'r', rows: ['p', 'q', 'r'], cols: ['n'], cells: [[3], [12], [20]] };
    const published = controlTables([column]);
    expect(published[0].cells).toEqual([[SUPPRESSED], [SUPPRESSED], [20]]);
    const audit = auditSeries([{ quarter: 'q', tables: published, statements: [] }], { replay: { baseline: new Map([['h|0|0', 3], ['h|1|0', 12]]) } });
    expect(audit.intervals.find((i) => i.key === 'h|0|0')).toEqual({ key: 'h|0|0', min: 0, max: Infinity });
  });

  it('a column without a printed total whose two "c" are both counts of 0–4: either could be the other\'s partner', () => {
    const column: CountTable = { id: 'h', title: 'h', unit: 'children', rowHeader: 'r', rows: ['p', 'q', 'r', 's'], cols: ['n'], cells: [[2], [1], [30], [8]] };
    const published = controlTables([column]);
    expect(published[0].cells).toEqual([[SUPPRESSED], [SUPPRESSED], [30], [8]]);
    const audit = auditSeries([{ quarter: 'q', tables: published, statements: [] }], { replay: { baseline: new Map([['h|0|0', 2], ['h|1|0', 1]]) } });
    expect(audit.intervals.map((i) => [i.key, i.min, i.max])).toEqual([['h|0|0', 0, Infinity], ['h|1|0', 0, Infinity]]);
  });

  it('two weak counts of one line share a partner: a second one would tell the reader their sum is 5 or more', () => {
    // Young adults by age band: 3 + 2 = 5 now also persons of concern, so each is 1–4 while the
    // total is printed. Were both partners added at once (the total, then the other column's
    // total), a completion with 0 and a sum of 4 or less would need only the first, and the reader
    // would know neither count is 0.
    const adults: CountTable = { id: 'y', title: 'y', unit: 'young adults', rowHeader: 'band', rows: ['18–20', '21–25'], cols: ['all', 'persons of concern'],
      cells: [[10, 3], [2, 2]], showColTotals: true };
    const published = controlTables([adults]);
    const baseline = new Map([['y|0|0', 10], ['y|0|1', 3], ['y|1|0', 2], ['y|1|1', 2], ['y|col0', 12], ['y|col1', 5]]);
    const audit = auditSeries([{ quarter: 'q', tables: published, statements: [] }], { replay: { baseline } });
    expect(breaches(audit.intervals, (k) => baseline.get(k))).toEqual([]);
    expect(audit.intervals.find((i) => i.key === 'y|0|1')).toMatchObject({ min: 0 });
    expect(published[0].cells).toEqual([[SUPPRESSED, SUPPRESSED], [SUPPRESSED, SUPPRESSED]]);
    expect(published[0].colTotals).toEqual([12, SUPPRESSED]);
  });

  it('finds a completion the nearest one misses: a count kept where it was while another moves', () => {
    // A rule that hides the last entry too unless the small ones sum to 4 (then each of them could
    // be anything from 0 to 4). On 1 + 1 + 24 = 26 it hides all three. Were the first 4, the
    // nearest completions move 3 from the others: 0 and 22 (the small ones sum to 4, the rule
    // prints the 22) or 1 and 21 (hidden, as published). The reader keeps 4; so must the replay.
    const hideLastUnlessFour: SuppressionRule = (tables) => controlTables(tables, { control: false }).map((t) => {
      const cells = t.cells.map((line) => {
        const small = line.filter((v) => typeof v === 'number' && v <= 4) as number[];
        const hidden = line.map((v) => (typeof v === 'number' && v <= 4 ? SUPPRESSED : v));
        if (small.length > 0 && small.reduce((a, b) => a + b, 0) !== 4) hidden[hidden.length - 1] = SUPPRESSED;
        return hidden;
      });
      return { ...t, cells };
    });
    const published = hideLastUnlessFour([row('s', [1, 1, 24])], []);
    expect(published[0].cells[0]).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED]);
    const audit = auditSeries([{ quarter: 'q', tables: published, statements: [] }],
      { replay: { baseline: new Map([['s|0|0', 1], ['s|0|1', 1], ['s|0|2', 24]]), rule: hideLastUnlessFour } });
    expect(audit.intervals.find((i) => i.key === 's|0|0')).toEqual({ key: 's|0|0', min: 0, max: 4 });
  });

  it('re-runs the rule on a pack with a table not about people, whose small counts are printed as counted', () => {
    const places: CountTable = { id: 'lines', title: 'lines', unit: 'county lines', rowHeader: 'r', rows: ['p', 'q'], cols: ['n'], cells: [[2], [30]], notAboutPeople: true };
    const published = controlTables([structuredClone(table), places]);
    expect(published[1].cells).toEqual([[2], [30]]);
    const audit = auditSeries([{ quarter: 'q', tables: published, statements: [] }], { replay: { baseline: baseline(published) } });
    expect(audit.intervals.find((i) => i.key === 't|0|0')).toEqual({ key: 't|0|0', min: 0, max: 58 });
  });
});
