/**
 * Findings as warnings on a named field of a record or form: what the API returns beside a
 * write (recorded events, investigation notes) so the writer sees each phrase and what to say.
 */
import { checkLanguage } from './check';

export interface TextWarning {
  field: string;
  phrase: string;
  suggestion: string;
  rule: string;
  /** In quoted speech (a child's own words): shown, but not as the writer's judgement. */
  quoted: boolean;
  line: number;
  column: number;
}

export function textWarnings(field: string, text: string | null | undefined): TextWarning[] {
  if (!text) return [];
  return checkLanguage(text).map((f) => ({
    field, phrase: f.phrase, suggestion: f.suggestion, rule: f.rule, quoted: f.quoted === true, line: f.line, column: f.column,
  }));
}
