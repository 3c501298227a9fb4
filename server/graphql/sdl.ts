/**
 * The API's schema as SDL text, read from the same sources as buildSchema() (base.graphql, the
 * model's enums, every module's `<name>.graphql`) without loading any resolver: what the code
 * generator reads (codegen.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildASTSchema, concatAST, parse, printSchema, type DocumentNode } from 'graphql';
import { modelEnumsSdl } from './model-enums';
import { MODULES_DIR, defineMissingRootTypes } from './schema';

const BASE_SDL = path.join(__dirname, 'base.graphql');

/** Each module folder's `<name>.graphql`, in name order. */
export function moduleSdlFiles(dir = MODULES_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(dir, d.name, `${d.name}.graphql`))
    .filter((f) => fs.existsSync(f))
    .sort();
}

function parseFile(file: string): DocumentNode {
  try {
    return parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${path.relative(process.cwd(), file)}: ${(e as Error).message}`);
  }
}

/** The whole schema printed as one SDL document (types, enums, descriptions; no resolvers). */
export function schemaSdl(modulesDir = MODULES_DIR): string {
  const docs = defineMissingRootTypes([
    parseFile(BASE_SDL),
    parse(modelEnumsSdl()),
    ...moduleSdlFiles(modulesDir).map(parseFile),
  ]);
  return printSchema(buildASTSchema(concatAST(docs)));
}
