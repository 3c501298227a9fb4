/** The unit / integration split: a test lands where what it imports says it belongs. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { testKinds, needsNeo4j, isSlow } = require('../support/test-kinds') as {
  testKinds(): { unit: string[]; integration: string[] };
  needsNeo4j(file: string): boolean;
  isSlow(file: string): boolean;
};

const ROOT = path.resolve(__dirname, '..', '..');
const rel = (files: string[]) => files.map((f) => path.relative(ROOT, f));

describe('test kinds', () => {
  const kinds = testKinds();

  it('puts every test in exactly one project', () => {
    const both = kinds.unit.filter((f) => kinds.integration.includes(f));
    expect(both).toEqual([]);
    expect(kinds.unit.length + kinds.integration.length).toBeGreaterThan(0);
  });

  it('sends every test that imports the database helpers or the API client to integration', () => {
    const direct = [...kinds.unit, ...kinds.integration].filter((f) =>
      /from ['"][./]*(tests\/)?(support\/db|api\/client)['"]/.test(fs.readFileSync(f, 'utf8')));
    expect(direct.length).toBeGreaterThan(0);
    expect(rel(direct).filter((f) => !rel(kinds.integration).includes(f))).toEqual([]);
  });

  it('keeps a test of pure code, and itself, in unit', () => {
    expect(rel(kinds.unit)).toEqual(expect.arrayContaining([
      'server/domain/__tests__/age.test.ts', 'tests/architecture/test-kinds.test.ts',
    ]));
  });

  it('follows test helpers: a helper that imports the database helpers makes its importer integration', () => {
    // fixtures.demo.test.ts imports only ./support/planted-suite, which imports tests/support/db.
    expect(rel(kinds.integration)).toContain('server/modules/analytics/__tests__/fixtures.demo.test.ts');
  });

  it('honours the tag for tests that reach the database another way', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-kinds-'));
    const file = path.join(dir, 'spawns-cli.test.ts');
    fs.writeFileSync(file, `/** Runs the CLI against the test database. @needs ${'neo4j'} */\nit('x', () => undefined);\n`);
    expect(needsNeo4j(file)).toBe(true);
    fs.writeFileSync(file, "import { median } from './median';\nit('x', () => undefined);\n");
    expect(needsNeo4j(file)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs a slow test of pure code with the integration tests, not in the unit run', () => {
    expect(rel(kinds.integration)).toContain('server/modules/resolution/__tests__/matching.borough.test.ts');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-kinds-'));
    const file = path.join(dir, 'whole-borough.test.ts');
    fs.writeFileSync(file, `/** Generates a whole borough. @${'slow'} */\nit('x', () => undefined);\n`);
    expect(isSlow(file)).toBe(true);
    expect(needsNeo4j(file)).toBe(false);
    fs.writeFileSync(file, "import { median } from './median';\nit('x', () => undefined);\n");
    expect(isSlow(file)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
