/**
 * The language checker (Children's Society / NAPAC appropriate language guide; DOMAIN.md's table).
 *   import { checkLanguage } from './';
 *   checkLanguage('He keeps going missing.')
 *   // → [{ line: 1, column: 4, phrase: 'keeps going missing', suggestion: 'is missing and at risk …', rule: 'keeps-going-missing' }]
 * Rules are data (rules.ts and guide/, each naming its section of the guide); add sentences to
 * corpus/case-notes.tsv before changing a rule (docs/language.md).
 * CLI: `npm run language-check -- <file>` or standard input; prints JSON, exit code 1 when any finding.
 */
export { checkLanguage, passesLanguageCheck } from './check';
export type { Finding } from './check';
export { LANGUAGE_RULES } from './rules';
export type { LanguageRule } from './rules';
