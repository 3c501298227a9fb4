/**
 * `npm test`: everything a fresh machine needs, then every test against a real Neo4j.
 *  1. Debian's Chromium for the browser and PDF tests (installed with apt-get when missing);
 *  2. the TypeScript type check;
 *  3. jest, whose global set-up starts Neo4j (NEO4J_URI, else the embedded launcher, else
 *     testcontainers) and applies the schema.
 * Extra arguments go to jest, e.g. `npm test -- server/platform`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const run = (cmd: string, args: string[]): number =>
  spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

function ensureChromium(): void {
  if (fs.existsSync('/usr/bin/chromium')) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error('Chromium is missing: install Debian\'s chromium package (apt-get install -y chromium)');
    process.exit(1);
  }
  console.log('Installing Debian\'s Chromium for the browser tests…');
  if (run('apt-get', ['update', '-qq']) !== 0 || run('apt-get', ['install', '-y', '-qq', 'chromium', 'poppler-utils']) !== 0) {
    console.error('apt-get could not install chromium');
    process.exit(1);
  }
}

ensureChromium();
if (!fs.existsSync('/usr/bin/pdftoppm') && process.getuid?.() === 0) run('apt-get', ['install', '-y', '-qq', 'poppler-utils']);
const extra = process.argv.slice(2);
if (extra.length === 0) {
  console.log('Type check…');
  if (run('npx', ['tsc', '--noEmit', '-p', '.']) !== 0) process.exit(1);
}

// CI reads a plain closing line "N passed, N failed": print it from jest's own JSON results.
const resultsFile = `.data/jest-results-${process.pid}.json`;
fs.mkdirSync('.data', { recursive: true });
const status = run('npx', ['jest', '--ci', '--json', `--outputFile=${resultsFile}`, ...extra]);
let summary = 'tests: 0 passed, 1 failed';
if (fs.existsSync(resultsFile)) {
  const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  summary = `tests: ${r.numPassedTests} passed, ${failed} failed, ${r.numPendingTests} skipped`;
  fs.rmSync(resultsFile);
}
console.log(summary);
process.exit(status);
