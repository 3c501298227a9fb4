/**
 * Bulk loader: validates every row first (nothing is written if one is bad), then writes with
 * `UNWIND $rows AS row MERGE …` in batches. Idempotent on ids: loading the same rows twice
 * changes nothing. A load applies entirely or not at all:
 *  - up to `singleTransactionMaxRows` rows (default 50,000: every import, the demo borough), all
 *    batches run inside one executeWrite transaction, and `inSameTransaction` (the caller's own
 *    writes, such as the access-log entry for the rows) runs last in that same transaction;
 *  - bigger loads (the borough scale) would need more transaction state than the heap holds, so
 *    they are staged (staged-load.ts): endpoints checked before any write, batches committed one
 *    by one, and a failed load undone (created records deleted, changed ones restored).
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { relKind } from '../../model/model';
import { validateNode, validateRel, ValidNode, ValidRel } from '../../model/validate';
import { RowError } from '../../model/errors';
import type { LoadUnit } from '../../model/types';
import { nodeQuery, relQuery, diagnoseRel } from './load-queries';
import { stagedLoad } from './staged-load';
import type { LoadOptions, LoadSummary, NodeBatchRow, PreparedUnit, RelBatchRow } from './types';
import { openSession } from '../db/session';

export type { LoadOptions, LoadSummary, NodeBatchRow, RelBatchRow, PreparedUnit } from './types';

/** Validate everything up front; throws the first RowError. */
export function prepare(units: LoadUnit[], now = new Date()): PreparedUnit[] {
  // Where each id was first seen, as unit index and row (no string built per row: ~700k rows).
  const seenNodes = new Map<string, number>();
  const seenRels = new Map<string, number>();
  const ROWS_PER_UNIT = 1e9;
  const checkDuplicate = (seen: Map<string, number>, id: string, unitIndex: number, row: number) => {
    const prior = seen.get(id);
    if (prior !== undefined) {
      const where = `${units[Math.floor(prior / ROWS_PER_UNIT)].origin} row ${prior % ROWS_PER_UNIT}`;
      throw new RowError(units[unitIndex].origin, row, 'id', `duplicate id ${JSON.stringify(id)} (also at ${where})`);
    }
    seen.set(id, unitIndex * ROWS_PER_UNIT + row);
  };
  return units.map((unit, u) => {
    if (unit.kind === 'node') {
      const groups = new Map<string, NodeBatchRow[]>();
      for (let idx = 0; idx < unit.rows.length; idx++) {
        const v: ValidNode = validateNode(unit.label, unit.rows[idx], { file: unit.origin, row: idx + 1 }, now);
        checkDuplicate(seenNodes, v.id, u, idx + 1);
        const key = v.labels.join(':');
        let group = groups.get(key);
        if (!group) groups.set(key, (group = []));
        group.push({ i: idx + 1, id: v.id, props: v.props });
      }
      return { unit, nodeGroups: groups };
    }
    const rels: RelBatchRow[] = new Array(unit.rows.length);
    for (let idx = 0; idx < unit.rows.length; idx++) {
      const v: ValidRel = validateRel(unit.type, unit.rows[idx], { file: unit.origin, row: idx + 1 }, now);
      checkDuplicate(seenRels, v.id, u, idx + 1);
      rels[idx] = { i: idx + 1, ...v };
    }
    return { unit, rels };
  });
}

/** Rows up to which a load is one transaction unless the caller says otherwise. */
export const SINGLE_TRANSACTION_MAX_ROWS = 50_000;

export async function load(driver: Driver, units: LoadUnit[], opts: LoadOptions = {}): Promise<LoadSummary> {
  const batchSize = opts.batchSize ?? 2000;
  const prepared = prepare(units, opts.now);
  const total = units.reduce((s, u) => s + u.rows.length, 0);
  const summary: LoadSummary = { rows: total, nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 };
  if (total > (opts.singleTransactionMaxRows ?? SINGLE_TRANSACTION_MAX_ROWS)) {
    if (opts.newOnly) throw new Error('newOnly loads must fit in one transaction');
    if (opts.inSameTransaction) throw new Error('loads with inSameTransaction must fit in one transaction');
    await stagedLoad(driver, prepared, opts, summary, total);
    return summary;
  }
  const session = openSession(driver, opts.database ?? 'neo4j');
  try {
    await session.executeWrite(async (tx) => {
      Object.assign(summary, { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 });
      let done = 0;
      const count = (c: Record<string, number>) => {
        summary.nodesCreated += c.nodesCreated ?? 0;
        summary.relationshipsCreated += c.relationshipsCreated ?? 0;
        summary.propertiesSet += c.propertiesSet ?? 0;
        summary.labelsAdded += c.labelsAdded ?? 0;
      };
      // Nodes first, so relationships can find their endpoints in the same transaction.
      const ordered = [...prepared].sort((a, b) => Number(!!a.rels) - Number(!!b.rels));
      for (const p of ordered) {
        if (p.nodeGroups) {
          for (const [labelKey, rows] of p.nodeGroups) {
            for (let s = 0; s < rows.length; s += batchSize) {
              const batch = rows.slice(s, s + batchSize);
              const res = await runBatch(tx, opts, p.unit.origin, batch, nodeQuery(labelKey), { rows: batch });
              if (opts.newOnly) refuseExisting(p.unit.origin, batch, res.summary.counters.updates().nodesCreated);
              count(res.summary.counters.updates());
              done += batch.length;
              opts.onProgress?.(done, total);
            }
          }
        } else if (p.rels && p.unit.kind === 'rel') {
          const kind = relKind(p.unit.type)!;
          for (let s = 0; s < p.rels.length; s += batchSize) {
            const batch = p.rels.slice(s, s + batchSize);
            const res = await runBatch(tx, opts, p.unit.origin, batch, relQuery(kind.type), { rows: batch, fromLabels: kind.from, toLabels: kind.to });
            if ((res.records[0]?.get('n') ?? 0) < batch.length) {
              await diagnoseRel(tx, p.unit.origin, kind.type, batch, kind.from, kind.to);
            }
            if (opts.newOnly) refuseExisting(p.unit.origin, batch, res.summary.counters.updates().relationshipsCreated);
            count(res.summary.counters.updates());
            done += batch.length;
            opts.onProgress?.(done, total);
          }
        }
      }
      await opts.inSameTransaction?.(tx, summary);
    });
  } finally {
    await session.close();
  }
  return summary;
}

const idInUse = (origin: string, batch: Array<{ i: number }>): RowError => {
  const last = batch[batch.length - 1].i;
  return new RowError(origin, batch[0].i, 'id', batch.length === 1 ? 'this id is already in use' : `an id in rows ${batch[0].i}-${last} is already in use`);
};

/** For newOnly loads: MERGE created fewer records than the batch has rows, so some id exists. */
function refuseExisting(origin: string, batch: Array<{ i: number }>, created: number | undefined): void {
  if ((created ?? 0) < batch.length) throw idInUse(origin, batch);
}

/**
 * Runs one batch. In a newOnly load, a uniqueness constraint failing on the batch means one of its
 * ids is in use: MERGE on a relationship matches its endpoints too, so a relationship id taken
 * meanwhile between other records is not found by MERGE and fails the constraint instead.
 */
async function runBatch(tx: ManagedTransaction, opts: LoadOptions, origin: string, batch: Array<{ i: number }>, query: string, params: Record<string, unknown>) {
  try {
    return await tx.run(query, params);
  } catch (e) {
    if (opts.newOnly && (e as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed') throw idInUse(origin, batch);
    throw e;
  }
}
