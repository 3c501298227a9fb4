/**
 * Bulk loader: validates every row first (nothing is written if one is bad), then writes with
 * `UNWIND $rows AS row MERGE …` in batches, all inside one executeWrite transaction so a load
 * applies entirely or not at all. Idempotent on ids: loading the same rows twice changes nothing.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { relKind, ENTITY_LABEL } from '../model/model';
import { validateNode, validateRel, ValidNode, ValidRel } from '../model/validate';
import { RowError } from '../model/errors';
import type { LoadUnit } from '../model/types';

export interface LoadOptions {
  database?: string;
  batchSize?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface LoadSummary {
  rows: number;
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
  labelsAdded: number;
}

type NodeBatchRow = { i: number; id: string; props: Record<string, unknown> };
type RelBatchRow = { i: number; id: string; from: string; to: string; props: Record<string, unknown> };

interface PreparedUnit {
  unit: LoadUnit;
  /** Node rows grouped by their exact label set (labels come from the model, never from input text). */
  nodeGroups?: Map<string, NodeBatchRow[]>;
  rels?: RelBatchRow[];
}

/** Validate everything up front; throws the first RowError. */
export function prepare(units: LoadUnit[], now = new Date()): PreparedUnit[] {
  const seen = new Map<string, string>();
  const checkDuplicate = (id: string, file: string, row: number) => {
    const where = `${file} row ${row}`;
    const prior = seen.get(id);
    if (prior) throw new RowError(file, row, 'id', `duplicate id ${JSON.stringify(id)} (also at ${prior})`);
    seen.set(id, where);
  };
  return units.map((unit) => {
    if (unit.kind === 'node') {
      const groups = new Map<string, NodeBatchRow[]>();
      unit.rows.forEach((row, idx) => {
        const v: ValidNode = validateNode(unit.label, row, { file: unit.origin, row: idx + 1 }, now);
        checkDuplicate(v.id, unit.origin, idx + 1);
        const key = v.labels.join(':');
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key)!.push({ i: idx + 1, id: v.id, props: v.props });
      });
      return { unit, nodeGroups: groups };
    }
    const rels = unit.rows.map((row, idx) => {
      const v: ValidRel = validateRel(unit.type, row, { file: unit.origin, row: idx + 1 }, now);
      checkDuplicate(`rel:${v.id}`, unit.origin, idx + 1);
      return { i: idx + 1, ...v };
    });
    return { unit, rels };
  });
}

const nodeQuery = (labelKey: string): string =>
  `UNWIND $rows AS row MERGE (n:${ENTITY_LABEL} {id: row.id}) SET n:${labelKey} SET n += row.props RETURN count(n) AS n`;

/** Endpoints must exist and carry an allowed label; a mismatch returns fewer rows than sent. */
function relQuery(type: string): string {
  return `UNWIND $rows AS row
MATCH (a:${ENTITY_LABEL} {id: row.from}) WHERE any(l IN labels(a) WHERE l IN $fromLabels)
MATCH (b:${ENTITY_LABEL} {id: row.to}) WHERE any(l IN labels(b) WHERE l IN $toLabels)
MERGE (a)-[r:${type} {id: row.id}]->(b) SET r += row.props RETURN count(r) AS n`;
}

const DIAGNOSE_REL = `UNWIND $rows AS row
OPTIONAL MATCH (a:${ENTITY_LABEL} {id: row.from}) OPTIONAL MATCH (b:${ENTITY_LABEL} {id: row.to})
WITH row, a, b WHERE a IS NULL OR b IS NULL
   OR NOT any(l IN labels(a) WHERE l IN $fromLabels) OR NOT any(l IN labels(b) WHERE l IN $toLabels)
RETURN row.i AS i, row.from AS from, row.to AS to, a IS NULL AS noFrom, b IS NULL AS noTo,
       labels(a) AS fromLabels, labels(b) AS toLabels ORDER BY i LIMIT 1`;

async function diagnoseRel(tx: ManagedTransaction, file: string, type: string, rows: RelBatchRow[], fromLabels: string[], toLabels: string[]): Promise<never> {
  const res = await tx.run(DIAGNOSE_REL, { rows, fromLabels, toLabels });
  const r = res.records[0];
  if (!r) throw new Error(`${file}: ${type} batch wrote fewer relationships than rows, cause unknown`);
  const i = r.get('i') as number;
  if (r.get('noFrom')) throw new RowError(file, i, 'from', `reference to an unknown id ${JSON.stringify(r.get('from'))}`);
  if (r.get('noTo')) throw new RowError(file, i, 'to', `reference to an unknown id ${JSON.stringify(r.get('to'))}`);
  const bad = !(r.get('fromLabels') as string[]).some((l) => fromLabels.includes(l));
  const field = bad ? 'from' : 'to';
  const allowed = bad ? fromLabels : toLabels;
  throw new RowError(file, i, field, `${type} must ${bad ? 'start at' : 'end at'} ${allowed.join(' or ')}` +
    (type === 'EXPLOITS' || type === 'GROOMS' || type === 'RECRUITS' ? ' (alleged exploitation is always from an adult person of concern to a young person)' : ''));
}

export async function load(driver: Driver, units: LoadUnit[], opts: LoadOptions = {}): Promise<LoadSummary> {
  const batchSize = opts.batchSize ?? 2000;
  const prepared = prepare(units, opts.now);
  const total = units.reduce((s, u) => s + u.rows.length, 0);
  const summary: LoadSummary = { rows: total, nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 };
  const session = driver.session({ database: opts.database ?? 'neo4j' });
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
              const res = await tx.run(nodeQuery(labelKey), { rows: batch });
              count(res.summary.counters.updates());
              done += batch.length;
              opts.onProgress?.(done, total);
            }
          }
        } else if (p.rels && p.unit.kind === 'rel') {
          const kind = relKind(p.unit.type)!;
          for (let s = 0; s < p.rels.length; s += batchSize) {
            const batch = p.rels.slice(s, s + batchSize);
            const res = await tx.run(relQuery(kind.type), { rows: batch, fromLabels: kind.from, toLabels: kind.to });
            if ((res.records[0]?.get('n') ?? 0) < batch.length) {
              await diagnoseRel(tx, p.unit.origin, kind.type, batch, kind.from, kind.to);
            }
            count(res.summary.counters.updates());
            done += batch.length;
            opts.onProgress?.(done, total);
          }
        }
      }
    });
  } finally {
    await session.close();
  }
  return summary;
}
