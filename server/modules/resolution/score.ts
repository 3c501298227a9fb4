/**
 * Scores a candidate pair of person records with the reasons behind the score. Simple weights,
 * shown to the analyst: name (order-insensitive; counted in typing edits), date of birth (exact,
 * or one typing slip), recorded sex, postcode area.
 */
import { editDistance } from './similarity';
import { nameTokens } from './phonetic';

export interface PersonRecord {
  id: string; name: string; dateOfBirth: string | null; sex?: string; postcodeArea?: string | null; aliases?: string[] | null;
  nhsNumber?: string | null;
  /** scheme:value identifiers (PNC, UPN…). */
  identifiers?: string[] | null;
}
export interface Scored { score: number; reasons: string[] }

/** Threshold above which a pair becomes a POSSIBLY_SAME_AS hypothesis. */
export const MATCH_THRESHOLD = 0.85;

/** Typing edits between two names, pairing tokens in order, reversed or sorted (whichever is fewest). */
export function nameEdits(a: string[], b: string[]): { edits: number; swapped: boolean } {
  if (!a.length || !b.length) return { edits: Infinity, swapped: false };
  const cost = (x: string[], y: string[]): number => {
    if (x.length === y.length) return x.reduce((s, t, i) => s + editDistance(t, y[i]), 0);
    // A middle name on one side: compare first and last tokens, one edit for the extra token.
    return editDistance(x[0], y[0]) + editDistance(x[x.length - 1], y[y.length - 1]) + 1;
  };
  const inOrder = cost(a, b);
  // Another order: reversed (surname first) or any order (tokens sorted).
  const reordered = Math.min(cost([...a].reverse(), b), cost([...a].sort(), [...b].sort()));
  return reordered < inOrder ? { edits: reordered, swapped: true } : { edits: inOrder, swapped: false };
}

const NAME_SCORE = [1, 0.9, 0.7];

/** 1 equal; 0.6 one typing slip (one differing digit, or day and month swapped); 0 otherwise. */
export function dobSimilarity(a: string | null, b: string | null): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  if (a.length !== 10 || b.length !== 10) return 0;
  let diff = 0;
  for (let i = 0; i < 10; i++) if (a[i] !== b[i]) diff++;
  if (diff === 1) return 0.6;
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  return ya === yb && ma === db && da === mb ? 0.6 : 0;
}

export function scorePair(a: PersonRecord, b: PersonRecord): Scored {
  const reasons: string[] = [];
  let best = nameEdits(nameTokens(a.name), nameTokens(b.name));
  let alias: string | undefined;
  for (const [x, others] of [[a, b], [b, a]] as const) {
    for (const al of x.aliases ?? []) {
      const viaAlias = nameEdits(nameTokens(al), nameTokens(others.name));
      if (viaAlias.edits < best.edits) { best = viaAlias; alias = al; }
    }
  }
  const nameScore = NAME_SCORE[best.edits] ?? 0;
  if (alias) reasons.push(`name matches a recorded alias "${alias}"`);
  if (best.edits === 0) reasons.push(best.swapped ? 'same name, given in the other order' : 'same name');
  else if (nameScore > 0) reasons.push(`name differs by ${best.edits} typing edit${best.edits > 1 ? 's' : ''}${best.swapped ? ', given in the other order' : ''}`);
  const dob = dobSimilarity(a.dateOfBirth, b.dateOfBirth);
  if (dob === 1) reasons.push('same date of birth');
  else if (dob > 0) reasons.push('date of birth differs by one typing slip');
  let score = 0.55 * nameScore + 0.4 * dob;
  const knownSex = a.sex && b.sex && a.sex !== 'UNKNOWN' && b.sex !== 'UNKNOWN';
  if (knownSex && a.sex === b.sex) { score += 0.05; reasons.push('same recorded sex'); }
  if (knownSex && a.sex !== b.sex) { score *= 0.6; reasons.push('different recorded sex'); }
  if (a.postcodeArea && b.postcodeArea && a.postcodeArea === b.postcodeArea) { score = Math.min(1, score + 0.03); reasons.push('same postcode area'); }
  score = identifierEvidence(a, b, score, reasons);
  return { score: Math.round(score * 1000) / 1000, reasons };
}

const digits = (nhs: string): string => nhs.replace(/\D/g, '');

/**
 * Identifiers outweigh names: the same NHS number (or another shared scheme:value identifier)
 * makes a pair likely whatever the spelling; two different NHS numbers make it unlikely.
 */
export function identifierEvidence(a: PersonRecord, b: PersonRecord, score: number, reasons: string[]): number {
  let out = score;
  if (a.nhsNumber && b.nhsNumber) {
    if (digits(a.nhsNumber) === digits(b.nhsNumber)) { out = Math.max(out, 0.95); reasons.push('same NHS number'); }
    else { out *= 0.3; reasons.push('different NHS numbers'); }
  }
  const mine = new Set((a.identifiers ?? []).map((i) => i.trim().toUpperCase()));
  const shared = (b.identifiers ?? []).filter((i) => mine.has(i.trim().toUpperCase()));
  if (shared.length) { out = Math.max(out, 0.9); reasons.push(`shared identifier ${shared.join(', ')}`); }
  return Math.round(out * 1000) / 1000;
}
