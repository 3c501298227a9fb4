/** The loader's Cypher. Labels and types come from the model (never from input text). */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { ENTITY_LABEL } from '../../model/model';
import { RowError } from '../../model/errors';
import { wrongEndReason } from '../../model/validate';

/**
 * A planner hint: look the id up in its unique index. Batch queries are planned once and cached,
 * and one such cached plan scanned a relationship index once per id instead (caught in a thread
 * dump), which made an occasional import run for minutes. The hint takes the guess away.
 */
export const seekId = (variable: string, label: string = ENTITY_LABEL): string => `USING INDEX SEEK ${variable}:${label}(id)`;

export const nodeQuery = (labelKey: string): string =>
  `UNWIND $rows AS row MERGE (n:${ENTITY_LABEL} {id: row.id}) SET n:${labelKey} SET n += row.props RETURN count(n) AS n`;

/** Endpoints must exist and carry an allowed label; a mismatch returns fewer rows than sent. */
const mergeRel = (type: string): string => `UNWIND $rows AS row
MATCH (a:${ENTITY_LABEL} {id: row.from}) ${seekId('a')} WHERE any(l IN labels(a) WHERE l IN $fromLabels)
MATCH (b:${ENTITY_LABEL} {id: row.to}) ${seekId('b')} WHERE any(l IN labels(b) WHERE l IN $toLabels)
MERGE (a)-[r:${type} {id: row.id}]->(b)`;

export function relQuery(type: string): string {
  return `${mergeRel(type)} SET r += row.props RETURN count(r) AS n`;
}

/** Old property values with their Cypher types (see typedProps in staged-load.ts). */
const TYPED_PROPS = (v: string) => `[k IN keys(${v}) | [k, ${v}[k], valueType(${v}[k])]]`;

/**
 * Staged loads write a batch and learn, in the same query, what the records that already existed
 * looked like before (to undo a failed load). A record MERGE has just created carries only its id
 * (and, for a node, only the Entity label); every stored record has its required fields too.
 */
export const stagedNodeQuery = (labelKey: string): string =>
  `UNWIND $rows AS row MERGE (n:${ENTITY_LABEL} {id: row.id})
WITH row, n, CASE WHEN size(keys(n)) = 1 AND labels(n) = ['${ENTITY_LABEL}'] THEN null ELSE [labels(n), ${TYPED_PROPS('n')}] END AS before
SET n:${labelKey} SET n += row.props
RETURN count(*) AS n, collect(CASE WHEN before IS NOT NULL THEN [row.id, before] END) AS existing`;

export function stagedRelQuery(type: string): string {
  return `${mergeRel(type)}
WITH row, r, CASE WHEN size(keys(r)) = 1 THEN null ELSE ${TYPED_PROPS('r')} END AS before
SET r += row.props
RETURN count(*) AS n, collect(CASE WHEN before IS NOT NULL THEN [row.id, before] END) AS existing`;
}

const DIAGNOSE_REL = `UNWIND $rows AS row
OPTIONAL MATCH (a:${ENTITY_LABEL} {id: row.from}) ${seekId('a')} OPTIONAL MATCH (b:${ENTITY_LABEL} {id: row.to}) ${seekId('b')}
WITH row, a, b WHERE a IS NULL OR b IS NULL
   OR NOT any(l IN labels(a) WHERE l IN $fromLabels) OR NOT any(l IN labels(b) WHERE l IN $toLabels)
RETURN row.i AS i, row.from AS from, row.to AS to, a IS NULL AS noFrom, b IS NULL AS noTo,
       labels(a) AS fromLabels, labels(b) AS toLabels ORDER BY i LIMIT 1`;

/** Names the first bad row of a relationship batch that wrote fewer rows than it sent. */
export async function diagnoseRel(tx: ManagedTransaction, file: string, type: string, rows: Array<{ i: number }>, fromLabels: string[], toLabels: string[]): Promise<never> {
  const res = await tx.run(DIAGNOSE_REL, { rows, fromLabels, toLabels });
  const r = res.records[0];
  if (!r) throw new Error(`${file}: ${type} batch wrote fewer relationships than rows, cause unknown`);
  const i = r.get('i') as number;
  if (r.get('noFrom')) throw new RowError(file, i, 'from', `reference to an unknown id ${JSON.stringify(r.get('from'))}`);
  if (r.get('noTo')) throw new RowError(file, i, 'to', `reference to an unknown id ${JSON.stringify(r.get('to'))}`);
  const bad = !(r.get('fromLabels') as string[]).some((l) => fromLabels.includes(l));
  throw new RowError(file, i, bad ? 'from' : 'to', wrongEndReason(type, bad ? 'from' : 'to'));
}

export const LOOKUP_BATCH = 10_000;

/** What decides whether a stored record may be seen (see server/platform/policy.ts). */
export interface StoredMarking { labels: readonly string[]; source?: string | null; handling?: string | null; sharedWith?: readonly string[] | null }

/**
 * Labels of the ids that exist in the database (ids not returned do not exist). With `visible`,
 * a record the caller may not see is left out too: to them it does not exist.
 */
export async function lookupLabels(on: Driver | Pick<ManagedTransaction, 'run'>, database: string, ids: string[], visible?: (m: StoredMarking) => boolean): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const query = `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) ${seekId('n')}
       RETURN n.id AS id, labels(n) AS labels, n.source AS source, n.handling AS handling, n.sharedWith AS sharedWith`;
  for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
    const params = { ids: ids.slice(i, i + LOOKUP_BATCH) };
    // A driver reads in its own transaction; a caller's transaction reads under the locks it holds.
    const { records } = 'executeQuery' in on ? await on.executeQuery(query, params, { database, routing: 'READ' }) : await on.run(query, params);
    for (const r of records) {
      if (visible && !visible({ labels: r.get('labels'), source: r.get('source'), handling: r.get('handling'), sharedWith: r.get('sharedWith') })) continue;
      out.set(r.get('id'), r.get('labels'));
    }
  }
  return out;
}
