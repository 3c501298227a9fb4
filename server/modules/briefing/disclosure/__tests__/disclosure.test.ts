import { controlTables, attack, pinned, CountTable, PublishedTable, SUPPRESSED, percent, mean } from '..';
import { maximise } from '../simplex';

/** Deterministic PRNG so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

/** Counts of 0–4 make up `smallShare` of the cells (zeros about a third of them). */
function randomTable(id: string, rand: () => number, rows: number, cols: number, smallShare = 0.55): CountTable {
  const pick = (): number => { const u = rand(); return u < smallShare * 0.36 ? 0 : u < smallShare ? 1 + Math.floor(rand() * 4) : 5 + Math.floor(rand() * 20); };
  return {
    id, title: id, unit: 'children', rowHeader: 'row',
    rows: Array.from({ length: rows }, (_, i) => `r${i}`), cols: Array.from({ length: cols }, (_, i) => `c${i}`),
    cells: Array.from({ length: rows }, () => Array.from({ length: cols }, pick)),
    showRowTotals: true, showColTotals: true, showGrandTotal: true,
  };
}

const entries = (t: PublishedTable): Array<string | number> =>
  [...t.cells.flat(), ...(t.rowTotals ?? []), ...(t.colTotals ?? []), ...(t.grandTotal !== undefined ? [t.grandTotal] : [])];

/**
 * An independent attacker for small tables: enumerate every integer completion of the "c" cells
 * (each ≥ 0) consistent with the row and column totals, and collect the values each can take.
 */
function bruteForce(t: PublishedTable, cap: number): Map<string, Set<number>> {
  const slots = new Map<string, number>();
  const val = (key: string, v: string | number) => (v === SUPPRESSED ? (slots.has(key) ? slots.get(key)! : (slots.set(key, slots.size), slots.get(key)!)) : -1 - (v as number));
  const code = (key: string, v: string | number): number => val(key, v);
  const cells = t.cells.map((row, r) => row.map((v, c) => code(t.keys.cells[r][c], v)));
  const rowT = t.rowTotals!.map((v, r) => code(t.keys.rowTotals![r], v));
  const colT = t.colTotals!.map((v, c) => code(t.keys.colTotals![c], v));
  const grand = code(t.keys.grandTotal!, t.grandTotal!);
  const n = slots.size;
  if (n > 4) return new Map();
  const resolve = (x: number[], c: number): number => (c >= 0 ? x[c] : -1 - c);
  const ok = (x: number[]): boolean =>
    cells.every((row, r) => row.reduce((s, c) => s + resolve(x, c), 0) === resolve(x, rowT[r]))
    && colT.every((ct, c) => cells.reduce((s, row) => s + resolve(x, row[c]), 0) === resolve(x, ct))
    && rowT.reduce((s, c) => s + resolve(x, c), 0) === resolve(x, grand);
  const seen = new Map<string, Set<number>>([...slots.keys()].map((k) => [k, new Set<number>()]));
  const keys = [...slots.keys()];
  const x = Array(n).fill(0);
  const walk = (i: number): void => {
    if (i === n) { if (ok(x)) keys.forEach((k, j) => seen.get(k)!.add(x[j])); return; }
    for (let v = 0; v <= cap; v += 1) { x[i] = v; walk(i + 1); }
  };
  walk(0);
  return seen;
}

describe('simplex', () => {
  it('solves small LPs with hand-computed optima', () => {
    // max x0 s.t. x0 + x1 = 5 → 5; max x0 + x1 s.t. x0 + x1 + x2 = 7, x1 + x2 = 3 → 7
    expect(maximise([[1, 1]], [5], [1, 0])).toBeCloseTo(5);
    expect(maximise([[1, 1, 1], [0, 1, 1]], [7, 3], [1, 1, 0])).toBeCloseTo(7);
    expect(maximise([[1, -1]], [2], [1, 0])).toBe(Infinity);
    expect(maximise([[1, 1]], [-1], [1, 0])).toBeNaN();
  });
});

describe('attacker', () => {
  const pub = (cells: Array<Array<number | 'c'>>, rowTotals: Array<number | 'c'>, colTotals: Array<number | 'c'>, grand: number | 'c'): PublishedTable => ({
    id: 't', title: 't', unit: 'children', rowHeader: '', rows: cells.map((_, r) => `r${r}`), cols: cells[0].map((_, c) => `c${c}`),
    cells, rowTotals, colTotals, grandTotal: grand,
    keys: { cells: cells.map((row, r) => row.map((_, c) => `${r},${c}`)), rowTotals: rowTotals.map((_, r) => `R${r}`), colTotals: colTotals.map((_, c) => `C${c}`), grandTotal: 'T' },
  });

  it('pins a lone "c" in a row', () => {
    expect(pinned([pub([['c', 10], [7, 8]], [13, 15], [10, 18], 28)])).toEqual([{ key: '0,0', min: 3, max: 3 }]);
  });

  it('cannot pin a 2×2 rectangle of "c", and gives its exact interval', () => {
    const t = pub([['c', 'c', 9], ['c', 'c', 6]], [15, 12, ], [5, 7, 15], 27);
    // r0: a + b = 6, r1: c + d = 6, col0: a + c = 5, col1: b + d = 7 → a ∈ [0, 5] (c = 5 − a ≥ 0)
    expect(attack([t]).find((i) => i.key === '0,0')).toEqual({ key: '0,0', min: 0, max: 5 });
    expect(pinned([t])).toEqual([]);
  });

  it('pins a bridge between two suppressed cycles (what a per-line rule misses)', () => {
    // Every row and column has two "c", yet the cell (1,2) joining the two blocks is determined.
    const cells: Array<Array<number | 'c'>> = [
      ['c', 'c', 10, 10], ['c', 'c', 'c', 10], [10, 10, 'c', 'c'], [10, 10, 'c', 'c'],
    ];
    const truth = [[2, 3, 10, 10], [3, 2, 4, 10], [10, 10, 2, 3], [10, 10, 3, 2]];
    const rowT = truth.map((r) => r.reduce((a, b) => a + b, 0));
    const colT = truth[0].map((_, c) => truth.reduce((s, r) => s + r[c], 0));
    const keys = pinned([pub(cells, rowT, colT, rowT.reduce((a, b) => a + b, 0))]).map((i) => i.key);
    expect(keys).toContain('1,2');
  });
});

describe('disclosure control', () => {
  it('hides 0–4, and no "c" can be recovered (integer attacker and brute force agree)', () => {
    const rand = rng(7);
    let bruteChecked = 0;
    // Half the tables have few small counts: lines holding one are hidden whole, so only those
    // leave few enough "c" for the brute force.
    for (let trial = 0; trial < 300; trial += 1) {
      const table = randomTable(`t${trial}`, rand, 2 + Math.floor(rand() * 3), 2 + Math.floor(rand() * 3), trial % 2 ? 0.55 : 0.1);
      const [out] = controlTables([table]);
      out.cells.forEach((row, r) => row.forEach((v, c) => {
        const truth = table.cells[r][c];
        if (truth <= 4) expect(v).toBe(SUPPRESSED);
        if (v !== SUPPRESSED) expect(v).toBe(truth);
      }));
      for (const v of entries(out)) if (typeof v === 'number') expect(v).toBeGreaterThanOrEqual(5);
      expect(pinned([out])).toEqual([]);
      if (entries(out).includes(SUPPRESSED)) {
        const seen = bruteForce(out, 40); // empty when more than 4 unknowns (too many to enumerate)
        if (seen.size) bruteChecked += 1;
        for (const [key, values] of seen) expect({ key, several: values.size > 1 }).toEqual({ key, several: true });
      }
    }
    expect(bruteChecked).toBeGreaterThan(3);
  });

  it('suppresses a shared margin alike in every table and the combined tables stay safe', () => {
    const byTypeAndRisk: CountTable = {
      id: 'risk', title: 'by type and risk', unit: 'children', rowHeader: 'type', rows: ['CCE', 'CSE'], cols: ['medium', 'high'],
      cells: [[12, 3], [9, 7]], showRowTotals: true, showColTotals: true, showGrandTotal: true,
      rowTotalKeys: ['type:CCE', 'type:CSE'], grandTotalKey: 'all',
    };
    const byTypeAndSex: CountTable = {
      id: 'sex', title: 'by type and sex', unit: 'children', rowHeader: 'type', rows: ['CCE', 'CSE'], cols: ['girls', 'boys'],
      cells: [[2, 13], [11, 5]], showRowTotals: true, showColTotals: true, showGrandTotal: true,
      rowTotalKeys: ['type:CCE', 'type:CSE'], grandTotalKey: 'all',
    };
    const out = controlTables([byTypeAndRisk, byTypeAndSex]);
    expect(out[0].rowTotals).toEqual(out[1].rowTotals);
    expect(out[0].grandTotal).toBe(out[1].grandTotal);
    expect(out[0].cells[0][1]).toBe(SUPPRESSED);
    expect(out[1].cells[0][0]).toBe(SUPPRESSED);
    expect(pinned(out)).toEqual([]);
  });

  it('unpins a cell fixed by sums that never touch its own row or column (found at borough scale)', () => {
    // Rows 0–1 pin the 2×2 block's sum, which with column totals pins (2,3) once its own lines are exhausted.
    const nrm: CountTable = {
      id: 'nrm', title: 'nrm', unit: 'referrals', rowHeader: 'stage', rows: ['a', 'b', 'c', 'd'], cols: ['w', 'x', 'y', 'z'],
      cells: [[61, 21, 11, 3], [34, 17, 3, 3], [19, 8, 0, 3], [3, 2, 0, 0]], showRowTotals: true, showColTotals: true, showGrandTotal: true,
    };
    const out = controlTables([nrm]);
    expect(pinned(out)).toEqual([]);
    expect(out[0].cells[2][3]).toBe(SUPPRESSED);
    expect(out[0].cells[2][2]).toBe(SUPPRESSED);
  });

  it('a table of places is left as counted; the restricted edition shows every count', () => {
    const places: CountTable = { id: 'p', title: 'p', unit: 'places', rowHeader: 'kind', rows: ['park'], cols: ['n'], cells: [[2]], notAboutPeople: true, showColTotals: true };
    expect(controlTables([places])[0].cells).toEqual([[2]]);
    const t = randomTable('x', rng(3), 3, 3);
    expect(controlTables([t], { control: false })[0].cells).toEqual(t.cells);
  });

  it('a count of places repeated in a table about people stays as counted there too, and is never a partner', () => {
    const lines: CountTable = { id: 'l', title: 'l', unit: 'lines', rowHeader: 'q', rows: ['Q1'], cols: ['disrupted'], cells: [[2]], notAboutPeople: true, cellKeys: [['lines-disrupted']] };
    const summary: CountTable = {
      id: 's', title: 's', unit: 'count', rowHeader: 'measure', rows: ['children missing', 'lines disrupted'], cols: ['Q1'],
      cells: [[3], [2]], cellKeys: [[undefined], ['lines-disrupted']],
    };
    const [l, s] = controlTables([lines, summary]);
    expect(l.cells).toEqual([[2]]);
    expect(s.cells).toEqual([[SUPPRESSED], [2]]);
  });

  it('no percentage or mean over fewer than 10 children, nor from a suppressed numerator', () => {
    expect(percent(3, 9, { control: true })).toBe('c');
    expect(percent(5, 20, { control: true })).toBe('25%');
    expect(percent(3, 20, { control: true, numeratorSuppressed: true })).toBe('c');
    expect(percent(3, 9, { control: false })).toBe('33%');
    expect(mean(30, 9, { control: true })).toBe('c');
    expect(mean(30, 12, { control: true })).toBe('2.5');
  });
});
