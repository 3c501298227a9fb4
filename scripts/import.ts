/**
 * `npm run import -- <file|folder>… [--mapping m.json]… [--apply] [--resolve] [--justification "…"] [--json]`
 * Dry run by default: prints what would change and every error. With --apply (and no error) the
 * whole import is written, or nothing is (server/modules/import/run.ts). Exit code 1 when any row is rejected.
 * Also exports withDatabase() for the other data-management commands (review, erase).
 */
import net from 'node:net';
import cliProgress from 'cli-progress';
import { resolveNeo4j, RunningNeo4j } from './neo4j/launch';
import { config, resetConfig } from '../server/platform/config';
import type { Driver } from 'neo4j-driver';

const portOpen = (port: number): Promise<boolean> => new Promise((resolve) => {
  const s = net.connect({ host: '127.0.0.1', port }, () => { s.end(); resolve(true); });
  s.on('error', () => resolve(false));
});

/** Runs fn against the configured Neo4j: NEO4J_URI, a running `npm start`, or the embedded store. */
export async function withDatabase<T>(fn: (driver: Driver, database: string) => Promise<T>): Promise<T> {
  const c0 = config();
  let neo: RunningNeo4j | undefined;
  if (!c0.NEO4J_URI) {
    if (await portOpen(c0.NEO4J_BOLT_PORT)) {
      process.env.NEO4J_URI = `bolt://127.0.0.1:${c0.NEO4J_BOLT_PORT}`;
    } else {
      neo = await resolveNeo4j({ dataDir: c0.NEO4J_DATA_DIR, port: c0.NEO4J_BOLT_PORT, pageCacheMb: c0.NEO4J_PAGECACHE_MB, heap: c0.NEO4J_HEAP, log: () => undefined });
      Object.assign(process.env, { NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password });
    }
    resetConfig();
  }
  const { getDriver, closeDriver, database } = await import('../server/platform/db/driver');
  try {
    if (neo) {
      const { migrate } = await import('../server/platform/db/migrate');
      await migrate(getDriver(), database());
    }
    return await fn(getDriver(), database());
  } finally {
    await closeDriver();
    await neo?.stop();
  }
}

interface Args { targets: string[]; mappings: string[]; apply: boolean; json: boolean; resolve: boolean; justification?: string }

function parseArgs(argv: string[]): Args {
  const a: Args = { targets: [], mappings: [], apply: false, json: false, resolve: false };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    if (v === '--apply') a.apply = true;
    else if (v === '--json') a.json = true;
    else if (v === '--resolve') a.resolve = true;
    else if (v === '--mapping') a.mappings.push(argv[++i]);
    else if (v === '--justification') a.justification = argv[++i];
    else if (v.startsWith('--')) throw new Error(`unknown option ${v}`);
    else a.targets.push(v);
  }
  if (a.targets.length === 0) throw new Error('Usage: npm run import -- <file|folder>… [--mapping m.json]… [--apply] [--resolve] [--justification "…"] [--json]');
  return a;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { readMapping } = await import('../server/modules/import/mapping');
  const { runImport } = await import('../server/modules/import/run');
  const mappings = args.mappings.map(readMapping);
  const bar = new cliProgress.SingleBar({ format: '{phase} [{bar}] {percentage}% | {eta}s left', stream: process.stderr }, cliProgress.Presets.shades_classic);
  let phase = '';
  const report = await withDatabase((driver, database) => runImport(driver, args.targets, {
    database, mappings, apply: args.apply, resolve: args.resolve, justification: args.justification, actor: 'cli-import',
    onProgress: (p, done, total) => {
      if (p !== phase) { if (phase) bar.stop(); phase = p; bar.start(total, 0, { phase: p === 'read' ? 'Reading' : 'Writing' }); }
      bar.update(done);
    },
  }));
  if (phase) bar.stop();
  if (args.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    for (const f of report.files) console.log(`${f.file}: ${f.rows} rows, ${f.encoding ?? 'unreadable'}, mapping ${f.mapping ?? '(none)'}`);
    for (const i of report.issues) console.log(`ERROR ${i.file}, row ${i.row}, column "${i.column}": ${i.reason}`);
    for (const c of report.changes) console.log(`CHANGE ${c.type} ${c.id}: ${c.fields.join(', ')}`);
    for (const w of report.warnings) console.log(`LANGUAGE ${w.file}, row ${w.row}, column "${w.column}": "${w.phrase}" (say instead: ${w.suggestion})`);
    console.log(`\nread ${report.read} rows · created ${report.created} · updated ${report.updated} · unchanged ${report.unchanged} · rejected ${report.rejected} rows` +
      ` (created/updated/unchanged count records: nodes and relationships)`);
    if (report.resolution) console.log(`Entity resolution: ${report.resolution.compared} candidate pairs compared, ${report.resolution.proposed} possible duplicate(s) proposed for review`);
    const undone = report.undone ? ` (${report.undone} record(s) written while checking were undone)` : '';
    console.log(report.applied ? 'Applied.' : report.issues.length ? `Nothing written${undone}: fix the errors above and run again.`
      : args.apply ? 'Nothing to write.' : 'Dry run: nothing written. Add --apply to write.');
  }
  process.exitCode = report.issues.length ? 1 : 0;
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  });
}
