/**
 * The layering of server/: features live in modules/<feature>/, shared plumbing in platform/,
 * shared domain (model, language, domain) beneath both. Checked on the real import graph.
 */
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

  it('has no import cycle between files', () => {
    expect(folderCycles(edges, (f) => f)).toEqual([]);
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
      { from: 'a/x.ts', to: 'b/y.ts' }, { from: 'b/y.ts', to: 'a/z.ts' }, { from: 'a/x.ts', to: 'a/z.ts' },
    ]);
    expect(cycles).toEqual([['a', 'b', 'a']]);
  });

  it('finds none in a chain', () => {
    expect(folderCycles([{ from: 'a/x.ts', to: 'b/y.ts' }, { from: 'b/y.ts', to: 'c/z.ts' }])).toEqual([]);
  });
});
