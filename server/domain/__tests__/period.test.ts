import { parseQuarter, previousQuarter, quarterRange, quarterOf } from '../period';

describe('quarters', () => {
  it('parses a quarter into a UTC half-open window', () => {
    const p = parseQuarter('2025-Q4');
    expect(p.start).toBe('2025-10-01T00:00:00.000Z');
    expect(p.end).toBe('2026-01-01T00:00:00.000Z');
  });
  it('rejects bad quarters naming the field', () => {
    expect(() => parseQuarter('2025-Q5')).toThrow(/field "quarter"/);
    expect(() => parseQuarter("2025-Q1' DETACH DELETE")).toThrow(/field "quarter"/);
    expect(() => parseQuarter(42)).toThrow(/field "quarter"/);
  });
  it('moves across years', () => {
    expect(previousQuarter('2025-Q1')).toBe('2024-Q4');
    expect(quarterRange('2024-Q4', '2025-Q2')).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
    expect(quarterOf(Date.UTC(2025, 2, 31, 23))).toBe('2025-Q1');
  });
});
