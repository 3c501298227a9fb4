import iconv from 'iconv-lite';
import { freshGraph, counts, closeDriver, driver } from '../../../../tests/support/db';
import { runImport } from '../run';
import { baseFolder, people, places, incidents, relationships, templateText, tmpDir, writeFile, PROV, Row } from './csv-files';

async function snapshot(): Promise<string> {
  const { records } = await driver().executeQuery(
    `MATCH (n:Entity) OPTIONAL MATCH (n)-[r]->(m) WITH n, r, m ORDER BY n.id, r.id
     RETURN collect([n.id, labels(n), properties(n), type(r), properties(r), m.id]) AS all`);
  return JSON.stringify(records[0].get('all'));
}
async function entityCounts(): Promise<{ nodes: number; rels: number }> {
  const { records } = await driver().executeQuery(
    'MATCH (n:Entity) WITH count(n) AS nodes OPTIONAL MATCH (:Entity)-[r]->(:Entity) RETURN nodes, count(r) AS rels');
  return { nodes: records[0].get('nodes'), rels: records[0].get('rels') };
}
type LogEntry = { operation: string; ids: string[]; detail: string };
async function logEntries(): Promise<LogEntry[]> {
  const { records } = await driver().executeQuery('MATCH (e:AccessLogEntry) RETURN e ORDER BY e.seq');
  return records.map((r) => r.get('e').properties);
}
/** The ids named by entries of one operation, sorted (a streamed import logs batch by batch). */
const named = (log: LogEntry[], operation: string): string[] => log.filter((e) => e.operation === operation).flatMap((e) => e.ids).sort();
/** A streamed import that was undone: its last entry says so and names every record the entries before it named. */
function expectUndone(log: LogEntry[]): void {
  expect(log.length).toBeGreaterThanOrEqual(2);
  const last = log[log.length - 1];
  expect({ operation: last.operation, undone: JSON.parse(last.detail).undone }).toEqual({ operation: 'alteration', undone: true });
  expect([...last.ids].sort()).toEqual(log.slice(0, -1).flatMap((e) => e.ids).sort());
}

type Spoil = { file: string; template: string; rows: Row[] };
const spoilt: Array<[string, Spoil, { file: string; row: number; column: string; reason: RegExp }]> = [
  ['bad code', { file: 'places.csv', template: 'places', rows: [places[0], { ...places[1], recordType: 'Location', kind: 'nightclubz' }] },
    { file: 'places.csv', row: 3, column: 'kind', reason: /unknown code "nightclubz"/ }],
  ['bad date', { file: 'people.csv', template: 'people', rows: [{ ...people[0], dateOfBirth: '2010-02-30' }, people[1]] },
    { file: 'people.csv', row: 2, column: 'dateOfBirth', reason: /not a real date/ }],
  ['future date', { file: 'incidents.csv', template: 'incidents', rows: [incidents[0], { ...incidents[1], occurredAt: '2999-01-01T00:00:00Z' }] },
    { file: 'incidents.csv', row: 4, column: 'occurredAt', reason: /future/ }],
  ['impossible age', { file: 'people.csv', template: 'people', rows: [people[0], { ...people[1], dateOfBirth: '1850-01-01' }] },
    { file: 'people.csv', row: 3, column: 'dateOfBirth', reason: /impossible age/ }],
  ['duplicate id in the file', { file: 'people.csv', template: 'people', rows: [...people, { ...people[0], name: 'Another' }] },
    { file: 'people.csv', row: 4, column: 'id', reason: /duplicate id "p1" \(also at people.csv line 2\)/ }],
  ['unknown id reference', { file: 'incidents.csv', template: 'incidents', rows: [{ ...incidents[0], personId: 'nobody' }, incidents[1]] },
    { file: 'incidents.csv', row: 2, column: 'personId', reason: /unknown id "nobody"/ }],
  ['a child as person of concern', { file: 'people.csv', template: 'people', rows: [{ ...people[0], roles: 'PersonOfConcern' }, people[1]] },
    { file: 'people.csv', row: 2, column: 'roles', reason: /under 18 cannot hold the PersonOfConcern role/ }],
  ['missing provenance', { file: 'incidents.csv', template: 'incidents', rows: [incidents[0], { ...incidents[1], sourceRef: '' }] },
    { file: 'incidents.csv', row: 4, column: 'sourceRef', reason: /required field is missing/ }],
  ['exploitation alleged from a child', { file: 'relationships.csv', template: 'relationships', rows: [{ ...relationships[0], from: 'p1', to: 'p2' }, relationships[1]] },
    { file: 'relationships.csv', row: 2, column: 'from', reason: /always from an adult person of concern/ }],
  ['handling C without conditions', { file: 'incidents.csv', template: 'incidents', rows: [{ ...incidents[0], handling: 'C' }, incidents[1]] },
    { file: 'incidents.csv', row: 2, column: 'conditions', reason: /conditions/ }],
  ['unknown record type', { file: 'incidents.csv', template: 'incidents', rows: [{ ...incidents[0], recordType: 'Gang' }, incidents[1]] },
    { file: 'incidents.csv', row: 2, column: 'recordType', reason: /unknown record type "Gang"/ }],
  ['a field of another record type', { file: 'incidents.csv', template: 'incidents', rows: [incidents[0], { ...incidents[1], offenceType: 'robbery' }] },
    { file: 'incidents.csv', row: 4, column: 'offenceType', reason: /not a field of Injury/ }],
];

describe('CSV import through the templates (real Neo4j)', () => {
  beforeEach(async () => { await freshGraph(); });
  afterAll(async () => { await closeDriver(); });

  it('dry run reports what would change and writes nothing; apply writes it; re-import changes nothing', async () => {
    const dir = baseFolder();
    const dry = await runImport(driver(), dir);
    expect(dry.issues).toEqual([]);
    expect(dry.applied).toBe(false);
    // 2 people, 2 places, 2 events, 2 relationships, 3 links (INVOLVED ×2, AT ×1)
    expect(dry).toMatchObject({ read: 8, created: 11, updated: 0, unchanged: 0, rejected: 0 });
    expect(await counts()).toEqual({ nodes: 0, rels: 0 });

    const applied = await runImport(driver(), dir, { apply: true });
    expect(applied.applied).toBe(true);
    expect(await entityCounts()).toEqual({ nodes: 6, rels: 5 });
    const { records } = await driver().executeQuery(
      `MATCH (e:Incident {id: 'e1'})-[i:INVOLVED]->(p:Person {id: 'p1'}) MATCH (e)-[:AT]->(l:Location)
       RETURN e.summary AS s, i.role AS role, i.source AS src, l.id AS l, p.aliases AS aliases, e.occurredAt.hour AS h`);
    expect(records[0].toObject()).toEqual({ s: 'Robbery, near the park gate,\nlate evening', role: 'victim', src: 'POLICE', l: 'l1', aliases: ['Syn One', 'S One'], h: 21 });
    const log = await logEntries();
    expect(log.map((e) => e.operation)).toEqual(['collection']);
    expect(log[0].ids).toEqual(expect.arrayContaining(['p1', 'e1', 'e1>INVOLVED>p1']));

    const before = await snapshot();
    const again = await runImport(driver(), dir, { apply: true });
    expect(again).toMatchObject({ applied: false, created: 0, updated: 0, unchanged: 11, rejected: 0 });
    expect(await snapshot()).toBe(before);
    expect(await logEntries()).toHaveLength(1);
  });

  it('a changed value is an alteration: reported in the dry run, logged when applied', async () => {
    const dir = baseFolder();
    await runImport(driver(), dir, { apply: true });
    const changed = people.map((p) => (p.id === 'p1' ? { ...p, careStatus: 'CLA' } : p));
    writeFile(dir, 'people.csv', templateText('people', changed));
    const dry = await runImport(driver(), dir);
    expect(dry).toMatchObject({ created: 0, updated: 1, unchanged: 10 });
    expect(dry.changes).toEqual([{ id: 'p1', kind: 'node', type: 'Person', fields: ['careStatus'] }]);
    await runImport(driver(), dir, { apply: true, justification: 'monthly social care refresh' });
    const log = await logEntries();
    const alteration = log.find((e) => e.operation === 'alteration')!;
    expect(alteration.ids).toEqual(['p1']);
    expect(JSON.parse(alteration.detail).changes[0].fields).toEqual(['careStatus']);
    const { records } = await driver().executeQuery("MATCH (p:Person {id: 'p1'}) RETURN p.careStatus AS c");
    expect(records[0].get('c')).toBe('CLA');
  });

  it.each(spoilt)('rejects %s: names file, row, column, reason; writes nothing even with --apply', async (_n, s, expected) => {
    const dir = baseFolder();
    writeFile(dir, s.file, templateText(s.template, s.rows));
    const report = await runImport(driver(), dir, { apply: true });
    expect(report.applied).toBe(false);
    expect(report.issues).toContainEqual({ ...expected, reason: expect.stringMatching(expected.reason) });
    expect(report.rejected).toBeGreaterThanOrEqual(1);
    expect(await counts()).toEqual({ nodes: 0, rels: 0 });
  });

  it('reports every error, not just the first', async () => {
    const dir = baseFolder();
    writeFile(dir, 'people.csv', templateText('people', [{ ...people[0], sex: 'X' }, { ...people[1], ethnicity: 'Y', dateOfBirth: '2030-01-01' }]));
    const report = await runImport(driver(), dir);
    expect(report.issues.filter((i) => i.file === 'people.csv').map((i) => [i.row, i.column])).toEqual([[2, 'sex'], [3, 'dateOfBirth']]);
    // Rows that point at the rejected people are rejected too, and say which rejected row they follow from.
    const dependent = report.issues.filter((i) => i.file !== 'people.csv');
    expect(dependent.length).toBeGreaterThan(0);
    expect(dependent.every((i) => /refers to "p[12]", whose row was rejected \(people\.csv line [23]\)/.test(i.reason))).toBe(true);
  });

  it('rejects an unmapped column and a malformed CSV, naming the file', async () => {
    const dir = baseFolder();
    writeFile(dir, 'people.csv', templateText('people', people).replace('roles', 'gangMember'));
    writeFile(dir, 'places.csv', 'recordType,id,name\nLocation,"l9,broken\n');
    const report = await runImport(driver(), dir, { apply: true });
    expect(report.issues).toContainEqual(expect.objectContaining({ file: 'people.csv', row: 0, column: 'gangMember' }));
    expect(report.issues).toContainEqual(expect.objectContaining({ file: 'places.csv', column: '(file)', reason: expect.stringMatching(/cannot read the CSV/) }));
    expect(await counts()).toEqual({ nodes: 0, rels: 0 });
  });

  it('reads Windows-1252 and UTF-8 with a byte-order mark', async () => {
    const dir = tmpDir();
    const zoe = [{ ...people[0], id: 'w1', name: 'Zoë Synthétique' }];
    writeFile(dir, 'people-1252.csv', iconv.encode(templateText('people', zoe), 'win1252'));
    const bom = [{ ...people[0], id: 'b1', name: 'Chloé Bömtest' }];
    writeFile(dir, 'people-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(templateText('people', bom), 'utf8')]));
    const report = await runImport(driver(), dir, { apply: true });
    expect(report.issues).toEqual([]);
    expect(report.files.map((f) => [f.file, f.encoding])).toEqual([['people-1252.csv', 'windows-1252'], ['people-bom.csv', 'utf-8-bom']]);
    const { records } = await driver().executeQuery('MATCH (p:Person) RETURN p.id AS id, p.name AS name ORDER BY id');
    expect(records.map((r) => r.toObject())).toEqual([{ id: 'b1', name: 'Chloé Bömtest' }, { id: 'w1', name: 'Zoë Synthétique' }]);
  });

  it('takes an id from the database as a reference target (a second file, a later import)', async () => {
    const dir = baseFolder();
    await runImport(driver(), dir, { apply: true });
    const later = tmpDir();
    writeFile(later, 'incidents.csv', templateText('incidents', [{ ...incidents[0], id: 'e3', personId: 'p2', personRole: 'suspect' }]));
    const report = await runImport(driver(), later, { apply: true });
    expect(report).toMatchObject({ applied: true, created: 3, rejected: 0 });
    expect(PROV.source).toBe('POLICE');
  });
});

describe('big imports: the write pass streams to the staged writer (real Neo4j)', () => {
  beforeEach(async () => { await freshGraph(); });
  afterAll(async () => { await closeDriver(); });

  it('writes the same graph as one transaction, logs it, and a re-import changes nothing', async () => {
    const dir = baseFolder();
    await runImport(driver(), dir, { apply: true });
    const oneTransaction = await snapshot();
    const created = named(await logEntries(), 'collection');
    await freshGraph();
    const staged = await runImport(driver(), dir, { apply: true, singleLoadMaxRows: 0, batchSize: 2 });
    expect(staged).toMatchObject({ applied: true, created: 11, rejected: 0 });
    expect(await snapshot()).toBe(oneTransaction);
    // Batch by batch, each entry committed before its batch was written: together, every record.
    const log = await logEntries();
    expect(new Set(log.map((e) => e.operation))).toEqual(new Set(['collection']));
    expect(log.length).toBeGreaterThan(1);
    expect(named(log, 'collection')).toEqual(created);
    const changed = people.map((p) => (p.id === 'p2' ? { ...p, careStatus: 'CLA' } : p));
    writeFile(dir, 'people.csv', templateText('people', changed));
    const altered = await runImport(driver(), dir, { apply: true, singleLoadMaxRows: 0 });
    expect(altered).toMatchObject({ applied: true, created: 0, updated: 1, unchanged: 10 });
    const again = await runImport(driver(), dir, { apply: true, singleLoadMaxRows: 0 });
    expect(again).toMatchObject({ applied: false, created: 0, updated: 0, unchanged: 11 });
  });

  it.each([['one transaction', undefined], ['streamed', 0]])('a file changed between the checking and the writing pass stops the import (%s): nothing written', async (_n, singleLoadMaxRows) => {
    const dir = baseFolder();
    let changed = false;
    const run = runImport(driver(), dir, {
      apply: true, singleLoadMaxRows,
      onProgress: (phase, done, total) => {
        if (phase === 'read' && done === total && !changed) {
          changed = true;
          writeFile(dir, 'people.csv', templateText('people', people.map((p) => ({ ...p, careStatus: 'CLA' }))));
        }
      },
    });
    await expect(run).rejects.toThrow(/people.csv changed since it was checked; nothing written/);
    expect(changed).toBe(true);
    expect(await entityCounts()).toEqual({ nodes: 0, rels: 0 });
  });

  it('a write pass that fails part-way is undone: nothing remains', async () => {
    const dir = baseFolder();
    let batches = 0;
    await expect(runImport(driver(), dir, {
      apply: true, singleLoadMaxRows: 0, batchSize: 2,
      onProgress: (phase) => { if (phase === 'write' && ++batches === 3) throw new Error('interrupted'); },
    })).rejects.toThrow('interrupted');
    expect(batches).toBeGreaterThanOrEqual(3);
    expect(await entityCounts()).toEqual({ nodes: 0, rels: 0 }); // entities; the access log below
    expectUndone(await logEntries());
  });
});

describe('big imports: checked and written in one reading (real Neo4j)', () => {
  beforeEach(async () => { await freshGraph(); });
  afterAll(async () => { await closeDriver(); });
  const onePass = { apply: true, onePassMinBytes: 0, batchSize: 2 };

  it('writes the same graph as one transaction, logs it; an alteration is logged; a re-import changes nothing', async () => {
    const dir = baseFolder();
    await runImport(driver(), dir, { apply: true });
    const oneTransaction = await snapshot();
    const created = named(await logEntries(), 'collection');
    await freshGraph();
    const report = await runImport(driver(), dir, onePass);
    expect(report).toMatchObject({ applied: true, created: 11, rejected: 0 });
    expect(await snapshot()).toBe(oneTransaction);
    const changed = people.map((p) => (p.id === 'p2' ? { ...p, careStatus: 'CLA' } : p));
    writeFile(dir, 'people.csv', templateText('people', changed));
    const altered = await runImport(driver(), dir, onePass);
    expect(altered).toMatchObject({ applied: true, created: 0, updated: 1, unchanged: 10 });
    const log = await logEntries();
    expect(log.map((e) => e.operation)).toEqual([...log.slice(0, -1).map(() => 'collection'), 'alteration']);
    expect(named(log, 'collection')).toEqual(created);
    expect(log[log.length - 1].ids).toEqual(['p2']);
    const again = await runImport(driver(), dir, onePass);
    expect(again).toMatchObject({ applied: false, created: 0, updated: 0, unchanged: 11 });
    expect(await logEntries()).toHaveLength(log.length);
  });

  it('relationships to records already in the database are written once their ends are confirmed', async () => {
    await runImport(driver(), baseFolder(), { apply: true });
    const later = tmpDir();
    writeFile(later, 'incidents.csv', templateText('incidents', [{ ...incidents[0], id: 'e3', personId: 'p2', personRole: 'suspect' }]));
    const report = await runImport(driver(), later, onePass);
    expect(report).toMatchObject({ applied: true, created: 3, rejected: 0 });
    const { records } = await driver().executeQuery("MATCH (:Event {id: 'e3'})-[r]-(n) RETURN count(r) AS n");
    expect(records[0].get('n')).toBe(2);
  });

  it.each(spoilt)('rejects %s with the same issues as a dry run, and what was written before is undone', async (_n, s, expected) => {
    const dir = baseFolder();
    writeFile(dir, s.file, templateText(s.template, s.rows));
    const dry = await runImport(driver(), dir);
    const report = await runImport(driver(), dir, onePass);
    expect(report.applied).toBe(false);
    expect(report.issues).toContainEqual({ ...expected, reason: expect.stringMatching(expected.reason) });
    expect(report.issues).toEqual(dry.issues);
    expect(await entityCounts()).toEqual({ nodes: 0, rels: 0 });
    // Batches written before the issue was found were logged ahead, then undone.
    const log = await logEntries();
    if (report.undone) expectUndone(log);
    else expect(log).toHaveLength(0);
  });

  it('an issue in the last file undoes the records already written from the files before it', async () => {
    const dir = baseFolder();
    writeFile(dir, 'relationships.csv', templateText('relationships', [...relationships, { ...relationships[0], id: 'r9', from: 'p1', to: 'p2' }]));
    const report = await runImport(driver(), dir, onePass);
    expect(report.applied).toBe(false);
    expect(new Set(report.issues.map((i) => `${i.file} row ${i.row}`))).toEqual(new Set(['relationships.csv row 4']));
    expect(report.undone).toBeGreaterThan(0);
    expect(await entityCounts()).toEqual({ nodes: 0, rels: 0 });
    expectUndone(await logEntries());
  });

  it('a database error in a comparison while earlier writes are queued fails the import cleanly: nothing remains', async () => {
    // The real driver, with its fourth comparison query failing (fault injection; every write is real).
    const real = driver();
    let compares = 0;
    const failing = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop !== 'executeQuery') return Reflect.get(target, prop, receiver);
        return (query: string, ...rest: unknown[]) => {
          if (/^UNWIND \$ids AS id MATCH/.test(query) && ++compares === 4) return Promise.reject(new Error('connection lost (injected)'));
          return (target.executeQuery as (...a: unknown[]) => unknown).call(target, query, ...rest);
        };
      },
    });
    await expect(runImport(failing, baseFolder(), onePass)).rejects.toThrow('connection lost (injected)');
    expect(compares).toBeGreaterThanOrEqual(4);
    expect(await entityCounts()).toEqual({ nodes: 0, rels: 0 });
  });

  it('an id that belongs to another kind of record in the database leaves the stored graph as it was', async () => {
    await runImport(driver(), baseFolder(), { apply: true });
    const before = await snapshot();
    const later = tmpDir();
    writeFile(later, 'people.csv', templateText('people', [{ ...people[0], id: 'new-1' }, { ...people[1], id: 'new-2' }]));
    writeFile(later, 'places.csv', templateText('places', [{ ...places[0], id: 'p1' }]));
    const report = await runImport(driver(), later, onePass);
    expect(report.applied).toBe(false);
    expect(report.issues).toEqual([expect.objectContaining({ file: 'places.csv', row: 2, column: 'id', reason: expect.stringMatching(/already belongs to a Person/) })]);
    expect(await snapshot()).toBe(before);
  });
});

describe('import extras (real Neo4j)', () => {
  beforeEach(async () => { await freshGraph(); });
  afterAll(async () => { await closeDriver(); });

  it('free text is language-checked (warnings, the rows still load) and new people are compared with everyone', async () => {
    const dir = baseFolder();
    writeFile(dir, 'incidents.csv', templateText('incidents', [{ ...incidents[0], summary: 'Staff note she was putting herself at risk' }, incidents[1]]));
    const first = await runImport(driver(), dir, { apply: true, resolve: true });
    expect(first.applied).toBe(true);
    expect(first.warnings).toEqual([expect.objectContaining({ file: 'incidents.csv', row: 2, column: 'summary', phrase: expect.stringMatching(/putting herself at risk/i) })]);
    expect(first.resolution).toEqual({ compared: 1, proposed: 0 });
    const later = tmpDir();
    writeFile(later, 'people.csv', templateText('people', [{ ...people[0], id: 'p1-edu', name: 'One Synthetic Child', source: 'EDUCATION' }]));
    const second = await runImport(driver(), later, { apply: true, resolve: true });
    expect(second.resolution).toEqual({ compared: 2, proposed: 1 });
    const { records } = await driver().executeQuery('MATCH (a)-[r:POSSIBLY_SAME_AS]->(b) RETURN a.id AS a, b.id AS b, r.status AS s');
    expect(records.map((r) => r.toObject())).toEqual([{ a: 'p1', b: 'p1-edu', s: 'hypothesis' }]);
  });
});
