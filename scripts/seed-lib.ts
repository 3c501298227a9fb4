/** Generates the synthetic borough and loads it, with a progress bar. */
import cliProgress from 'cli-progress';
import { getDriver, database } from '../server/platform/db/driver';
import { load, LoadSummary } from '../server/platform/bulk/loader';
import { generate, Scale } from '../fixtures/generator';
import { writeFixture } from '../fixtures/write';
import { storeBaseline } from '../server/modules/analytics';

export async function seed(scale: Scale, seedValue: number): Promise<LoadSummary> {
  const fixture = generate({ scale, seed: seedValue });
  const dir = writeFixture(fixture);
  console.log(`Generated the synthetic "${scale}" borough (seed ${seedValue}) in ${dir}`);
  const bar = new cliProgress.SingleBar({ format: 'Loading [{bar}] {percentage}% | {value}/{total} rows | {eta}s left' }, cliProgress.Presets.shades_classic);
  const total = fixture.units.reduce((s, u) => s + u.rows.length, 0);
  bar.start(total, 0);
  let summary: LoadSummary;
  try {
    summary = await load(getDriver(), fixture.units, { database: database(), onProgress: (d) => bar.update(d) });
  } finally {
    bar.stop();
  }
  // The borough's population baseline travels with the data: disproportionality reads it.
  await storeBaseline({ driver: getDriver(), database: database() }, fixture.baseline);
  return summary;
}

export async function seedIfEmpty(scale: Scale, seedValue: number): Promise<void> {
  const { records } = await getDriver().executeQuery('MATCH (n:Entity) RETURN count(n) > 0 AS any', {}, { database: database() });
  if (records[0].get('any')) {
    console.log('Database already holds data: not seeding');
    return;
  }
  const s = await seed(scale, seedValue);
  console.log(`Loaded ${s.nodesCreated} nodes and ${s.relationshipsCreated} relationships`);
}
