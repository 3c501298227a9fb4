/**
 * The records a Cypher query matches, read from its text: every node pattern `(x:Label …)` and
 * relationship pattern `-[r:TYPE …]-`, named or anonymous. Enough of Cypher's grammar for the
 * product's own queries: comments and string literals are dropped first, and a parenthesis is a
 * node pattern only where a pattern can stand (after MATCH, a comma, an arrow or a pattern
 * predicate), not a function call or a parenthesised expression.
 */
export interface PatternElement {
  kind: 'node' | 'rel';
  /** The variable, or null for an anonymous element. */
  variable: string | null;
  /** Labels (nodes) or types (relationships) written in the pattern itself. */
  labels: string[];
}

const stripComments = (src: string): string =>
  src.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ').replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");

const NODE = /(?<![\w.)\]])\(\s*([A-Za-z_]\w*)?\s*((?::\s*[A-Za-z_][\w|&!:]*\s*)*)(\{[^}]*\})?\s*\)/g;
const REL = /-\[\s*([A-Za-z_]\w*)?\s*((?::\s*[A-Za-z_][\w|]*\s*)*)(?:\*[\d.]*)?\s*(\{[^}]*\})?\s*\]-/g;

const labelsOf = (text: string | undefined): string[] => (text ?? '').split(/[:|&!\s]+/).filter(Boolean);

/** A node pattern stands next to a relationship (`)-[`, `]-(`), or alone after MATCH / a comma. */
function isPattern(src: string, start: number, end: number): boolean {
  const before = src.slice(0, start).trimEnd();
  const after = src.slice(end).trimStart();
  if (/[-<>]$/.test(before) || /^[-<>]/.test(after)) return true;
  return /(?:\bMATCH|\bMERGE|\bCREATE|,)$/i.test(before);
}

export function patternElements(cypher: string): PatternElement[] {
  const src = stripComments(cypher);
  const out: PatternElement[] = [];
  for (const m of src.matchAll(NODE)) {
    if (!isPattern(src, m.index!, m.index! + m[0].length)) continue;
    out.push({ kind: 'node', variable: m[1] ?? null, labels: labelsOf(m[2]) });
  }
  for (const m of src.matchAll(REL)) out.push({ kind: 'rel', variable: m[1] ?? null, labels: labelsOf(m[2]) });
  return out;
}

/** Variables named in VISIBLE_NODE(x) / VISIBLE_REL(x). */
export function gatedVariables(cypher: string): { nodes: Set<string>; rels: Set<string> } {
  const src = stripComments(cypher);
  const nodes = new Set<string>();
  const rels = new Set<string>();
  for (const m of src.matchAll(/\bVISIBLE_(NODE|REL)\(\s*([A-Za-z_]\w*)\s*\)/g)) (m[1] === 'NODE' ? nodes : rels).add(m[2]);
  return { nodes, rels };
}
