/**
 * `npm run verify-log [-- --checkpoints <file> ...]`: proves the access log's hash chain, and that it
 * still holds every checkpoint kept outside the database (default: ACCESS_LOG_CHECKPOINTS). Finds
 * Neo4j as `npm start` does: NEO4J_URI, else the running embedded Neo4j of the data folder, else
 * its own.
 * Exit code 0 when intact, 1 when broken, 2 when it could not check.
 */
import { withNeo4j } from './with-neo4j';

async function main(): Promise<void> {
  const { getDriver, database, closeDriver } = await import('../server/platform/db/driver');
  const { config } = await import('../server/platform/config');
  const { verifyAccessLog } = await import('../server/modules/accesslog/access-log-verify');
  const { readCheckpoints, checkpointTime } = await import('../server/modules/accesslog/checkpoint-file');
  const { databaseId } = await import('../server/modules/accesslog/access-log-checkpoints');
  // --checkpoints may be given more than once (one file per API server).
  const given = process.argv.flatMap((a, i) => (a === '--checkpoints' ? [process.argv[i + 1] ?? ''] : []));
  if (given.some((f) => !f || f.startsWith('--'))) throw new Error('--checkpoints needs a file');
  const files = given.length ? given : [config().ACCESS_LOG_CHECKPOINTS];
  const named = files.join(', ');
  try {
    const checkpoints = await readCheckpoints(files, await databaseId(getDriver(), database()));
    const r = await verifyAccessLog(getDriver(), database(), { checkpoints });
    const w = r.checkpoints!;
    const kept = w.last
      ? `${w.checked} checkpoint(s) from ${named} found in it, the newest at entry ${w.last.seq} (${checkpointTime(w.last)})`
      : `no checkpoint of this database in ${named} yet`;
    const others = w.otherDatabases ? `; ${w.otherDatabases} checkpoint(s) of other databases ignored` : '';
    if (r.ok) console.log(`Access log intact: ${r.entries} entries, hash chain verified; ${kept}${others}`);
    else console.error(`Access log BROKEN at entry ${r.brokenAt}: ${r.reason} (${r.entries} entries verified before it)`);
    process.exitCode = r.ok ? 0 : 1;
  } finally {
    await closeDriver();
  }
}

withNeo4j(main).catch((e) => {
  console.error(`Could not verify the access log: ${(e as Error).message}`);
  process.exit(2);
});
