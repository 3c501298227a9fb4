/** Staged loads (too big for one transaction): same results, bad rows stop before writing, failures are undone. */
import { freshGraph, counts, closeDriver, driver } from '../../../../tests/support/db';
import { load, prepare } from '../loader';
import { spawnSync } from 'node:child_process';
import { openStagedWriter, type StagedWriter } from '../staged-load';
import { recoverAbandonedLoads, FOREIGN_LOAD_STALE_MS } from '../load-journal';
import type { LoadUnit } from '../../../model/types';
import { base, person, prov, snapshot } from './support/small-graph';

/** Force staging on a small load, one row per batch so failures can land between batches. */
const staged = { singleTransactionMaxRows: 0, batchSize: 1 };

describe('staged loading (real Neo4j)', () => {
  beforeEach(async () => { await freshGraph(); });
  afterAll(async () => { await closeDriver(); });

  it('writes the same graph as one transaction, and loading twice changes nothing', async () => {
    await load(driver(), base());
    const single = await snapshot();
    await freshGraph();
    const first = await load(driver(), base(), staged);
    expect(first.nodesCreated).toBe(4);
    expect(first.relationshipsCreated).toBe(3);
    expect(await snapshot()).toBe(single);
    const second = await load(driver(), base(), staged);
    expect(second.nodesCreated + second.relationshipsCreated + second.labelsAdded).toBe(0);
    expect(await snapshot()).toBe(single);
  });

  it('accepts endpoints already in the graph', async () => {
    await load(driver(), base().slice(0, 3));
    const s = await load(driver(), base().slice(3), staged);
    expect(s.relationshipsCreated).toBe(3);
  });

  it.each([
    ['unknown endpoint', (u: LoadUnit[]) => { (u[4].rows[0] as any).to = 'nowhere'; }, /at\.ndjson, row 1, field "to": reference to an unknown id "nowhere"/],
    ['exploitation from a child', (u: LoadUnit[]) => { (u[5].rows[0] as any).from = 'p1'; (u[5].rows[0] as any).to = 'p2'; }, /exploits\.ndjson, row 1, field "from": EXPLOITS must start at PersonOfConcern/],
  ])('a bad endpoint (%s) stops the load before anything is written', async (_n, spoil, message) => {
    const units = base();
    spoil(units);
    let batches = 0;
    await expect(load(driver(), units, { ...staged, onProgress: () => { batches += 1; } })).rejects.toThrow(message);
    expect(batches).toBe(0);
    expect(await counts()).toEqual({ nodes: 0, rels: 0 });
  });

  it('a failure between batches undoes the load: created records go, changed records get their old values back', async () => {
    const exclusion = (days: number): LoadUnit => ({ kind: 'node', label: 'Exclusion', origin: 'exclusions.ndjson', rows: [{ id: 'x1', occurredAt: '2025-03-01T09:00:00Z', kind: 'suspension', days, ...prov, source: 'EDUCATION' }] });
    await load(driver(), [...base().slice(0, 3), exclusion(3)]);
    const before = await snapshot();
    const units = [exclusion(5), ...base()];
    (units[2].rows[0] as any).name = 'Renamed Park';
    (units[1].rows[1] as any).roles = ['PersonOfConcern', 'TrustedAdult'];
    units[1].rows.push(person('p3', '2011-06-01', ['YoungPerson']) as never);
    let batches = 0;
    const failing = { ...staged, onProgress: () => { batches += 1; if (batches === 7) throw new Error('simulated outage'); } };
    await expect(load(driver(), units, failing)).rejects.toThrow('simulated outage');
    expect(batches).toBe(7);
    expect(await snapshot()).toBe(before);
    // Restored values keep their types (an integer stays an integer).
    const { records } = await driver().executeQuery('MATCH (x:Exclusion {id: "x1"}) RETURN x.days AS days, valueType(x.days) AS t');
    expect(records[0].get('days')).toBe(3);
    expect(records[0].get('t')).toMatch(/^INTEGER/);
  });

  it('the streaming writer writes batches in flight together, and abort() undoes what it wrote', async () => {
    await load(driver(), base().slice(0, 1));
    const before = await snapshot();
    const writer = await writeBase({ batchSize: 1, concurrency: 3 });
    // Two places/events and three relationships created; the people were already there, unchanged.
    expect(await writer.abort(new Error('the caller found a problem'))).toBe(5);
    expect(await snapshot()).toBe(before);
    expect(await journalNodes()).toBe(0);
  });

  it('a finished load leaves no journal behind', async () => {
    const writer = await writeBase({ batchSize: 2 });
    expect(await writer.finish()).toMatchObject({ rows: 7, nodesCreated: 4, relationshipsCreated: 3 });
    expect(await journalNodes()).toBe(0);
    expect(await recoverAbandonedLoads(driver(), 'neo4j')).toEqual([]);
  });

  describe('a load whose writing process stopped half-way', () => {
    /** Writes a load that changes a person and adds a place and an event, and leaves it unfinished. */
    async function abandonedLoad(): Promise<{ before: string; written: string }> {
      await load(driver(), base().slice(0, 1));
      const before = await snapshot();
      const units = base();
      (units[0].rows[0] as any).name = 'Renamed Person';
      const writer = openStagedWriter(driver(), { batchSize: 1, description: 'import of test files' });
      for (const p of prepare(units)) for (const [key, rows] of p.nodeGroups ?? []) await writer.writeNodes(key, rows);
      await settled(writer);
      return { before, written: await snapshot() };
    }

    it('is undone by the next recovery once its process is gone, whatever it created or changed', async () => {
      const { before, written } = await abandonedLoad();
      expect(written).not.toBe(before);
      // Still this process's: left alone.
      expect(await recoverAbandonedLoads(driver(), 'neo4j')).toEqual([]);
      await driver().executeQuery('MATCH (j:LoadJournal) SET j.pid = $pid', { pid: goneProcess() });
      const recovered = await recoverAbandonedLoads(driver(), 'neo4j');
      expect(recovered).toHaveLength(1);
      expect(recovered[0].description).toBe('import of test files');
      expect([...recovered[0].ids].sort()).toEqual(['e1', 'l1', 'p1']);
      expect(await snapshot()).toBe(before);
      expect(await journalNodes()).toBe(0);
    });

    it('on another host, is undone only after it has written nothing for a while', async () => {
      const { before } = await abandonedLoad();
      await driver().executeQuery('MATCH (j:LoadJournal) SET j.host = "another-host"');
      expect(await recoverAbandonedLoads(driver(), 'neo4j')).toEqual([]);
      const later = Date.now() + FOREIGN_LOAD_STALE_MS + 60_000;
      expect(await recoverAbandonedLoads(driver(), 'neo4j', later)).toHaveLength(1);
      expect(await snapshot()).toBe(before);
    });
  });
});

async function writeBase(opts: { batchSize: number; concurrency?: number }): Promise<StagedWriter> {
  const writer = openStagedWriter(driver(), opts);
  const prepared = prepare(base());
  for (const p of prepared) for (const [key, rows] of p.nodeGroups ?? []) await writer.writeNodes(key, rows);
  for (const p of prepared) if (p.rels && p.unit.kind === 'rel') await writer.writeRels(p.unit.type, p.unit.origin, p.rels);
  return writer;
}

/** Waits for the writer's batches without finishing it: writeRels with no rows waits for node batches. */
async function settled(writer: StagedWriter): Promise<void> {
  await writer.writeRels('ATTENDS', 'none', []);
}

async function journalNodes(): Promise<number> {
  const { records } = await driver().executeQuery('MATCH (x) WHERE x:LoadJournal OR x:LoadJournalBatch OR x:LoadJournalBefore RETURN count(x) AS n');
  return Number(records[0].get('n'));
}

/** The pid of a process that has exited. */
function goneProcess(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}
