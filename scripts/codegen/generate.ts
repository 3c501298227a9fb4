/**
 * Runs GraphQL Code Generator's core on codegen.ts's outputs: the schema from the SDL, each
 * output's operations from its .graphql files, its plugins by name. Returns the files' text
 * without writing them (the codegen script writes; the drift test compares).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, lexicographicSortSchema, parse, printSchema, Source, type GraphQLSchema } from 'graphql';
import { codegen } from '@graphql-codegen/core';
import type { CodegenPlugin, Types } from '@graphql-codegen/plugin-helpers';
import * as add from '@graphql-codegen/add';
import * as typescript from '@graphql-codegen/typescript';
import * as typescriptResolvers from '@graphql-codegen/typescript-resolvers';
import * as typescriptOperations from '@graphql-codegen/typescript-operations';
import * as typedDocumentNode from '@graphql-codegen/typed-document-node';
import { OUTPUTS, type Output } from '../../codegen';
import { schemaSdl } from '../../server/graphql/sdl';

export const ROOT = path.resolve(__dirname, '..', '..');

const PLUGINS: Record<string, CodegenPlugin> = {
  add, typescript, 'typescript-resolvers': typescriptResolvers, 'typescript-operations': typescriptOperations, 'typed-document-node': typedDocumentNode,
};

export interface GeneratedFile { filename: string; content: string }

/** The .graphql files a pattern such as `dir/*.graphql` names, in name order. */
export function operationFiles(pattern: string, root = ROOT): string[] {
  const dir = path.join(root, path.dirname(pattern));
  const suffix = path.basename(pattern).replace(/^\*/, '');
  return fs.readdirSync(dir).filter((f) => f.endsWith(suffix)).sort().map((f) => path.join(dir, f));
}

function documents(pattern: string | undefined, root: string): Types.DocumentFile[] {
  if (!pattern) return [];
  return operationFiles(pattern, root).map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const location = path.relative(root, file);
    try {
      return { location, document: parse(new Source(text, location)), rawSDL: text };
    } catch (e) {
      throw new Error(`${location}: ${(e as Error).message}`);
    }
  });
}

function pluginEntries(plugins: Output['plugins']): Types.ConfiguredPlugin[] {
  return plugins.map((p) => (typeof p === 'string' ? { [p]: {} } : p));
}

async function generateOne(filename: string, out: Output, schemaAst: GraphQLSchema, root: string): Promise<GeneratedFile> {
  const plugins = pluginEntries(out.plugins);
  const content = await codegen({
    filename, schema: parse(printSchema(schemaAst)), schemaAst, config: out.config, plugins, documents: documents(out.documents, root),
    pluginMap: Object.fromEntries(plugins.map((p) => Object.keys(p)[0]).map((name) => [name, PLUGINS[name]])),
  });
  return { filename, content };
}

/** Every output of codegen.ts, generated from the SDL and operations under `root`. */
export async function generateTypes(opts: { sdl?: string; root?: string } = {}): Promise<GeneratedFile[]> {
  const root = opts.root ?? ROOT;
  // Sorted by name, as the command line sorts it: the output does not depend on file order.
  const schema = lexicographicSortSchema(buildSchema(opts.sdl ?? schemaSdl()));
  return Promise.all(Object.entries(OUTPUTS).map(([filename, out]) => generateOne(filename, out, schema, root)));
}
