import { median } from '../median';

describe('median', () => {
  it('is the middle value of an odd count, by value not by position', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([3])).toBe(3);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 20])).toBe(15);
  });

  it('sorts numerically, not as text', () => {
    expect(median([100, 9, 20])).toBe(20);
  });

  it('leaves its input in the order given', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it('has none for an empty list', () => {
    expect(median([])).toBeNaN();
  });
});
