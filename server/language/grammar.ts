/**
 * Small English grammar helpers for the language rules: verb inflections and word classes, so
 * one rule ("~put REFL at risk") matches "put herself at risk", "is putting themselves at risk",
 * "puts himself at risk" and so on.
 */

/** Irregular or spelling-sensitive verbs: every form we want to match. */
const IRREGULAR: Record<string, string[]> = {
  be: ['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', "'s", "'re"],
  have: ['have', 'has', 'had', 'having', "'s", "'ve"],
  go: ['go', 'goes', 'went', 'gone', 'going'],
  keep: ['keep', 'keeps', 'kept', 'keeping'],
  put: ['put', 'puts', 'putting'],
  make: ['make', 'makes', 'made', 'making'],
  run: ['run', 'runs', 'ran', 'running'],
  hang: ['hang', 'hangs', 'hung', 'hanging'],
  get: ['get', 'gets', 'got', 'gotten', 'getting'],
  sell: ['sell', 'sells', 'sold', 'selling'],
  let: ['let', 'lets', 'letting'],
  choose: ['choose', 'chooses', 'chose', 'chosen', 'choosing'],
  become: ['become', 'becomes', 'became', 'becoming'],
  sleep: ['sleep', 'sleeps', 'slept', 'sleeping'],
  meet: ['meet', 'meets', 'met', 'meeting'],
  seem: ['seem', 'seems', 'seemed', 'seeming'],
  refuse: ['refuse', 'refuses', 'refused', 'refusing'],
};

/** All forms of a verb (base, 3rd person, past, participle, -ing). */
export function inflect(verb: string): string[] {
  const known = IRREGULAR[verb];
  if (known) return known;
  const forms = new Set<string>([verb]);
  if (/(s|sh|ch|x|z|o)$/.test(verb)) forms.add(`${verb}es`);
  else if (/[^aeiou]y$/.test(verb)) forms.add(`${verb.slice(0, -1)}ies`);
  else forms.add(`${verb}s`);
  if (verb.endsWith('e')) {
    forms.add(`${verb}d`);
    forms.add(`${verb.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(verb)) {
    forms.add(`${verb.slice(0, -1)}ied`);
    forms.add(`${verb}ing`);
  } else {
    forms.add(`${verb}ed`);
    forms.add(`${verb}ing`);
  }
  return [...forms];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Word classes usable in rule patterns by name. */
export const WORD_CLASSES: Record<string, string> = {
  REFL: '(?:himself|herself|themselves|themself|yourself|myself|oneself|themselfs)',
  SUBJ: '(?:he|she|they|i|you|ze|the child|the young person|[A-Z][a-z]+)',
  POSS: '(?:his|her|their|my|your)',
  DET: '(?:a|an|the|some|his|her|their|these|those|this|that)',
  ADV: '(?:[a-z]+ly|again|still|always|often|now|also|even|just|then)',
  NEG: "(?:not|never|no longer|\\w*n't)",
  PEOPLE: '(?:children|young people|peers|boys|girls|pupils|friends|others|young ones)',
  ADULTS: '(?:adults?|men|man|males?|women|woman|females?|older (?:men|males|boys|girls|women|people|adults))',
};

/** Regex source for a verb token such as "~put" or "~put|place". */
export function verbSource(lemmas: string): string {
  const forms = lemmas.split('|').flatMap(inflect);
  // Longest first so "putting" wins over "put".
  return `(?:${[...new Set(forms)].sort((a, b) => b.length - a.length).map(escape).join('|')})`;
}
