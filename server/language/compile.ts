/** Compiles the rule table (rules.ts) into case-insensitive regular expressions, once. */
import { LANGUAGE_RULES, LanguageRule } from './rules';
import { WORD_CLASSES, verbSource } from './grammar';

export interface CompiledRule {
  rule: string;
  suggestion: string;
  regexes: RegExp[];
}

/** Expands {~verb|verb} and {CLASS}; a space means any run of whitespace. */
export function expandPattern(pattern: string): string {
  // Apostrophes and spaces are generalised in the rule's own text; word classes carry their own.
  const general = pattern.replace(/'/g, "['’]").replace(/ +/g, '\\s+');
  return general.replace(/\{(~?)([A-Za-z|]+)\}/g, (_m, tilde: string, name: string) => {
    if (tilde) return verbSource(name).replace(/'/g, "['’]");
    const cls = WORD_CLASSES[name];
    if (!cls) throw new Error(`Language rule pattern "${pattern}": unknown word class {${name}}`);
    return cls.replace(/ +/g, '\\s+');
  });
}

export function compileRule(r: LanguageRule): CompiledRule {
  return {
    rule: r.rule,
    suggestion: r.suggestion,
    // Whole words only: no letter directly before or after the phrase.
    regexes: r.patterns.map((p) => new RegExp(`(?<![\\p{L}\\p{N}'’])(?:${expandPattern(p)})(?![\\p{L}\\p{N}])`, 'giu')),
  };
}

let compiled: CompiledRule[] | undefined;
export function compiledRules(): CompiledRule[] {
  if (!compiled) compiled = LANGUAGE_RULES.map(compileRule);
  return compiled;
}
