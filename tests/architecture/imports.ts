/**
 * The import graph of server/, read from the source text: which file imports which (relative
 * imports only; packages are not part of the layering).
 */
import fs from 'node:fs';
import path from 'node:path';

export const SERVER_DIR = path.resolve(__dirname, '..', '..', 'server');
const IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;
/** `import type { … } from '…'` and `export type { … } from '…'`: gone once compiled. */
const TYPE_ONLY = /^(?:import|export)\s+type\s[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm;
const EXTENSIONS = ['.ts', '.json', '/index.ts', ''];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === '__tests__' ? [] : sourceFiles(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return EXTENSIONS.map((e) => base + e).find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
}

export interface ImportEdge { from: string; to: string; typeOnly: boolean }

/** Every relative import between production files under server/, as paths relative to server/. */
export function serverImports(): ImportEdge[] {
  return sourceFiles(SERVER_DIR).flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const typeOnly = new Set([...text.matchAll(TYPE_ONLY)].map((m) => m.index! + m[0].length - m[1].length - 1));
    return [...text.matchAll(IMPORT)].flatMap((m) => {
      const target = resolveImport(file, m[1]);
      const specAt = m.index! + m[0].length - m[1].length - 1;
      return target ? [{ from: path.relative(SERVER_DIR, file), to: path.relative(SERVER_DIR, target), typeOnly: typeOnly.has(specAt) }] : [];
    });
  });
}

/**
 * The folder a file belongs to for layering: `modules/<feature>` for a feature, otherwise the
 * top folder under server/ (`platform`, `graphql`, `model`…), or the file itself at the top.
 */
export function layerOf(file: string): string {
  const parts = file.split(path.sep);
  if (parts[0] === 'modules' && parts.length > 2) return `modules/${parts[1]}`;
  return parts.length > 1 ? parts[0] : file;
}

/** Cycles between folders (each as the list of folders on it), found by depth-first search. */
export function folderCycles(edges: ImportEdge[], folderOf: (file: string) => string = layerOf): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = folderOf(e.from);
    const b = folderOf(e.to);
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): void => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 'open') cycles.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n);
  return cycles;
}
