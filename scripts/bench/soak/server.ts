/**
 * The API server for the soak benchmark, in a process of its own so its memory is its own: as
 * `npm start` (the embedded Neo4j of NEO4J_DATA_DIR, schema, the SEED_SCALE borough if empty),
 * without the per-address rate limit (ten clients share one address here), with its request log
 * written to SOAK_LOG. Prints "SOAK_READY <url>" when it serves.
 */
import fs from 'node:fs';
import { resolveNeo4j } from '../../neo4j/launch';
import { config, resetConfig } from '../../../server/platform/config';

async function main(): Promise<void> {
  const c0 = config();
  const neo = await resolveNeo4j({ dataDir: c0.NEO4J_DATA_DIR, port: c0.NEO4J_BOLT_PORT, pageCacheMb: c0.NEO4J_PAGECACHE_MB, heap: c0.NEO4J_HEAP, supervise: true });
  Object.assign(process.env, { NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password });
  resetConfig();
  const c = config();
  const { getDriver, closeDriver } = await import('../../../server/platform/db/driver');
  const { migrate } = await import('../../../server/platform/db/migrate');
  const { seedIfEmpty } = await import('../../seed-lib');
  const { startServer } = await import('../../../server/main');
  await migrate(getDriver(), c.NEO4J_DATABASE);
  if (c.SEED_SCALE !== 'none') await seedIfEmpty(c.SEED_SCALE, c.SEED);
  await warmPageCache(getDriver(), c.NEO4J_DATABASE);
  const requestLog = fs.createWriteStream(process.env.SOAK_LOG ?? '/dev/null', { flags: 'a' });
  const server = await startServer({ rateLimits: { graphqlPerMinute: 10_000_000, graphqlPerUserPerMinute: 10_000_000, authPerMinute: 10_000 }, log: (l) => requestLog.write(`${JSON.stringify(l)}\n`) });
  console.log(`SOAK_READY ${server.url}`);
  // The heap in use, for the soak to tell a leak (rising troughs) from garbage between collections.
  setInterval(() => console.log(`SOAK_HEAP ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)}`), 10_000).unref();
  const stop = async () => {
    await server.close();
    await closeDriver();
    await neo.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/**
 * Reads every node and relationship with a property once, so the page cache holds the store before
 * the soak starts (Neo4j's own warm-up query; Community Edition has no page-cache warm-up): the
 * memory measured after warm-up is then the service's, not the cache filling.
 */
async function warmPageCache(driver: import('neo4j-driver').Driver, database: string): Promise<void> {
  const t0 = Date.now();
  await driver.executeQuery('MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(n.id) + count(r.source) AS touched', {}, { database });
  console.log(`page cache warmed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
