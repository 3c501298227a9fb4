/** Small statistical tests (pure). Normal approximations; fine for the counts seen here. */

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

export const twoSidedP = (z: number): number => Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));

/**
 * Cochran–Armitage test for a trend in proportions x_i / n_i over ordered groups (scores 0, 1, …).
 * T = Σ t_i (x_i − n_i p̄); Var T = p̄(1 − p̄)(Σ n_i t_i² − (Σ n_i t_i)² / N). Returns z and p.
 */
export function cochranArmitage(x: number[], n: number[]): { z: number; p: number } {
  const N = n.reduce((a, b) => a + b, 0);
  const R = x.reduce((a, b) => a + b, 0);
  if (N === 0 || R === 0 || R === N) return { z: 0, p: 1 };
  const pbar = R / N;
  let T = 0, s1 = 0, s2 = 0;
  n.forEach((ni, t) => { T += t * (x[t] - ni * pbar); s1 += ni * t * t; s2 += ni * t; });
  const v = pbar * (1 - pbar) * (s1 - (s2 * s2) / N);
  if (v <= 0) return { z: 0, p: 1 };
  const z = T / Math.sqrt(v);
  return { z, p: twoSidedP(z) };
}

/** Two-proportion z test (pooled), x1/n1 vs x2/n2. */
export function twoProportion(x1: number, n1: number, x2: number, n2: number): { z: number; p: number } {
  if (n1 === 0 || n2 === 0) return { z: 0, p: 1 };
  const p = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: 0, p: 1 };
  const z = (x2 / n2 - x1 / n1) / se;
  return { z, p: twoSidedP(z) };
}

/** A count against the mean of earlier counts, as Poisson: z = (x − λ) / √λ. */
export function poissonChange(x: number, earlier: number[]): { z: number; p: number; expected: number } {
  const expected = earlier.length ? earlier.reduce((a, b) => a + b, 0) / earlier.length : 0;
  if (expected <= 0) return { z: 0, p: 1, expected };
  const z = (x - expected) / Math.sqrt(expected);
  return { z, p: twoSidedP(z), expected };
}
