/**
 * Pure parts of entity resolution: phonetic key, edit distance, scoring, blocking; then the planted
 * demo boroughs (matching.borough.test.ts checks the same at borough scale).
 */
import { soundex, nameTokens } from '../phonetic';
import { editDistance } from '../similarity';
import { scorePair, MATCH_THRESHOLD } from '../score';
import { candidatePairs, WINDOW, BLOCKING_KEYS } from '../blocking';
import { generate } from '../../../../fixtures/generator';
import { createRng } from '../../../../fixtures/generator/rng';
import { personName } from '../../../../fixtures/generator/names';
import type { PersonRecord } from '../score';
import { plantedDuplicates } from './support/planted-duplicates';

describe('soundex', () => {
  it.each([
    ['Robert', 'R163'], ['Rupert', 'R163'], ['Rubin', 'R150'], ['Ashcraft', 'A261'], ['Ashcroft', 'A261'],
    ['Tymczak', 'T522'], ['Pfister', 'P236'], ['Honeyman', 'H555'], ['Lee', 'L000'], ['Zoë', 'Z000'], ['', ''],
  ])('%s → %s', (name, key) => expect(soundex(name)).toBe(key));
  it('splits and folds name tokens', () => expect(nameTokens("Anne-Marie O'Neil,  ZOË")).toEqual(['anne', 'marie', 'o', 'neil', 'zoe']));
});

describe('edit distance (with adjacent transpositions)', () => {
  it.each([['kitten', 'sitting', 3], ['martha', 'marhta', 1], ['abc', 'abc', 0], ['', 'abc', 3], ['vorley', 'vorle', 1], ['ca', 'abc', 3]])(
    '%s / %s = %d', (a, b, d) => expect(editDistance(a, b)).toBe(d));
});

const person = (id: string, name: string, dateOfBirth: string, extra: Partial<PersonRecord> = {}): PersonRecord => ({ id, name, dateOfBirth, sex: 'FEMALE', ...extra });

describe('scoring a pair', () => {
  it('same person, names swapped: a match, with the reason', () => {
    const s = scorePair(person('a', 'Kalix Vorington', '2010-01-02'), person('b', 'Vorington Kalix', '2010-01-02'));
    expect(s.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(s.reasons).toEqual(expect.arrayContaining(['same name, given in the other order', 'same date of birth']));
  });
  it('a typo and the same birthday: a match; a different birthday: not', () => {
    expect(scorePair(person('a', 'Kalix Vorington', '2010-01-02'), person('b', 'Kailx Vorington', '2010-01-02')).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(scorePair(person('a', 'Kalix Vorington', '2010-01-02'), person('b', 'Kailx Vorington', '2011-07-19')).score).toBeLessThan(MATCH_THRESHOLD);
  });
  it('different people with the same birthday are not matched; a different recorded sex lowers the score', () => {
    expect(scorePair(person('a', 'Kalix Vorington', '2010-01-02'), person('b', 'Sabel Mabstone', '2010-01-02')).score).toBeLessThan(MATCH_THRESHOLD);
    expect(scorePair(person('a', 'Kalix Vorington', '2010-01-02'), person('b', 'Kalix Vorington', '2010-01-02', { sex: 'MALE' })).score).toBeLessThan(MATCH_THRESHOLD);
  });
  it('a recorded alias counts', () => {
    const s = scorePair(person('a', 'Kalix Vorington', '2010-01-02', { aliases: ['KV Smith'] }), person('b', 'KV Smith', '2010-01-02'));
    expect(s.reasons[0]).toMatch(/alias "KV Smith"/);
    expect(s.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
});

describe('blocking', () => {
  it('compares far fewer than all pairs, and never more than people × (window − 1) × keys', () => {
    const people = Array.from({ length: 500 }, (_, i) => person(`p${i}`, `Name${i % 37} Family${i % 11}`, `2010-01-${String((i % 28) + 1).padStart(2, '0')}`));
    const { pairs } = candidatePairs(people);
    expect(pairs.length).toBeLessThanOrEqual(500 * (WINDOW - 1) * BLOCKING_KEYS.length);
    expect(pairs.length).toBeLessThan((500 * 499) / 2 / 10);
    expect(new Set(pairs.map(([a, b]) => `${a.id}|${b.id}`)).size).toBe(pairs.length);
  });
  it('with a focus, only pairs that involve the new people', () => {
    const people = [person('a', 'Kalix Vorington', '2010-01-02'), person('b', 'Vorington Kalix', '2010-01-02'), person('c', 'Kalix Vorington', '2010-01-02')];
    const { pairs } = candidatePairs(people, new Set(['c']));
    expect(pairs.map(([x, y]) => `${x.id}${y.id}`).sort()).toEqual(['ac', 'bc']);
  });
});

describe('blocking at borough size', () => {
  it('candidate pairs grow roughly linearly with people (×4 people → about ×4 pairs, not ×16)', () => {
    // Ten thousand people named as the generator names them, born over twelve years, in twenty areas.
    const rng = createRng(20251);
    const people = Array.from({ length: 10_000 }, (_, i) => {
      const { first, family } = personName(rng);
      const born = new Date(Date.UTC(2004, 0, 1) + rng.int(0, 365 * 12) * 86_400_000).toISOString().slice(0, 10);
      return person(`p${String(i).padStart(5, '0')}`, `${first} ${family}`, born, { postcodeArea: `TB${rng.int(1, 20)}` });
    });
    const quarter = candidatePairs(people.slice(0, people.length / 4)).pairs.length;
    const ratio = candidatePairs(people).pairs.length / quarter;
    expect(ratio).toBeGreaterThan(3);
    expect(ratio).toBeLessThan(5);
  });
});

describe.each([1, 20251])('on the planted demo borough, seed %i', (seed) => {
  it('finds the planted duplicates (typos, swapped name order) at ≥ 0.9 precision and recall', () => {
    const { truth, precision, recall } = plantedDuplicates(generate({ scale: 'demo', seed }));
    expect(truth).toBeGreaterThanOrEqual(6);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
