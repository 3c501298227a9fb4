/**
 * `npm run restore -- <file.tar.gz>`: puts back a backup made by `npm run backup` (the store and
 * the access log's checkpoint file). Stop `npm start` first. What it replaces is kept beside it.
 * Then `npm start`, and `npm run verify-log` to prove the log.
 */
import path from 'node:path';
import { config } from '../server/platform/config';
import { restoreEmbedded } from './neo4j/backup';

async function main(): Promise<void> {
  const archive = process.argv[2];
  if (!archive || archive.startsWith('--')) throw new Error('Usage: npm run restore -- <file.tar.gz>');
  const c = config();
  if (c.NEO4J_URI) throw new Error('NEO4J_URI points at a Neo4j server: restore it with neo4j-admin (docs/operations.md); this command restores the embedded default.');
  const r = await restoreEmbedded({ dataDir: path.resolve(c.NEO4J_DATA_DIR), checkpointsFile: path.resolve(c.ACCESS_LOG_CHECKPOINTS), archive: path.resolve(archive) });
  console.log(`Restored ${archive} into ${c.NEO4J_DATA_DIR} and ${c.ACCESS_LOG_CHECKPOINTS}.`);
  if (r.kept.length) console.log(`Kept what it replaced: ${r.kept.join(', ')}`);
  console.log('Start the product (npm start), then check the access log: npm run verify-log');
}

main().catch((e) => {
  console.error(`Restore failed: ${(e as Error).message}`);
  process.exit(1);
});
