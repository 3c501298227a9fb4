/**
 * Which test files need the real Neo4j ("integration") and which run on their own ("unit").
 *
 * A test needs Neo4j when it, or a test helper it imports (a file under tests/ or a __tests__
 * folder), imports one of NEEDS_NEO4J: the database helpers, the HTTP API client or the browser
 * harness (both serve the API over the real database). A test that reaches the database some
 * other way (a CLI it spawns, say) says so in its own text with the tag `@needs neo4j`.
 * A test of pure code too slow for the quick unit run (one that generates a whole borough) says
 * so with the tag `@slow`: it runs with the integration tests, so `npm test` still runs it.
 * Production code a test imports is not followed: importing a module that could open a driver
 * does not open one.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const NEEDS_NEO4J = ['tests/support/db.ts', 'tests/api/client.ts', 'tests/e2e/support/harness.ts']
  .map((f) => path.join(ROOT, f));
const SEARCHED = ['server', 'fixtures', 'scripts', 'tests', 'client'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.data']);
const IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;
const TAG = /@needs neo4j\b/;
const SLOW = /@slow\b/;

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return SKIPPED_DIRS.has(d.name) ? [] : testFiles(p);
    return d.name.endsWith('.test.ts') ? [p] : [];
  });
}

function resolveImport(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  return ['.ts', '/index.ts', '.js', ''].map((e) => base + e)
    .find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
}

const isTestCode = (file) => {
  const rel = path.relative(ROOT, file);
  return rel.startsWith(`tests${path.sep}`) || rel.split(path.sep).includes('__tests__');
};

/** Does this file, or test code it imports (transitively), need Neo4j? */
function needsNeo4j(file, seen = new Set()) {
  if (NEEDS_NEO4J.includes(file)) return true;
  if (seen.has(file)) return false;
  seen.add(file);
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.test.ts') && TAG.test(text)) return true;
  return [...text.matchAll(IMPORT)].some((m) => {
    const target = resolveImport(file, m[1]);
    return target !== undefined && isTestCode(target) && needsNeo4j(target, seen);
  });
}

/** A test of pure code that is too slow for the unit run. */
const isSlow = (file) => SLOW.test(fs.readFileSync(file, 'utf8'));

/** Every test file under the searched folders, split by what it needs. */
function testKinds(root = ROOT) {
  const all = SEARCHED.flatMap((d) => testFiles(path.join(root, d))).sort();
  const integration = all.filter((f) => needsNeo4j(f) || isSlow(f));
  return { unit: all.filter((f) => !integration.includes(f)), integration };
}

module.exports = { testKinds, needsNeo4j, isSlow };
