/** Starts (or finds) a real Neo4j 5 once for the test run and applies the schema. */
import { resolveNeo4j, RunningNeo4j } from '../../scripts/neo4j/launch';
import { migrate } from '../../server/platform/db/migrate';
import { openDriver } from '../../server/platform/db/driver';

declare global {
  // eslint-disable-next-line no-var
  var __NEO4J__: RunningNeo4j | undefined;
  // eslint-disable-next-line no-var
  var __NEO4J_DIR__: string | undefined;
}

export default async function globalSetup(): Promise<void> {
  // A data folder per run, so parallel runs (several developers, CI) never share a store lock.
  const running = await resolveNeo4j({
    dataDir: `.data/neo4j-test-${process.pid}`, port: 0, fresh: true,
    heap: process.env.NEO4J_TEST_HEAP ?? '2g', pageCacheMb: 256, log: () => undefined,
  });
  globalThis.__NEO4J_DIR__ = `.data/neo4j-test-${process.pid}`;
  globalThis.__NEO4J__ = running;
  process.env.NEO4J_URI = running.uri;
  process.env.NEO4J_USER = running.user;
  process.env.NEO4J_PASSWORD = running.password;
  process.env.NODE_ENV = 'test';
  // The run's own checkpoint file: freshGraph() empties the log, so it empties this too.
  process.env.ACCESS_LOG_CHECKPOINTS = `.data/neo4j-test-${process.pid}-checkpoints.jsonl`;
  const driver = openDriver(running.uri, running.user, running.password);
  try {
    await migrate(driver);
  } finally {
    await driver.close();
  }
}
