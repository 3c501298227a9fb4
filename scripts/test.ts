/**
 * `npm test`: everything a fresh machine needs, then every test against a real Neo4j.
 *  1. Debian's Chromium for the browser and PDF tests (installed with apt-get when missing);
 *  2. the TypeScript type check;
 *  3. jest, whose global set-up starts Neo4j (NEO4J_URI, else the embedded launcher, else
 *     testcontainers) and applies the schema.
 * Extra arguments go to jest, e.g. `npm test -- server/platform`.
 * `--faults` runs the fault and operations tests instead (jest.faults.config.js: each starts the
 * product itself and kills processes; `npm run test:faults`); `--with-faults` runs them after the
 * main suite, with one closing line for both.
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
const args = process.argv.slice(2);
const faultsOnly = args.includes('--faults');
const withFaults = args.includes('--with-faults');
const extra = args.filter((a) => a !== '--faults' && a !== '--with-faults');
if (extra.length === 0 && !faultsOnly) {
  console.log('Type check…');
  if (run('npx', ['tsc', '--noEmit', '-p', '.']) !== 0) process.exit(1);
}

// CI reads a plain closing line "N passed, N failed": print it from jest's own JSON results.
interface Outcome { status: number; passed: number; failed: number; skipped: number }
function jest(jestArgs: string[]): Outcome {
  const resultsFile = `.data/jest-results-${process.pid}.json`;
  fs.mkdirSync('.data', { recursive: true });
  const status = run('npx', ['jest', '--ci', '--json', `--outputFile=${resultsFile}`, ...jestArgs]);
  if (!fs.existsSync(resultsFile)) return { status: status || 1, passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  fs.rmSync(resultsFile);
  return { status, passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0), skipped: r.numPendingTests };
}

const outcomes: Outcome[] = [];
if (!faultsOnly) outcomes.push(jest(extra));
if (faultsOnly || withFaults) outcomes.push(jest(['--config', 'jest.faults.config.js', ...(faultsOnly ? extra : [])]));
const sum = (k: keyof Outcome) => outcomes.reduce((n, o) => n + o[k], 0);
console.log(`tests: ${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
process.exit(outcomes.find((o) => o.status !== 0)?.status ?? 0);
