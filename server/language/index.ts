/**
 * The language checker (Children's Society / NAPAC appropriate language guide; DOMAIN.md's table).
 *   import { checkLanguage } from './';
 *   checkLanguage('He keeps going missing.')
 *   // → [{ line: 1, column: 4, phrase: 'keeps going missing', suggestion: 'is missing and at risk …', rule: 'keeps-going-missing' }]
 * Rules are data (rules.ts): add a pattern there, and a phrase to the test set beside it.
 * CLI: `npm run language-check -- <file>` or standard input; prints JSON, exit code 1 when any finding.
 */
export { checkLanguage, passesLanguageCheck } from './check';
export type { Finding } from './check';
export { LANGUAGE_RULES } from './rules';
export type { LanguageRule } from './rules';
