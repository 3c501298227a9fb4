/** Free-text fields run through the language checker: findings are warnings, never a block. */
import { checkLanguage } from '../../language';
import type { ParsedRecord } from './convert';

/** Text written by people: event summaries, intelligence text, outcomes, a return interview's push and pull factors, sharing conditions, support notes. */
export const FREE_TEXT_FIELDS = ['summary', 'text', 'outcome', 'conditions', 'pushFactors', 'pullFactors', 'notes'];

export interface LanguageWarning { file: string; row: number; column: string; field: string; phrase: string; suggestion: string; rule: string; quoted: boolean }

/** Exports repeat stock phrases: each distinct text is checked once (the cache is bounded). */
export type LanguageCache = Map<string, ReturnType<typeof checkLanguage>>;
const CACHE_MAX = 50_000;

function cachedCheck(text: string, cache: LanguageCache): ReturnType<typeof checkLanguage> {
  let findings = cache.get(text);
  if (!findings) {
    findings = checkLanguage(text);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(text, findings);
  }
  return findings;
}

/** Adds the warnings of one record's free text (a node's or a relationship's) to out. */
export function recordLanguageWarnings(rec: ParsedRecord, cache: LanguageCache, out: LanguageWarning[]): void {
  const data = rec.data as Record<string, unknown>;
  for (const field of FREE_TEXT_FIELDS) {
    const v = data[field];
    // A list field (push and pull factors) is checked item by item.
    const texts = Array.isArray(v) ? v : [v];
    for (const text of texts) {
      if (typeof text !== 'string' || !text) continue;
      for (const f of cachedCheck(text, cache)) {
        out.push({
          file: rec.file, row: rec.row, column: rec.columnOf[field] ?? field, field,
          phrase: f.phrase, suggestion: f.suggestion, rule: f.rule, quoted: f.quoted === true,
        });
      }
    }
  }
}

export function languageWarnings(records: ParsedRecord[]): LanguageWarning[] {
  const out: LanguageWarning[] = [];
  const cache: LanguageCache = new Map();
  for (const rec of records) recordLanguageWarnings(rec, cache, out);
  return out;
}
