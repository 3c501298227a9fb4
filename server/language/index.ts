export { checkLanguage, passesLanguageCheck } from './check';
export type { Finding } from './check';
export { LANGUAGE_RULES } from './rules';
export type { LanguageRule } from './rules';
