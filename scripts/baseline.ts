/**
 * `npm run baseline [-- --census <file.csv>] [--local <file.csv>] [--description "…"] [--yes]`
 * Reads the borough's population baseline (children 10–17) from a Census 2021 table in the ONS
 * download layout and, optionally, a file of local counts (SEN provision, care status), prints it,
 * and stores it where disproportionality and the briefing pack read it, replacing the one held.
 * Without arguments the files are the ones the borough file names (`populationBaseline`).
 */
import path from 'node:path';
import { withDatabase } from './import';
import { borough } from '../server/platform/borough';
import { readPopulationBaseline } from '../server/modules/import/census-population';
import { storeBaseline } from '../server/modules/analytics';

const USAGE = 'Usage: npm run baseline [-- --census census.csv [--local sen-care.csv] --description "what the figures are"] [--yes]';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) throw new Error(`--${name} needs a value. ${USAGE}`);
  return v;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const census = option(args, 'census');
  const configured = borough().populationBaseline;
  const files = census
    ? { census: path.resolve(census), local: option(args, 'local') && path.resolve(option(args, 'local')!), description: option(args, 'description') ?? '' }
    : configured;
  if (!files) throw new Error(`No population baseline is configured in ${borough().file} (populationBaseline) and no --census file was given. ${USAGE}`);
  if (!files.description.trim()) throw new Error(`--description is needed with --census: the pack prints it under "Population baseline". ${USAGE}`);
  const baseline = await readPopulationBaseline({ census: files.census, ...(files.local ? { local: files.local } : {}), description: files.description });
  console.log(`Population baseline: ${baseline.total.toLocaleString('en-GB')} children aged 10–17`);
  for (const [name, by] of Object.entries({ sex: baseline.bySex, 'age band': baseline.byAgeBand, ethnicity: baseline.byEthnicity, SEN: baseline.bySen, 'care status': baseline.byCareStatus })) {
    const parts = Object.entries(by).map(([k, n]) => `${k} ${n}`);
    console.log(`  by ${name}: ${parts.length ? parts.join(', ') : 'not given'}`);
  }
  await withDatabase((driver, database) => storeBaseline({ driver, database }, baseline), { writes: true, yes: args.includes('--yes') });
  console.log('Stored: disproportionality and the briefing pack now compare with it.');
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
