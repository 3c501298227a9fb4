/** Generates the synthetic borough (or force) and loads it, with a progress bar. */
import cliProgress from 'cli-progress';
import { getDriver, database } from '../server/platform/db/driver';
import { load, LoadSummary } from '../server/platform/bulk/loader';
import { generate, Scale } from '../fixtures/generator';
import { forceBaseline, forceParts } from '../fixtures/generator/force';
import type { PopulationBaseline } from '../fixtures/generator/types';
import type { LoadUnit } from '../server/model/types';
import { writeFixture } from '../fixtures/write';
import { storeBaseline } from '../server/modules/analytics';

async function loadWithProgress(units: LoadUnit[], label: string): Promise<LoadSummary> {
  const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} rows | {eta}s left` }, cliProgress.Presets.shades_classic);
  bar.start(units.reduce((s, u) => s + u.rows.length, 0), 0);
  try {
    return await load(getDriver(), units, { database: database(), onProgress: (d) => bar.update(d) });
  } finally {
    bar.stop();
  }
}

export async function seed(scale: Scale, seedValue: number): Promise<LoadSummary> {
  const fixture = generate({ scale, seed: seedValue });
  const dir = writeFixture(fixture);
  console.log(`Generated the synthetic "${scale}" borough (seed ${seedValue}) in ${dir}`);
  const summary = await loadWithProgress(fixture.units, 'Loading');
  // The borough's population baseline travels with the data: disproportionality reads it.
  await storeBaseline({ driver: getDriver(), database: database() }, fixture.baseline);
  return summary;
}

const addSummaries = (a: LoadSummary, b: LoadSummary): LoadSummary => ({
  rows: a.rows + b.rows, nodesCreated: a.nodesCreated + b.nodesCreated, relationshipsCreated: a.relationshipsCreated + b.relationshipsCreated,
  propertiesSet: a.propertiesSet + b.propertiesSet, labelsAdded: a.labelsAdded + b.labelsAdded,
});

/**
 * The synthetic force: its boroughs one at a time (one in memory), then the links between them,
 * through the online loader; each borough's population baseline under its code and the force's
 * as the whole store's. An empty store loads faster offline (`npm run bench -- load --scale force`).
 */
export async function seedForce(seedValue: number, boroughs: number, boroughScale: Scale): Promise<LoadSummary> {
  const store = { driver: getDriver(), database: database() };
  const baselines: PopulationBaseline[] = [];
  let total: LoadSummary | undefined;
  for (const part of forceParts({ seed: seedValue, boroughs, boroughScale })) {
    const label = part.kind === 'borough' ? `Borough ${part.code}` : 'Links between boroughs';
    const summary = await loadWithProgress(part.units, label);
    total = total ? addSummaries(total, summary) : summary;
    if (part.kind === 'borough') {
      baselines.push(part.baseline);
      await storeBaseline(store, part.baseline, part.code);
    }
  }
  await storeBaseline(store, forceBaseline(baselines, boroughs));
  return total!;
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
