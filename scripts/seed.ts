/**
 * `npm run seed -- --scale borough [--seed N]`: starts or finds Neo4j as `npm start` does,
 * migrates, generates the synthetic borough and loads it (idempotent: seeding twice changes nothing).
 */
import { withNeo4j } from './with-neo4j';
import type { Scale } from '../fixtures/generator/types';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const scale = (arg('scale') ?? 'demo') as Scale;
const seedArg = arg('seed');

withNeo4j(async () => {
  if (!['tiny', 'demo', 'medium', 'borough'].includes(scale)) throw new Error(`--scale must be tiny, demo, medium or borough; got ${scale}`);
  const { config } = await import('../server/platform/config');
  const seedValue = seedArg === undefined ? config().SEED : Number(seedArg);
  if (!Number.isInteger(seedValue)) throw new Error(`--seed must be a whole number; got ${seedArg}`);
  const { getDriver, database } = await import('../server/platform/db/driver');
  const { migrate } = await import('../server/platform/db/migrate');
  const { seed } = await import('./seed-lib');
  await migrate(getDriver(), database());
  const started = Date.now();
  const s = await seed(scale, seedValue);
  const secs = (Date.now() - started) / 1000;
  console.log(`Loaded ${s.rows} rows in ${secs.toFixed(1)} s (${Math.round(s.rows / secs)} rows/s): ` +
    `${s.nodesCreated} nodes and ${s.relationshipsCreated} relationships created`);
}).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
