/**
 * The executable schema: base SDL + model enums + every module found under server/modules/.
 * A module is a folder `server/modules/<concept>/` holding `<concept>.graphql` (using
 * `extend type Query { … }` / `extend type Mutation { … }`) and `<concept>.resolvers.ts`
 * exporting `resolvers`. No central list to edit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { mergeResolvers } from '@graphql-tools/merge';
import { modelEnumsSdl } from './model-enums';
import { scalarResolvers } from './scalars';
import { baseResolvers } from './base.resolvers';

export const MODULES_DIR = path.resolve(__dirname, '..', 'modules');
const BASE_SDL = path.join(__dirname, 'base.graphql');

export interface ModuleDef { name: string; typeDefs: DocumentNode; resolvers: Record<string, unknown> }

/** Module folders present on disk (optionally only the named ones). */
export function discoverModules(only?: readonly string[], dir = MODULES_DIR): ModuleDef[] {
  if (!fs.existsSync(dir)) return [];
  const names = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const out: ModuleDef[] = [];
  for (const name of names) {
    if (only && !only.includes(name)) continue;
    const sdl = path.join(dir, name, `${name}.graphql`);
    if (!fs.existsSync(sdl)) continue;
    const resolverFile = ['ts', 'js'].map((ext) => path.join(dir, name, `${name}.resolvers.${ext}`)).find((f) => fs.existsSync(f));
    let resolvers: Record<string, unknown> = {};
    if (resolverFile) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(resolverFile) as { resolvers?: Record<string, unknown> };
      if (!mod.resolvers) throw new Error(`${path.relative(process.cwd(), resolverFile)} must export "resolvers"`);
      resolvers = mod.resolvers;
    }
    try {
      out.push({ name, typeDefs: parse(fs.readFileSync(sdl, 'utf8')), resolvers });
    } catch (e) {
      throw new Error(`${path.relative(process.cwd(), sdl)}: ${(e as Error).message}`);
    }
  }
  return out;
}

/**
 * graphql-js refuses `extend type Mutation` when no module defines Mutation: the first extension
 * of a root type that has no definition becomes its definition.
 */
export function defineMissingRootTypes(docs: DocumentNode[]): DocumentNode[] {
  const defined = new Set(docs.flatMap((d) => d.definitions).filter((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION).map((d) => (d as { name: { value: string } }).name.value));
  return docs.map((doc) => ({
    ...doc,
    definitions: doc.definitions.map((d) => {
      if (d.kind !== Kind.OBJECT_TYPE_EXTENSION || defined.has(d.name.value) || !['Query', 'Mutation'].includes(d.name.value)) return d;
      defined.add(d.name.value);
      return { ...d, kind: Kind.OBJECT_TYPE_DEFINITION } as unknown as typeof d;
    }),
  }));
}

export function buildSchema(opts: { modules?: readonly string[]; modulesDir?: string } = {}): GraphQLSchema {
  const modules = discoverModules(opts.modules, opts.modulesDir);
  const docs = defineMissingRootTypes([
    parse(fs.readFileSync(BASE_SDL, 'utf8')),
    parse(modelEnumsSdl()),
    ...modules.map((m) => m.typeDefs),
  ]);
  return makeExecutableSchema({
    typeDefs: docs,
    resolvers: mergeResolvers([scalarResolvers, baseResolvers, ...modules.map((m) => m.resolvers)] as never),
  });
}
