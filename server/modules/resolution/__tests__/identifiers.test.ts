import { scorePair, MATCH_THRESHOLD } from '../score';
import { candidatePairs } from '../blocking';

const person = (id: string, name: string, extra: Record<string, unknown> = {}) =>
  ({ id, name, dateOfBirth: null, sex: 'MALE', ...extra });

describe('identifiers in entity resolution', () => {
  it('the same NHS number makes a pair likely even without dates of birth and with a different spelling', () => {
    const s = scorePair(person('a', 'Jon Synthetic', { nhsNumber: '943 476 5919' }), person('b', 'John Synthetik', { nhsNumber: '9434765919' }));
    expect(s.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(s.reasons).toContain('same NHS number');
  });

  it('different NHS numbers make the same name and birth date unlikely', () => {
    const a = { ...person('a', 'Sam Synthetic', { nhsNumber: '9434765919' }), dateOfBirth: '2008-01-02' };
    const b = { ...person('b', 'Sam Synthetic', { nhsNumber: '4010232137' }), dateOfBirth: '2008-01-02' };
    const s = scorePair(a, b);
    expect(s.score).toBeLessThan(MATCH_THRESHOLD);
    expect(s.reasons).toContain('different NHS numbers');
  });

  it('two people without dates of birth are not taken for the same birth date', () => {
    const s = scorePair(person('a', 'Alex Synthetic'), person('b', 'Alex Synthetic'));
    expect(s.reasons).not.toContain('same date of birth');
    expect(s.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('a shared identifier is a reason, and blocking brings such pairs together among many', () => {
    const crowd = Array.from({ length: 50 }, (_, i) => person(`x${i}`, `Person ${String.fromCharCode(65 + (i % 26))}${i}`));
    const a = person('a1', 'Robin Alpha', { identifiers: ['PNC:17/123456A'] });
    const b = person('z9', 'Robin Omega', { identifiers: ['pnc:17/123456a'] });
    const { pairs } = candidatePairs([a, ...crowd, b]);
    expect(pairs.some(([p, q]) => p.id === 'a1' && q.id === 'z9')).toBe(true);
    expect(scorePair(a, b).reasons).toContain('shared identifier pnc:17/123456a');
  });
});
