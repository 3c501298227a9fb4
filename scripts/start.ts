/**
 * `npm start`: the embedded default. Starts Neo4j (NEO4J_URI if set, else the embedded launcher),
 * applies the schema, loads the synthetic `demo` borough if the database is empty, and serves
 * the API and workspace on http://127.0.0.1:4000.
 */
import { resolveNeo4j } from './neo4j/launch';
import { config, resetConfig } from '../server/platform/config';
import { productionProblems, refusal } from '../server/ops/production';

async function main(): Promise<void> {
  const c0 = config();
  const problems = productionProblems(c0);
  if (problems.length) throw new Error(refusal(problems));
  const neo = await resolveNeo4j({
    dataDir: c0.NEO4J_DATA_DIR, port: c0.NEO4J_BOLT_PORT, pageCacheMb: c0.NEO4J_PAGECACHE_MB, heap: c0.NEO4J_HEAP, supervise: true,
  });
  Object.assign(process.env, { NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password });
  resetConfig();
  const c = config();
  // Imported after the environment is final: modules below read config once.
  const { getDriver, closeDriver } = await import('../server/platform/db/driver');
  const { migrate } = await import('../server/platform/db/migrate');
  const { seedIfEmpty } = await import('./seed-lib');
  const { undoInterruptedImports } = await import('../server/modules/import/recover');
  const { startServer } = await import('../server/main');
  const { buildClientIfStale } = await import('../client/build');

  const m = await migrate(getDriver(), c.NEO4J_DATABASE);
  console.log(`Schema: ${m.applied.length} migration(s) applied, ${m.skipped.length} already in place`);
  for (const r of await undoInterruptedImports(getDriver(), c.NEO4J_DATABASE)) {
    console.log(`Undid an interrupted ${r.description}: ${r.ids.length} record(s) restored or removed`);
  }
  if (c.SEED_SCALE !== 'none') await seedIfEmpty(c.SEED_SCALE, c.SEED);
  await buildClientIfStale();
  const server = await startServer();

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await server.close();
    await closeDriver();
    await neo.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
