/**
 * `npm run briefing -- --quarter 2025-Q3 --edition partner --out <dir>` builds the quarterly
 * briefing pack (HTML, PDF, one CSV per table) with a progress bar. Finds Neo4j like `npm run
 * seed` (NEO4J_URI if set, else the embedded launcher). Logged as a disclosure in the access log.
 * Options: --role (whose view: a role holding the edition in the access matrix, by default the
 * first such role), --author "Name",
 * --marking OFFICIAL|OFFICIAL-SENSITIVE, --formats html,pdf,csv, --justification "why",
 * --borough CODE (one borough of a store that holds several: a force).
 */
import path from 'node:path';
import cliProgress from 'cli-progress';
import { withNeo4j } from './with-neo4j';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const USAGE = 'usage: npm run briefing -- --quarter 2025-Q3 --edition partner|restricted --out <dir> [--role police|lead] [--author "Name"] [--marking OFFICIAL-SENSITIVE] [--formats html,pdf,csv] [--borough B03]';

async function main(): Promise<void> {
  if (process.argv.includes('--help')) { console.log(USAGE); return; }
  const quarter = arg('quarter');
  const edition = arg('edition') ?? 'partner';
  const out = arg('out');
  if (!quarter || !out) throw new Error(`--quarter and --out are required\n${USAGE}`);
  const { editionRole } = await import('../server/modules/briefing/edition-access');
  const role = editionRole(edition, arg('role'));
  const formats = (arg('formats') ?? 'html,pdf,csv').split(',') as Array<'html' | 'pdf' | 'csv'>;
  const { resolveOptions, buildBriefing, BRIEFING_STEPS } = await import('../server/modules/briefing');
  const options = { quarter, edition: edition.toLowerCase() as 'partner', author: { name: arg('author') ?? 'Briefing CLI', role }, marking: arg('marking') as 'OFFICIAL' | undefined, formats, boroughCode: arg('borough') ?? null };
  resolveOptions(options); // bad input fails before Neo4j starts
  await withNeo4j(async () => {
    const { getDriver, database } = await import('../server/platform/db/driver');
    const { appendAccessLog, systemActor } = await import('../server/modules/accesslog/access-log');
    const driver = getDriver();
    const bar = new cliProgress.SingleBar({ format: 'Briefing [{bar}] {percentage}% | {step}' }, cliProgress.Presets.shades_classic);
    bar.start(BRIEFING_STEPS, 0, { step: 'gathering' });
    let done = 0;
    const started = Date.now();
    try {
      const result = await buildBriefing({ driver, database: database() }, options, path.resolve(out), {
        progress: (step) => bar.update(++done, { step }),
        beforeRelease: async (r) => {
          await appendAccessLog(systemActor('briefing-cli', driver, database()), {
            operation: 'disclosure', justification: arg('justification') ?? `Quarterly briefing ${r.quarter} (${r.edition} edition)`,
            ids: r.personIds, detail: { quarter: r.quarter, edition: r.edition, role, files: r.files.map((f) => f.name), recipient: 'briefing distribution' },
          });
        },
      });
      bar.update(BRIEFING_STEPS, { step: 'done' });
      bar.stop();
      console.log(`Briefing ${result.quarter} (${result.edition}) in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
      for (const f of result.files.filter((x) => x.kind !== 'csv')) console.log(`  ${f.path}`);
      const csv = result.files.filter((x) => x.kind === 'csv');
      if (csv.length) console.log(`  ${csv.length} CSV files in ${path.dirname(csv[0].path)}`);
    } finally {
      bar.stop();
    }
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
