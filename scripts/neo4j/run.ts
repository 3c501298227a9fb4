/** `npm run neo4j`: start Neo4j (NEO4J_URI if set, else the embedded launcher) and wait until Ctrl-C. */
import { resolveNeo4j } from './launch';
import { config } from '../../server/platform/config';

async function main(): Promise<void> {
  const c = config();
  const neo = await resolveNeo4j({ dataDir: c.NEO4J_DATA_DIR, port: c.NEO4J_BOLT_PORT, pageCacheMb: c.NEO4J_PAGECACHE_MB, heap: c.NEO4J_HEAP, supervise: true });
  if (neo.how === 'external' || neo.how === 'attached') {
    console.log(`Neo4j is already running at ${neo.uri} (${neo.how}).`);
    return;
  }
  console.log(`Neo4j ready at ${neo.uri} (${neo.how}). Press Ctrl-C to stop.`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Neo4j…');
    await neo.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => undefined, 1 << 30);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
