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
  seek: ['seek', 'seeks', 'sought', 'seeking'],
  take: ['take', 'takes', 'took', 'taken', 'taking'],
  do: ['do', 'does', 'did', 'done', 'doing'],
  know: ['know', 'knows', 'knew', 'known', 'knowing'],
  give: ['give', 'gives', 'gave', 'given', 'giving'],
  send: ['send', 'sends', 'sent', 'sending'],
  lend: ['lend', 'lends', 'lent', 'lending'],
  hide: ['hide', 'hides', 'hid', 'hidden', 'hiding'],
  deal: ['deal', 'deals', 'dealt', 'dealing'],
  plug: ['plug', 'plugs', 'plugged', 'plugging'],
  swap: ['swap', 'swaps', 'swapped', 'swapping'],
  fall: ['fall', 'falls', 'fell', 'fallen', 'falling'],
  leave: ['leave', 'leaves', 'left', 'leaving'],
  traffic: ['traffic', 'traffics', 'trafficked', 'trafficking'],
  understand: ['understand', 'understands', 'understood', 'understanding'],
};

/** All forms of a verb (base, 3rd person, past, participle, -ing). */
export function inflect(verb: string): string[] {
  const known = IRREGULAR[verb];
  if (known) return known;
  const forms = new Set<string>([verb]);
  if (/(s|sh|ch|x|z|o)$/.test(verb)) forms.add(`${verb}es`);
  else if (/[^aeiou]y$/.test(verb)) forms.add(`${verb.slice(0, -1)}ies`);
  else forms.add(`${verb}s`);
  if (/[^aeiou][aeiou]l$/.test(verb) && verb.length > 4) {
    // British and American spellings: travelled / traveled, travelling / traveling.
    forms.add(`${verb}led`).add(`${verb}ling`);
  }
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
  NEG: "(?:not|never|no longer|(?:won|don|didn|doesn|isn|wasn|aren|weren|haven|hasn|hadn|can|couldn|wouldn|shouldn)['’]?t|cannot)",
  PEOPLE: '(?:children|young people|peers|boys|girls|pupils|friends|others|young ones)',
  /** Any one word (for "words in between"). */
  ANY: "[\\p{L}\\p{N}'’-]+",
  /** Drugs as case notes name them. */
  DRUGS: '(?:drugs|cannabis|weed|skunk|crack|heroin|cocaine|coke|class a(?: drugs)?|spice|ketamine|ket|pills|gear|food|packages?|wraps)',
  ADULTS: '(?:adults?|men|man|males?|women|woman|females?|older (?:men|males|boys|girls|women|people|adults))',
};

/** Regex source for a verb token such as "~put" or "~put|place". */
export function verbSource(lemmas: string): string {
  const forms = lemmas.split('|').flatMap(inflect);
  // Longest first so "putting" wins over "put".
  return `(?:${[...new Set(forms)].sort((a, b) => b.length - a.length).map(escape).join('|')})`;
}

/** Not said of an adult or of the exploiters (where the word describes them, not the child). */
export const NOT_OF_ADULTS = '(?<!(?:man|men|male|males|adult|adults|woman|women|female|exploiters?|perpetrators?|abusers?|groomers?|offenders?|suspects?|uncle|father|dad|stepdad|mum|mother|partner|boyfriend|group|gang) )';
