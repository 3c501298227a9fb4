/**
 * Name keys for blocking: American Soundex (letter + three digits), written out here so its
 * behaviour is fixed and tested. Names that sound alike share a key (Robert / Rupert → R163).
 */
const CODES: Record<string, string> = {
  b: '1', f: '1', p: '1', v: '1',
  c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3', l: '4', m: '5', n: '5', r: '6',
};

/** Lower-case ASCII letters only (accents folded: Zoë → zoe). */
export function foldName(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
}

export function soundex(word: string): string {
  const s = foldName(word);
  if (!s) return '';
  let out = s[0].toUpperCase();
  let last = CODES[s[0]] ?? '';
  for (let i = 1; i < s.length && out.length < 4; i++) {
    const ch = s[i];
    const code = CODES[ch];
    if (code && code !== last) out += code;
    // h and w do not separate letters with the same code; vowels do.
    if (ch !== 'h' && ch !== 'w') last = code ?? '';
  }
  return out.padEnd(4, '0');
}

/** Name tokens (split on spaces, hyphens, commas), folded; empty tokens dropped. */
export function nameTokens(name: string): string[] {
  return name.split(/[\s,\-']+/).map(foldName).filter(Boolean);
}
