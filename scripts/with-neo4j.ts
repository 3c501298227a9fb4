/**
 * Runs a task against Neo4j the way `npm start` finds it: NEO4J_URI if set, else the embedded
 * launcher on the configured data folder (stopped again afterwards).
 */
import { resolveNeo4j } from './neo4j/launch';
import { config, resetConfig } from '../server/platform/config';

export async function withNeo4j<T>(task: () => Promise<T>): Promise<T> {
  const c0 = config();
  const neo = await resolveNeo4j({ dataDir: c0.NEO4J_DATA_DIR, port: c0.NEO4J_BOLT_PORT, pageCacheMb: c0.NEO4J_PAGECACHE_MB, heap: c0.NEO4J_HEAP });
  Object.assign(process.env, { NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password });
  resetConfig();
  try {
    return await task();
  } finally {
    const { closeDriver } = await import('../server/platform/db/driver');
    await closeDriver();
    await neo.stop();
  }
}
