/**
 * The layering of server/: features live in modules/<feature>/, shared plumbing in platform/,
 * shared domain (model, language, domain) beneath both. Checked on the real import graph.
 */
import path from 'node:path';
import { folderCycles, layerOf, serverImports, type ImportEdge } from './imports';

const edges = serverImports();
const layer = (e: ImportEdge) => ({ from: layerOf(e.from), to: layerOf(e.to) });
const SHARED_DOMAIN = ['model', 'language', 'domain'];

describe('server layering', () => {
  it('reads a real import graph', () => {
    expect(edges.length).toBeGreaterThan(200);
    expect(edges.some((e) => layerOf(e.from).startsWith('modules/') && layerOf(e.to) === 'platform')).toBe(true);
  });

  it('has no import cycle between folders', () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  it('has no import cycle between files at run time (type-only imports leave no trace once compiled)', () => {
    expect(folderCycles(edges.filter((e) => !e.typeOnly), (f) => f)).toEqual([]);
  });

  it('keeps the platform free of features and of the GraphQL layer', () => {
    const bad = edges.filter((e) => layer(e).from === 'platform' && (layer(e).to.startsWith('modules/') || layer(e).to === 'graphql'));
    expect(bad).toEqual([]);
  });

  it('keeps the shared domain free of features, platform and GraphQL', () => {
    const bad = edges.filter((e) => SHARED_DOMAIN.includes(layer(e).from) && !SHARED_DOMAIN.includes(layer(e).to));
    expect(bad).toEqual([]);
  });

  it('imports no development code (fixtures, tests, scripts) into production code', () => {
    expect(edges.filter((e) => e.to.startsWith('..'))).toEqual([]);
  });
});

describe('folderCycles', () => {
  it('finds a cycle of two folders and ignores imports within a folder', () => {
    const cycles = folderCycles([
      { from: 'a/x.ts', to: 'b/y.ts', typeOnly: false }, { from: 'b/y.ts', to: 'a/z.ts', typeOnly: true }, { from: 'a/x.ts', to: 'a/z.ts', typeOnly: false },
    ]);
    expect(cycles).toEqual([['a', 'b', 'a']]);
  });

  it('finds none in a chain', () => {
    expect(folderCycles([{ from: 'a/x.ts', to: 'b/y.ts', typeOnly: false }, { from: 'b/y.ts', to: 'c/z.ts', typeOnly: false }])).toEqual([]);
  });

  it('tells type-only imports apart', () => {
    const edge = edges.find((e) => e.from === path.join('modules', 'import', 'issue-groups.ts') && e.to === path.join('modules', 'import', 'convert.ts'));
    expect(edge?.typeOnly).toBe(true);
    expect(edges.some((e) => !e.typeOnly && e.from.startsWith('modules/') && e.to.startsWith('platform/'))).toBe(true);
  });
});
