/**
 * `npm run seed -- --scale borough [--seed N]`: starts or finds Neo4j as `npm start` does,
 * migrates, generates the synthetic borough and loads it (idempotent: seeding twice changes nothing).
 * `--scale force [--boroughs 10] [--borough-scale borough]`: the synthetic force, borough by
 * borough through the online loader (about 7M rows at the defaults: tens of minutes here).
 */
import { withNeo4j } from './with-neo4j';
import type { Scale } from '../fixtures/generator/types';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const scale = (arg('scale') ?? 'demo') as Scale | 'force';
const seedArg = arg('seed');

const BOROUGH_SCALES = ['tiny', 'demo', 'medium', 'borough'];

withNeo4j(async () => {
  if (scale !== 'force' && !BOROUGH_SCALES.includes(scale)) throw new Error(`--scale must be tiny, demo, medium, borough or force; got ${scale}`);
  const { config } = await import('../server/platform/config');
  const seedValue = seedArg === undefined ? config().SEED : Number(seedArg);
  if (!Number.isInteger(seedValue)) throw new Error(`--seed must be a whole number; got ${seedArg}`);
  const { getDriver, database } = await import('../server/platform/db/driver');
  const { migrate } = await import('../server/platform/db/migrate');
  const { seed, seedForce } = await import('./seed-lib');
  const { DEFAULT_FORCE_BOROUGHS } = await import('../fixtures/generator/force');
  const seedForceFromArgs = (seedValue: number) => {
    const boroughs = Number(arg('boroughs') ?? DEFAULT_FORCE_BOROUGHS);
    const boroughScale = (arg('borough-scale') ?? 'borough') as Scale;
    if (!BOROUGH_SCALES.includes(boroughScale)) throw new Error(`--borough-scale must be tiny, demo, medium or borough; got ${boroughScale}`);
    return seedForce(seedValue, boroughs, boroughScale);
  };
  await migrate(getDriver(), database());
  const started = Date.now();
  const s = scale === 'force' ? await seedForceFromArgs(seedValue) : await seed(scale, seedValue);
  const secs = (Date.now() - started) / 1000;
  console.log(`Loaded ${s.rows} rows in ${secs.toFixed(1)} s (${Math.round(s.rows / secs)} rows/s): ` +
    `${s.nodesCreated} nodes and ${s.relationshipsCreated} relationships created`);
}).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
