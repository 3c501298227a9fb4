/**
 * A small dense simplex (Bland's rule, two phases) for the disclosure attacker: bounds of one
 * variable subject to A·y = b, y ≥ 0. Tables are small (tens of variables), so dense is fine.
 * Row/column-sum systems are totally unimodular, so the LP bounds equal the integer bounds.
 */
const EPS = 1e-9;

interface Tableau { t: number[][]; basis: number[]; m: number; n: number }

function pivot(tab: Tableau, row: number, col: number): void {
  const { t } = tab;
  const p = t[row][col];
  for (let j = 0; j < t[row].length; j += 1) t[row][j] /= p;
  for (let i = 0; i < t.length; i += 1) {
    if (i === row) continue;
    const f = t[i][col];
    if (Math.abs(f) < EPS) continue;
    for (let j = 0; j < t[i].length; j += 1) t[i][j] -= f * t[row][j];
  }
  tab.basis[row] = col;
}

/** Maximises the objective row (last row holds −c); returns false when unbounded. */
function optimise(tab: Tableau, allowed: (j: number) => boolean): boolean {
  const obj = tab.t.length - 1;
  const rhs = tab.t[0].length - 1;
  for (let iter = 0; iter < 10000; iter += 1) {
    let col = -1;
    for (let j = 0; j < rhs; j += 1) if (allowed(j) && tab.t[obj][j] < -EPS) { col = j; break; }
    if (col < 0) return true;
    let row = -1;
    let best = Infinity;
    for (let i = 0; i < tab.m; i += 1) {
      const a = tab.t[i][col];
      if (a > EPS) {
        const ratio = tab.t[i][rhs] / a;
        if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && tab.basis[i] < tab.basis[row])) { best = ratio; row = i; }
      }
    }
    if (row < 0) return false;
    pivot(tab, row, col);
  }
  throw new Error('simplex: iteration limit');
}

/**
 * Max of c·y subject to A·y = b, y ≥ 0. Returns Infinity when unbounded, NaN when infeasible.
 */
export function maximise(A: number[][], b: number[], c: number[]): number {
  const m = A.length;
  const n = c.length;
  // Phase 1: artificials a_i with b ≥ 0; minimise their sum.
  const t: number[][] = A.map((row, i) => {
    const sign = b[i] < 0 ? -1 : 1;
    const art = Array.from({ length: m }, (_, k) => (k === i ? 1 : 0));
    return [...row.map((v) => v * sign), ...art, b[i] * sign];
  });
  const phase1 = Array(n + m + 1).fill(0);
  for (let i = 0; i < m; i += 1) for (let j = 0; j <= n + m; j += 1) if (j < n || j === n + m) phase1[j] -= t[i][j];
  t.push(phase1);
  const tab: Tableau = { t, basis: Array.from({ length: m }, (_, i) => n + i), m, n };
  optimise(tab, () => true);
  if (Math.abs(t[m][n + m]) > 1e-6) return NaN;
  // Drive artificials out of the basis where possible.
  for (let i = 0; i < m; i += 1) {
    if (tab.basis[i] >= n) {
      const col = t[i].findIndex((v, j) => j < n && Math.abs(v) > EPS);
      if (col >= 0) pivot(tab, i, col);
    }
  }
  // Phase 2: objective −c over the original variables.
  const obj = Array(n + m + 1).fill(0);
  for (let j = 0; j < n; j += 1) obj[j] = -c[j];
  for (let i = 0; i < m; i += 1) {
    const bj = tab.basis[i];
    if (bj < n && Math.abs(obj[bj]) > EPS) {
      const f = obj[bj];
      for (let j = 0; j <= n + m; j += 1) obj[j] -= f * t[i][j];
    }
  }
  t[m] = obj;
  if (!optimise(tab, (j) => j < n)) return Infinity;
  return t[m][n + m];
}

/** [min, max] of variable k subject to A·y = b, y ≥ 0. */
export function variableBounds(A: number[][], b: number[], k: number, n: number): [number, number] {
  const c = Array(n).fill(0);
  c[k] = 1;
  const max = maximise(A, b, c);
  c[k] = -1;
  const negMin = maximise(A, b, c);
  return [-negMin, max];
}
