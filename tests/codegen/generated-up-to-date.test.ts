/**
 * The committed generated types (npm run codegen) are what the SDL and the workspace's operations
 * produce now: regenerated in memory and compared file by file, so a change to a .graphql file
 * without `npm run codegen` fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateTypes, ROOT, type GeneratedFile } from '../../scripts/codegen/generate';
import { CLIENT_TYPES, SERVER_TYPES } from '../../codegen';
import { schemaSdl } from '../../server/graphql/sdl';

const byName = (files: GeneratedFile[]): Map<string, string> => new Map(files.map((f) => [f.filename, f.content]));

describe('generated GraphQL types', () => {
  let fresh: Map<string, string>;

  beforeAll(async () => {
    fresh = byName(await generateTypes());
  });

  it.each([SERVER_TYPES, CLIENT_TYPES])('%s matches a fresh generation (else run npm run codegen)', (file) => {
    expect(fresh.has(file)).toBe(true);
    expect(fs.readFileSync(path.join(ROOT, file), 'utf8')).toBe(fresh.get(file));
  });

  it('types each operation the workspace sends with its result and variables', () => {
    const client = fresh.get(CLIENT_TYPES) ?? '';
    const operations = fs.readdirSync(path.join(ROOT, 'client/src/api/operations'))
      .flatMap((f) => [...fs.readFileSync(path.join(ROOT, 'client/src/api/operations', f), 'utf8').matchAll(/^(query|mutation) (\w+)/gm)]);
    expect(operations.length).toBeGreaterThan(10);
    for (const [, kind, name] of operations) {
      const type = `${name}${kind === 'query' ? 'Query' : 'Mutation'}`;
      expect(client).toContain(`export const ${name}Document = `);
      expect(client).toContain(`as unknown as DocumentNode<${type}, ${type}Variables>;`);
    }
  });

  it('gives different output when the SDL changes', async () => {
    const sdl = schemaSdl().replace(/type HotspotsResult \{/, 'type HotspotsResult {\n  addedForTheTest: Int!');
    const changed = byName(await generateTypes({ sdl }));
    expect(changed.get(SERVER_TYPES)).toContain('addedForTheTest');
    expect(changed.get(SERVER_TYPES)).not.toBe(fresh.get(SERVER_TYPES));
  });

  it('names the operations file when an operation does not match the SDL', async () => {
    const sdl = schemaSdl().replace(/\n  coPresenceEvents: Int!/, '');
    await expect(generateTypes({ sdl })).rejects.toThrow(/Cannot query field "coPresenceEvents"[\s\S]*client\/src\/api\/operations\/analytics\.graphql:\d+:\d+/);
  });
});
