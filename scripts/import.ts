/**
 * `npm run import -- <file|folder>… [--mapping m.json]… [--apply] [--resolve] [--justification "…"] [--json]`
 * Dry run by default: prints what would change and every error. With --apply (and no error) the
 * whole import is written, or nothing is (server/modules/import/run.ts). Exit code 1 when any row is rejected.
 * Also exports withDatabase() for the other data-management commands (review, erase).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportReport } from '../server/modules/import/run';
import { formatGroups } from '../server/modules/import/issue-groups';
import cliProgress from 'cli-progress';
import { resolveNeo4j, RunningNeo4j } from './neo4j/launch';
import { config, resetConfig } from '../server/platform/config';
import type { Driver } from 'neo4j-driver';
import { describeTarget, targetLine, confirmWrite, Found, Target } from './target';


/**
 * Runs fn against the configured Neo4j: NEO4J_URI, a running `npm start`, or the embedded store.
 * First prints which Neo4j it is (address, database, record counts) on stderr; with `writes`,
 * a store that is not this checkout's needs a confirmation or `yes`.
 */
export async function withDatabase<T>(
  fn: (driver: Driver, database: string, target: Target) => Promise<T>, opts: { writes?: boolean; yes?: boolean } = {},
): Promise<T> {
  const c0 = config();
  let neo: RunningNeo4j | undefined;
  let found: Found = 'NEO4J_URI';
  if (!c0.NEO4J_URI) {
    // A running `npm start` of this data folder is used as it is; otherwise the store is opened here.
    neo = await resolveNeo4j({ dataDir: c0.NEO4J_DATA_DIR, port: c0.NEO4J_BOLT_PORT, pageCacheMb: c0.NEO4J_PAGECACHE_MB, heap: c0.NEO4J_HEAP, log: () => undefined });
    Object.assign(process.env, { NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password });
    found = neo.how === 'attached' ? 'running instance' : 'embedded';
    resetConfig();
  }
  const { getDriver, closeDriver, database } = await import('../server/platform/db/driver');
  try {
    if (neo && neo.how !== 'attached') {
      const { migrate } = await import('../server/platform/db/migrate');
      await migrate(getDriver(), database());
    }
    const target = await describeTarget(getDriver(), database(), config().NEO4J_URI ?? '', found, c0.NEO4J_DATA_DIR);
    console.error(targetLine(target));
    if (opts.writes && !(await confirmWrite(target, !!opts.yes))) throw new Error('Nothing written: the target was not confirmed.');
    return await fn(getDriver(), database(), target);
  } finally {
    await closeDriver();
    await neo?.stop();
  }
}

interface Args {
  targets: string[]; mappings: string[]; apply: boolean; json: boolean; resolve: boolean; justification?: string;
  skipInvalid: boolean; yes: boolean; allErrors: boolean; out?: string;
}

const USAGE = 'Usage: npm run import -- <file|folder>… [--mapping m.json]… [--apply [--yes]] [--skip-invalid [--out dir]] [--resolve] [--justification "…"] [--all-errors] [--json]';

function parseArgs(argv: string[]): Args {
  const a: Args = { targets: [], mappings: [], apply: false, json: false, resolve: false, skipInvalid: false, yes: false, allErrors: false };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    if (v === '--apply') a.apply = true;
    else if (v === '--json') a.json = true;
    else if (v === '--resolve') a.resolve = true;
    else if (v === '--mapping') a.mappings.push(argv[++i]);
    else if (v === '--justification') a.justification = argv[++i];
    else if (v === '--skip-invalid') a.skipInvalid = true;
    else if (v === '--yes') a.yes = true;
    else if (v === '--all-errors') a.allErrors = true;
    else if (v === '--out') a.out = argv[++i];
    else if (v.startsWith('--')) throw new Error(`unknown option ${v}`);
    else a.targets.push(v);
  }
  if (a.targets.length === 0) throw new Error(USAGE);
  return a;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { readMapping } = await import('../server/modules/import/mapping');
  const { runImport } = await import('../server/modules/import/run');
  const mappings = args.mappings.map(readMapping);
  const bar = new cliProgress.SingleBar({ format: '{phase} [{bar}] {percentage}% | {eta}s left', stream: process.stderr }, cliProgress.Presets.shades_classic);
  let phase = '';
  const outDir = args.out ?? path.join('import-reports', new Date().toISOString().replace(/[:.]/g, '-'));
  const report = await withDatabase((driver, database) => runImport(driver, args.targets, {
    database, mappings, apply: args.apply, resolve: args.resolve, justification: args.justification, actor: 'cli-import',
    skipInvalid: args.skipInvalid, quarantineDir: args.skipInvalid ? outDir : undefined,
    onProgress: (p, done, total) => {
      if (p !== phase) { if (phase) bar.stop(); phase = p; bar.start(total, 0, { phase: p === 'read' ? 'Reading' : 'Writing' }); }
      bar.update(done);
    },
  }), { writes: args.apply, yes: args.yes });
  if (phase) bar.stop();
  if (args.skipInvalid) {
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'report.json'), JSON.stringify(report, null, 2));
  }
  if (args.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    printSummary(report, args);
    for (const c of report.changes) console.log(`CHANGE ${c.type} ${c.id}: ${c.fields.join(', ')}`);
    for (const w of report.warnings) {
      const said = w.quoted ? ' (in quoted speech: keep the words, and record the harm from others)' : ` (say instead: ${w.suggestion})`;
      console.log(`LANGUAGE ${w.file}, row ${w.row}, column "${w.column}": "${w.phrase}"${said}`);
    }
    console.log(`\nread ${report.read} rows · created ${report.created} · updated ${report.updated} · unchanged ${report.unchanged} · rejected ${report.rejected} rows` +
      ` (created/updated/unchanged count records: nodes and relationships)`);
    if (report.resolution) console.log(`Entity resolution: ${report.resolution.compared} candidate pairs compared, ${report.resolution.proposed} possible duplicate(s) proposed for review`);
    const undone = report.undone ? ` (${report.undone} record(s) written while checking were undone)` : '';
    const clean = !report.issues.length || (report.quarantine && report.quarantine.rows === report.rejected);
    console.log(report.applied ? `Applied${report.quarantine?.rows ? ' (the valid rows)' : ''}.` : !clean ? `Nothing written${undone}: fix the errors above and run again.`
      : args.apply ? 'Nothing to write.' : 'Dry run: nothing written. Add --apply to write.');
  }
  process.exitCode = report.issues.length && !(report.applied && args.skipInvalid) ? 1 : 0;
}

function printSummary(report: ImportReport, args: Args): void {
  for (const f of report.files) {
    const left = [f.filtered ? `${f.filtered} left out by the mapping's where` : '', f.repeated ? `${f.repeated} repeating an id already read` : ''].filter(Boolean);
    console.log(`${f.file}: ${f.rows} rows${left.length ? ` (${left.join(', ')})` : ''}, ${f.encoding ?? 'unreadable'}, mapping ${f.mapping ?? '(none)'}`);
  }
  for (const fb of report.fallbacks) console.log(`FALLBACK ${fb.field} ${JSON.stringify(fb.code)} (no translation): ${fb.rows} row(s)`);
  if (args.allErrors) for (const i of report.issues) console.log(`ERROR ${i.file}, line ${i.row}, column "${i.column}": ${i.reason}`);
  else if (report.issues.length) {
    console.log(`${report.issues.length} problem(s) in ${report.rejected} row(s), by reason (line numbers as a spreadsheet shows them; --all-errors lists each):`);
    for (const line of formatGroups(report.issueGroups)) console.log(`  ${line}`);
  }
  if (report.quarantine) {
    console.log(`Quarantine: ${report.quarantine.rows} row(s) left out (${report.quarantine.rounds} checking round(s))`);
    for (const f of report.quarantine.files) console.log(`  rejected rows with their reasons: ${f}`);
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  });
}
