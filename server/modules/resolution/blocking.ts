/**
 * Blocking by sorted neighbourhoods: each person gets a few blocking keys (date of birth with the
 * sound of their names; the sound of their names with date of birth; postcode area with both).
 * For each key the records are sorted by it and each is compared only with the next few (the
 * window), never all pairs. The number of candidate pairs is at most people × (window − 1) ×
 * keys: it grows linearly with people, whatever the density of names or birthdays.
 */
import { nameTokens, soundex } from './phonetic';
import type { PersonRecord } from './score';

export const WINDOW = 5;

/** Sorted name sounds, so "Smith John" and "John Smith" share keys. */
const sounds = (p: PersonRecord): string => [...new Set(nameTokens(p.name).map(soundex))].sort().join('+');

export const BLOCKING_KEYS: Array<{ name: string; key: (p: PersonRecord) => string | undefined }> = [
  { name: 'date of birth, then name sounds', key: (p) => `${p.dateOfBirth}|${sounds(p)}` },
  { name: 'name sounds, then date of birth', key: (p) => `${sounds(p)}|${p.dateOfBirth}` },
  { name: 'postcode area, name sounds, birth year', key: (p) => (p.postcodeArea ? `${p.postcodeArea}|${sounds(p)}|${p.dateOfBirth}` : undefined) },
  { name: 'NHS number', key: (p) => (p.nhsNumber ? `nhs|${p.nhsNumber.replace(/\D/g, '')}` : undefined) },
  { name: 'identifiers', key: (p) => (p.identifiers?.length ? `ids|${[...p.identifiers].map((i) => i.trim().toUpperCase()).sort().join('|')}` : undefined) },
];

export interface Candidates { pairs: Array<[PersonRecord, PersonRecord]>; compared: number }

/**
 * Candidate pairs, each once (ordered by id). When `focus` is given, only pairs with at least one
 * person in it (new people against everyone).
 */
export function candidatePairs(people: PersonRecord[], focus?: Set<string>, window = WINDOW): Candidates {
  const seen = new Set<string>();
  const pairs: Array<[PersonRecord, PersonRecord]> = [];
  for (const { key } of BLOCKING_KEYS) {
    const keyed = people.map((p) => ({ p, k: key(p) })).filter((x): x is { p: PersonRecord; k: string } => x.k !== undefined);
    keyed.sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0));
    for (let i = 0; i < keyed.length; i++) {
      for (let j = i + 1; j < Math.min(keyed.length, i + window); j++) {
        const [a, b] = keyed[i].p.id < keyed[j].p.id ? [keyed[i].p, keyed[j].p] : [keyed[j].p, keyed[i].p];
        if (a.id === b.id || (focus && !focus.has(a.id) && !focus.has(b.id))) continue;
        const id = `${a.id}\u0000${b.id}`;
        if (seen.has(id)) continue;
        seen.add(id);
        pairs.push([a, b]);
      }
    }
  }
  return { pairs, compared: pairs.length };
}
