import fs from 'node:fs';
import path from 'node:path';
import { closeDriver, driver } from '../../../../tests/support/db';
import { migrate, SCHEMA_DIR, splitStatements } from '../migrate';
import { schemaFileText } from '../../../model/schema';
import { NODE_KINDS, REL_KINDS } from '../../../model/model';

async function schemaState(): Promise<string> {
  const c = await driver().executeQuery('SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties RETURN name, labelsOrTypes, properties ORDER BY name');
  const i = await driver().executeQuery('SHOW INDEXES YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name');
  const m = await driver().executeQuery('MATCH (m:SchemaMigration) RETURN m.name AS name, m.checksum AS checksum, toString(m.appliedAt) AS at ORDER BY name');
  return JSON.stringify([c.records.map((r) => r.toObject()), i.records.map((r) => r.toObject()), m.records.map((r) => r.toObject())]);
}

describe('schema migrations (real Neo4j)', () => {
  afterAll(async () => { await closeDriver(); });

  it('the schema file is exactly what the model generates (run npm run gen-schema after a model change)', () => {
    expect(fs.readFileSync(path.join(SCHEMA_DIR, '001_model.cypher'), 'utf8')).toBe(schemaFileText());
  });

  it('every node kind and relationship type has its id uniqueness constraint in the database', async () => {
    const { records } = await driver().executeQuery(
      "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE properties = ['id'] RETURN labelsOrTypes[0] AS on");
    const on = new Set(records.map((r) => r.get('on') as string));
    for (const k of NODE_KINDS) expect(on).toContain(k.label);
    for (const r of REL_KINDS) expect(on).toContain(r.type);
  });

  it.each([
    ['AccessLogEntry', 'seq'],
    ['AccessLogHead', 'id'],
    ['Investigation', 'id'],
  ])('the migrations make %s.%s unique before any code writes one', async (label, key) => {
    const session = driver().session();
    const tx = session.beginTransaction();
    try {
      const create = `CREATE (n:${label}) SET n[$key] = $value`;
      await tx.run(create, { key, value: 'migrate-test-duplicate' });
      await expect(tx.run(create, { key, value: 'migrate-test-duplicate' })).rejects.toThrow(/already exists|ConstraintValidationFailed/);
    } finally {
      if (tx.isOpen()) await tx.rollback();
      await session.close();
    }
  });

  it('applies twice without change: the second run skips, constraints/indexes/records identical', async () => {
    await migrate(driver()); // global set-up already applied it once
    const before = await schemaState();
    const again = await migrate(driver());
    expect(again.applied).toEqual([]);
    expect(again.skipped).toEqual(fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.cypher')).sort());
    expect(await schemaState()).toBe(before);
  });

  it('records a changed file and re-applies it idempotently', async () => {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'schema-'));
    fs.writeFileSync(path.join(dir, '900_test.cypher'), 'CREATE INDEX test_probe IF NOT EXISTS FOR (n:Probe) ON (n.x);\n');
    expect((await migrate(driver(), 'neo4j', dir)).applied).toEqual(['900_test.cypher']);
    expect((await migrate(driver(), 'neo4j', dir)).applied).toEqual([]);
    fs.appendFileSync(path.join(dir, '900_test.cypher'), '// changed\nCREATE INDEX test_probe_y IF NOT EXISTS FOR (n:Probe) ON (n.y);\n');
    expect((await migrate(driver(), 'neo4j', dir)).applied).toEqual(['900_test.cypher']);
    const { records } = await driver().executeQuery("SHOW INDEXES YIELD name WHERE name STARTS WITH 'test_probe' RETURN count(*) AS n");
    expect(records[0].get('n')).toBe(2);
    await driver().executeQuery('DROP INDEX test_probe IF EXISTS');
    await driver().executeQuery('DROP INDEX test_probe_y IF EXISTS');
    await driver().executeQuery("MATCH (m:SchemaMigration {name: '900_test.cypher'}) DELETE m");
  });

  it('splits statements and ignores comments', () => {
    expect(splitStatements('// c\nRETURN 1;\nRETURN 2;\n')).toEqual(['RETURN 1', 'RETURN 2']);
  });
});
