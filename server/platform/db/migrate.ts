/**
 * Idempotent migration runner: applies cypher/schema/*.cypher in name order and records each
 * applied file (name + checksum) as a :SchemaMigration node. A file already applied with the
 * same checksum is skipped; every statement is itself IF NOT EXISTS, so re-running is harmless.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';

export const SCHEMA_DIR = path.resolve(__dirname, '..', '..', '..', 'cypher', 'schema');

export interface MigrationResult { applied: string[]; skipped: string[] }

export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function migrate(driver: Driver, database = 'neo4j', dir = SCHEMA_DIR): Promise<MigrationResult> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();
  const result: MigrationResult = { applied: [], skipped: [] };
  await driver.executeQuery(
    'CREATE CONSTRAINT schema_migration_name IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.name IS UNIQUE',
    {}, { database },
  );
  for (const name of files) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const checksum = crypto.createHash('sha256').update(text).digest('hex');
    const { records } = await driver.executeQuery(
      'MATCH (m:SchemaMigration {name: $name}) RETURN m.checksum AS checksum', { name }, { database },
    );
    if (records[0]?.get('checksum') === checksum) {
      result.skipped.push(name);
      continue;
    }
    // Schema commands cannot share a transaction with writes: one auto-commit each.
    for (const statement of splitStatements(text)) {
      await driver.executeQuery(statement, {}, { database });
    }
    await driver.executeQuery(
      'MERGE (m:SchemaMigration {name: $name}) SET m.checksum = $checksum, m.appliedAt = datetime()',
      { name, checksum }, { database },
    );
    result.applied.push(name);
  }
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
  return result;
}
