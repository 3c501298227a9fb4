/** Free-text fields run through the language checker: findings are warnings, never a block. */
import { checkLanguage } from '../language';
import type { ParsedRecord } from './convert';

export const FREE_TEXT_FIELDS = ['summary', 'text', 'outcome', 'conditions'];

export interface LanguageWarning { file: string; row: number; column: string; field: string; phrase: string; suggestion: string }

export function languageWarnings(records: ParsedRecord[]): LanguageWarning[] {
  const out: LanguageWarning[] = [];
  // Exports repeat stock phrases: check each distinct text once.
  const seen = new Map<string, ReturnType<typeof checkLanguage>>();
  for (const rec of records) {
    if (rec.kind !== 'node') continue;
    for (const field of FREE_TEXT_FIELDS) {
      const v = rec.data[field];
      if (typeof v !== 'string' || !v) continue;
      let findings = seen.get(v);
      if (!findings) { findings = checkLanguage(v); seen.set(v, findings); }
      for (const f of findings) {
        out.push({ file: rec.file, row: rec.row, column: rec.columnOf[field] ?? field, field, phrase: f.phrase, suggestion: f.suggestion });
      }
    }
  }
  return out;
}
