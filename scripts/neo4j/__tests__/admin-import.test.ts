/**
 * A tiny force loaded both ways, the online loader into the test Neo4j and the offline importer
 * into a new store, must be the same graph: labels, types, counts and typed property values.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { freshGraph, closeDriver } from '../../../tests/support/db';
import { load } from '../../../server/platform/bulk/loader';
import { storeBaseline, loadBaseline } from '../../../server/modules/analytics';
import { AdminCsvWriter } from '../../../server/platform/bulk/offline/csv-writer';
import { REL_KINDS } from '../../../server/model/model';
import type { NodeRow } from '../../../server/model/types';
import { generateForce, forceUnits, type ForceFixture } from '../../../fixtures/generator/force';
import { adminImportFull, type AdminImportResult } from '../admin-import';
import { openImportedStore, type ImportedStore } from '../offline-store';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const work = path.join(ROOT, '.data', `admin-import-test-${process.pid}`);

const TYPED = (v: string) => `[k IN keys(${v}) | [k, valueType(${v}[k]), ${v}[k]]]`;
type Typed = Array<[string, string, unknown]>;
/** A property list as comparable text: name, Cypher type and the value as the driver prints it. */
const canon = (props: Typed): string[] => props.map(([k, t, v]) => `${k}: ${t} = ${Array.isArray(v) ? `[${v.map(String).join(', ')}]` : String(v)}`).sort();

async function rows(driver: Driver, query: string, params: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
  const { records } = await driver.executeQuery(query, params, { database: 'neo4j' });
  return records.map((r) => r.toObject());
}

async function labelCounts(driver: Driver) {
  return rows(driver, 'MATCH (n) WHERE NOT n:SchemaMigration UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label');
}
async function typeCounts(driver: Driver) {
  return rows(driver, 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type');
}
async function nodeSample(driver: Driver, ids: string[]) {
  const found = await rows(driver, `UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, labels(n) AS labels, ${TYPED('n')} AS props ORDER BY id`, { ids });
  return found.map((r) => ({ id: r.id, labels: (r.labels as string[]).sort(), props: canon(r.props as Typed) }));
}
async function relSample(driver: Driver, type: string, ids: string[]) {
  // The type comes from the model.
  const found = await rows(driver, `UNWIND $ids AS id MATCH (a)-[r:${type} {id: id}]->(b) RETURN r.id AS id, a.id AS from, b.id AS to, ${TYPED('r')} AS props ORDER BY id`, { ids });
  return found.map((r) => ({ ...r, props: canon(r.props as Typed) }));
}

describe('the offline import of a force is the graph the online loader writes', () => {
  let force: ForceFixture;
  let online: Driver;
  let offline: ImportedStore;
  let imported: AdminImportResult;

  beforeAll(async () => {
    fs.rmSync(work, { recursive: true, force: true });
    force = generateForce({ seed: 21, boroughs: 3, boroughScale: 'tiny' });
    online = await freshGraph();
    await load(online, forceUnits(force));
    await storeBaseline({ driver: online }, force.baseline);

    const writer = new AdminCsvWriter(path.join(work, 'csv'));
    for (const b of force.boroughs) writer.writePart(b.code, b.units);
    writer.writePart('X', force.cross.units);
    const files = writer.finish();
    imported = await adminImportFull({ dataDir: path.join(work, 'store'), files, heap: '512m', maxOffHeap: '512m' });
    offline = await openImportedStore({
      dataDir: path.join(work, 'store'), files, baseline: force.baseline, heap: '1g', pageCacheMb: 128, driverConfig: { disableLosslessIntegers: true },
    });
  }, 600_000);

  afterAll(async () => {
    await offline?.driver.close();
    await offline?.neo.stop();
    await closeDriver();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('imports every row', () => {
    const units = forceUnits(force);
    expect(imported.nodes).toBe(units.reduce((s, u) => s + (u.kind === 'node' ? u.rows.length : 0), 0));
    expect(imported.relationships).toBe(units.reduce((s, u) => s + (u.kind === 'rel' ? u.rows.length : 0), 0));
  });

  it('has the same nodes per label and relationships per type', async () => {
    expect(await labelCounts(offline.driver)).toEqual(await labelCounts(online));
    expect(await typeCounts(offline.driver)).toEqual(await typeCounts(online));
  });

  it('has the same labels and typed properties on a sample of nodes of every kind', async () => {
    // Every fifth node, and every node with an empty list (set after the import).
    const hasEmptyList = (r: NodeRow) => Object.values(r).some((v) => Array.isArray(v) && v.length === 0);
    const ids = forceUnits(force).flatMap((u) => (u.kind === 'node' ? u.rows.filter((r, i) => i % 5 === 0 || hasEmptyList(r)).map((r) => r.id) : []));
    const got = await nodeSample(offline.driver, ids);
    expect(got).toHaveLength(ids.length);
    expect(got).toEqual(await nodeSample(online, ids));
    // The sample holds the values an import CSV cannot show plainly: dates, date-times, lists, empty lists.
    const text = got.flatMap((n) => n.props).join('\n');
    for (const t of ['DATE NOT NULL', 'ZONED DATETIME NOT NULL', 'INTEGER NOT NULL', 'FLOAT NOT NULL', 'BOOLEAN NOT NULL', 'LIST<STRING NOT NULL> NOT NULL']) expect(text).toContain(t);
    expect(text).toMatch(/pushFactors: LIST<NOTHING> NOT NULL = \[\]/);
  });

  it('has the same endpoints and typed properties on a sample of relationships of every type', async () => {
    for (const type of REL_KINDS.map((k) => k.type)) {
      const ids = forceUnits(force).flatMap((u) => (u.kind === 'rel' && u.type === type ? u.rows.filter((_, i) => i % 4 === 0).map((r) => r.id) : []));
      const got = await relSample(offline.driver, type, ids);
      expect([type, got.length]).toEqual([type, ids.length]);
      expect(got).toEqual(await relSample(online, type, ids));
    }
  });

  it('has the schema and the population baseline a seeded store has', async () => {
    const names = async (d: Driver) => (await rows(d, 'SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name')).map((r) => r.name);
    expect(await names(offline.driver)).toEqual(await names(online));
    const indexes = async (d: Driver) => (await rows(d, "SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name ORDER BY name")).map((r) => r.name);
    expect(await indexes(offline.driver)).toEqual(await indexes(online));
    expect(await loadBaseline({ driver: offline.driver })).toEqual(await loadBaseline({ driver: online }));
  });
});
