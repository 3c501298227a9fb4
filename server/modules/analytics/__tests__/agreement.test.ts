import { adjustedRandIndex, normalisedMutualInformation, labelsOf } from '../metrics/agreement';

const L = (s: string) => new Map([...s].map((c, i) => [`x${i}`, c]));

describe('partition agreement (hand-computed)', () => {
  it('identical partitions (up to renaming) score 1', () => {
    expect(adjustedRandIndex(L('aabbcc'), L('xxyyzz'))).toBeCloseTo(1, 10);
    expect(normalisedMutualInformation(L('aabbcc'), L('xxyyzz'))).toBeCloseTo(1, 10);
  });
  it('ARI of a textbook example', () => {
    // a = [0,0,0,1,1,1], b = [0,0,1,1,2,2]: cells (2,1,1,2) → Σ C(nij,2) = 2; rows C(3,2)*2 = 6;
    // cols 1+1+1 = 3; expected 6*3/15 = 1.2; max 4.5 → ARI = (2−1.2)/(4.5−1.2) = 0.2424…
    expect(adjustedRandIndex(L('aaabbb'), L('xxyyzz'))).toBeCloseTo(0.8 / 3.3, 10);
  });
  it('NMI of a hand-computed example', () => {
    // a = [0,0,1,1], b = [0,0,0,1]: H(a)=ln2, H(b)= −(3/4 ln 3/4 + 1/4 ln 1/4),
    // MI = Σ pij ln(pij/(pi pj)) = 1/2 ln(1/2/(1/2·3/4)) + 1/4 ln(1/4/(1/2·3/4)) + 1/4 ln(1/4/(1/2·1/4))
    const ha = Math.log(2);
    const hb = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
    const mi = 0.5 * Math.log(0.5 / 0.375) + 0.25 * Math.log(0.25 / 0.375) + 0.25 * Math.log(0.25 / 0.125);
    expect(normalisedMutualInformation(L('aabb'), L('xxxy'))).toBeCloseTo((2 * mi) / (ha + hb), 10);
  });
  it('independent labellings give ARI ≤ 0 and low NMI', () => {
    expect(adjustedRandIndex(L('aabb'), L('xyxy'))).toBeLessThanOrEqual(0);
    expect(normalisedMutualInformation(L('aabb'), L('xyxy'))).toBeCloseTo(0, 10);
  });
  it('labelsOf maps members to their community index', () => {
    expect([...labelsOf([['a', 'b'], ['c']])]).toEqual([['a', '0'], ['b', '0'], ['c', '1']]);
  });
});
