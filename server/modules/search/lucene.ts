/**
 * User text → a safe Lucene query for the full-text index: every term escaped (no query syntax
 * gets through), each term a prefix match, all terms required.
 */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function luceneQuery(text: string): string | null {
  const terms = text
    .split(/\s+/)
    .map((t) => t.replace(SPECIAL, '\\$&'))
    .filter((t) => t.replace(/\\/g, '').length > 0)
    .slice(0, 8);
  if (terms.length === 0) return null;
  // Lucene's boolean words are only operators in upper case; quote-escape them by lower-casing.
  return terms.map((t) => `${/^(AND|OR|NOT|TO)$/.test(t) ? t.toLowerCase() : t}*`).join(' AND ');
}
