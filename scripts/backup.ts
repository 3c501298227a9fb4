/**
 * `npm run backup -- --out <file.tar.gz>`: the embedded default's store and the access log's
 * checkpoint file, together (scripts/neo4j/backup.ts). A running `npm start` keeps running:
 * Neo4j stops for the copy and comes back by itself. With NEO4J_URI (a Neo4j server of your
 * own), use that server's tools instead: docs/operations.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../server/platform/config';
import { backupEmbedded } from './neo4j/backup';

async function main(): Promise<void> {
  const i = process.argv.indexOf('--out');
  const out = i > 0 ? process.argv[i + 1] : undefined;
  if (!out || out.startsWith('--')) throw new Error('Usage: npm run backup -- --out <file.tar.gz>');
  const c = config();
  if (c.NEO4J_URI) throw new Error('NEO4J_URI points at a Neo4j server: back it up with neo4j-admin (docs/operations.md); this command backs up the embedded default.');
  if (fs.existsSync(out)) throw new Error(`${out} already exists: choose another file`);
  const r = await backupEmbedded({ dataDir: path.resolve(c.NEO4J_DATA_DIR), checkpointsFile: path.resolve(c.ACCESS_LOG_CHECKPOINTS), out: path.resolve(out) });
  const stop = r.wasRunning ? `; Neo4j was stopped for ${(r.stoppedMs / 1000).toFixed(1)} s` : '; Neo4j was not running';
  console.log(`Backup written to ${out} (${(r.bytes / 1e6).toFixed(1)} MB): the store and the access log's checkpoints${stop}`);
}

main().catch((e) => {
  console.error(`Backup failed: ${(e as Error).message}`);
  process.exit(1);
});
