/** Free-text fields run through the language checker: findings are warnings, never a block. */
import { checkLanguage } from '../../language';
import type { ParsedRecord } from './convert';

export const FREE_TEXT_FIELDS = ['summary', 'text', 'outcome', 'conditions'];

export interface LanguageWarning { file: string; row: number; column: string; field: string; phrase: string; suggestion: string }

/** Exports repeat stock phrases: each distinct text is checked once (the cache is bounded). */
export type LanguageCache = Map<string, ReturnType<typeof checkLanguage>>;
const CACHE_MAX = 50_000;

/** Adds the warnings of one record's free text to out. */
export function recordLanguageWarnings(rec: ParsedRecord, cache: LanguageCache, out: LanguageWarning[]): void {
  if (rec.kind !== 'node') return;
  for (const field of FREE_TEXT_FIELDS) {
    const v = rec.data[field];
    if (typeof v !== 'string' || !v) continue;
    let findings = cache.get(v);
    if (!findings) {
      findings = checkLanguage(v);
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(v, findings);
    }
    for (const f of findings) {
      out.push({ file: rec.file, row: rec.row, column: rec.columnOf[field] ?? field, field, phrase: f.phrase, suggestion: f.suggestion });
    }
  }
}

export function languageWarnings(records: ParsedRecord[]): LanguageWarning[] {
  const out: LanguageWarning[] = [];
  const cache: LanguageCache = new Map();
  for (const rec of records) recordLanguageWarnings(rec, cache, out);
  return out;
}
