import { thresholdEffect } from '../threshold-text';

const counts = [{ score: 5, children: 1 }, { score: 3, children: 4 }, { score: 2, children: 10 }, { score: 1, children: 30 }];

describe('the effect of a concern-score threshold', () => {
  it('counts children at or above the threshold, one point lower and one higher', () => {
    expect(thresholdEffect(2, counts)).toBe('At a minimum score of 2: 15 children; at 1, 45 children; at 3, 5 children.');
  });
  it('has no lower step below 1, and says "child" for one', () => {
    expect(thresholdEffect(1, counts)).toBe('At a minimum score of 1: 45 children; at 2, 15 children.');
    expect(thresholdEffect(4, counts)).toBe('At a minimum score of 4: 1 child; at 3, 5 children; at 5, 1 child.');
  });
});
