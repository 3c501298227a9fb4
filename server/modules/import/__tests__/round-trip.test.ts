/** The synthetic borough written as template CSVs loads through the import to the same graph as the loader gives. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { load } from '../../../platform/bulk/loader';
import { generate } from '../../../../fixtures/generator';
import { runImport } from '../run';
import { writeUnitsAsCsv, exportGraphAsCsv } from '../write-csv';

/**
 * Sorted keys: property order depends on write order, which is not part of the graph. An empty
 * list property counts as absent: a CSV cell cannot tell "empty list" from "not known".
 */
const canon = (v: unknown): unknown => (Array.isArray(v) ? v.map(canon)
  : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort()
    .filter((k) => !(Array.isArray((v as Record<string, unknown>)[k]) && ((v as Record<string, unknown[]>)[k]).length === 0))
    .map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v);

/** One line per entity: labels, properties, outgoing relationships with their properties. */
async function snapshot(): Promise<string[]> {
  const { records } = await driver().executeQuery(
    `MATCH (n:Entity) OPTIONAL MATCH (n)-[r]->(m:Entity)
     WITH n, r, m ORDER BY n.id, type(r), r.id
     WITH n, collect(CASE WHEN r IS NULL THEN null ELSE [type(r), r.id, m.id, properties(r)] END) AS rels
     RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, rels ORDER BY id`);
  return records.map((r) => JSON.stringify(canon([r.get('id'), [...r.get('labels')].sort(), r.get('props'), r.get('rels')])));
}

/** The first line that differs (a readable failure instead of the whole graph). */
const firstDifference = (a: string[], b: string[]): [string | undefined, string | undefined] | null => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return [a[i], b[i]];
  return null;
};

describe('template CSVs round trip (real Neo4j)', () => {
  const fixture = generate({ scale: 'tiny', seed: 20251 });
  afterAll(async () => { await closeDriver(); });

  it('fixture → CSV → import gives the graph the loader gives; exported again → import again changes nothing', async () => {
    await freshGraph();
    await load(driver(), fixture.units);
    const viaLoader = await snapshot();

    await freshGraph();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtrip-'));
    const written = await writeUnitsAsCsv(fixture.units, dir);
    expect(written.files.map((f) => path.basename(f)).sort()).toEqual(expect.arrayContaining(['people.csv', 'places.csv', 'relationships.csv', 'incidents.csv']));
    const report = await runImport(driver(), dir, { apply: true });
    expect(report.issues.slice(0, 3)).toEqual([]);
    expect(report.read).toBe(written.rows);
    const viaImport = await snapshot();
    expect(firstDifference(viaImport, viaLoader)).toBeNull();
    expect(viaImport.length).toBe(viaLoader.length);

    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtrip-export-'));
    await exportGraphAsCsv(driver(), 'neo4j', again);
    const reimport = await runImport(driver(), again, { apply: true });
    expect(reimport).toMatchObject({ created: 0, updated: 0, rejected: 0, applied: false });
    expect(reimport.unchanged).toBe(report.created);
  }, 600_000);
});
