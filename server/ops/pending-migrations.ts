/** Schema migrations in cypher/schema not yet recorded as applied (same name and checksum) by server/db/migrate.ts. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { SCHEMA_DIR } from '../platform/db/migrate';
import { openSession } from '../platform/db/session';

export async function pendingMigrations(driver: Driver, database: string, dir = SCHEMA_DIR): Promise<string[]> {
  const wanted = fs.readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort()
    .map((name) => ({ name, checksum: crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, name), 'utf8')).digest('hex') }));
  const session = openSession(driver, database, 'READ');
  try {
    const r = await session.run('MATCH (m:SchemaMigration) WHERE m.name IN $names RETURN m.name AS name, m.checksum AS checksum', { names: wanted.map((w) => w.name) });
    const applied = new Map(r.records.map((rec) => [rec.get('name') as string, rec.get('checksum') as string]));
    return wanted.filter((w) => applied.get(w.name) !== w.checksum).map((w) => w.name);
  } finally {
    await session.close();
  }
}
