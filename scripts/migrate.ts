/** `npm run migrate`: apply cypher/schema/ (idempotent; records what it applied). */
import { withNeo4j } from './with-neo4j';

withNeo4j(async () => {
  const { getDriver, database } = await import('../server/platform/db/driver');
  const { migrate } = await import('../server/platform/db/migrate');
  const m = await migrate(getDriver(), database());
  console.log(`Schema: applied ${m.applied.length} (${m.applied.join(', ') || 'none'}), ${m.skipped.length} already in place`);
}).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
