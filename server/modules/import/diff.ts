/**
 * What an import would change, by comparing validated rows with the database before writing:
 * created (new id), updated (some given value or label differs: an alteration), unchanged.
 * Only the fields a row gives are compared, as the loader only sets those.
 */
import neo4j, { Driver } from 'neo4j-driver';
import type { CheckedNode, CheckedRel } from './check';
import type { ImportIssue } from './convert';
import { seekId } from '../../platform/bulk/load-queries';

export interface Change { id: string; kind: 'node' | 'rel'; type: string; fields: string[] }
export interface Diff { created: string[]; updated: Change[]; unchanged: number; issues: ImportIssue[] }

const isTemporal = (v: unknown): boolean =>
  neo4j.isDate(v as never) || neo4j.isDateTime(v as never) || neo4j.isLocalDateTime(v as never);

/** A comparable text form of a property value, whichever side (driver or validator) made it. */
export function norm(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (neo4j.isInt(v as never)) return String((v as { toNumber(): number }).toNumber());
  if (isTemporal(v)) return String(v);
  if (Array.isArray(v)) return `[${v.map(norm).join(',')}]`;
  return JSON.stringify(v);
}

const TEMPORAL_FIELDS = ['year', 'month', 'day', 'hour', 'minute', 'second', 'nanosecond', 'timeZoneOffsetSeconds', 'timeZoneId'] as const;
const num = (v: unknown): unknown => (neo4j.isInt(v as never) ? (v as { toNumber(): number }).toNumber() : v);

/**
 * norm(a) === norm(b), without building the text in the common cases (a re-import compares
 * every stored property): equal primitives, integers either way, lists, temporal values of the
 * same kind field by field.
 */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' && typeof b !== 'object') return false;
  if (neo4j.isInt(a as never) || neo4j.isInt(b as never)) return num(a) === num(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isTemporal(a) && isTemporal(b) && Object.getPrototypeOf(a) === Object.getPrototypeOf(b)) {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    return TEMPORAL_FIELDS.every((f) => num(x[f]) === num(y[f]));
  }
  return norm(a) === norm(b);
}

const changedFields = (given: Record<string, unknown>, stored: Record<string, unknown>): string[] =>
  Object.keys(given).filter((k) => !same(given[k], stored[k]));

export const DIFF_BATCH = 10_000;

/** Compares one batch of validated nodes (at most DIFF_BATCH) with the database, adding to out. */
export async function diffNodes(driver: Driver, database: string, batch: CheckedNode[], out: Diff): Promise<void> {
  const { records } = await driver.executeQuery(
    `UNWIND $ids AS id MATCH (n:Entity {id: id}) ${seekId('n')} RETURN n.id AS id, labels(n) AS labels, properties(n) AS props`,
    { ids: batch.map((n) => n.id) }, { database, routing: 'READ' });
  const stored = new Map(records.map((r) => [r.get('id') as string, { labels: r.get('labels') as string[], props: r.get('props') }]));
  for (const n of batch) {
    const s = stored.get(n.id);
    if (!s) { out.created.push(n.id); continue; }
    if (!s.labels.includes(n.rec.type)) {
      out.issues.push({ file: n.rec.file, row: n.rec.row, column: n.rec.columnOf.id ?? 'id',
        reason: `id ${n.id} already belongs to a ${s.labels.filter((l) => l !== 'Entity').join('/')} record, not a ${n.rec.type}` });
      continue;
    }
    const fields = changedFields(n.props, s.props);
    const newLabels = n.labels.filter((l) => !s.labels.includes(l));
    if (newLabels.length) fields.push(`labels +${newLabels.join('+')}`);
    if (fields.length) out.updated.push({ id: n.id, kind: 'node', type: n.rec.type, fields });
    else out.unchanged += 1;
  }
}

/** Compares one batch of validated relationships of one type with the database, adding to out. */
export async function diffRels(driver: Driver, database: string, type: string, batch: CheckedRel[], out: Diff): Promise<void> {
  // type comes from the model's relationship list (checked by the mapping), never from cell text.
  // The seek is a hint, not the planner's choice: this query now and then got a cached plan that
  // scanned the type's index once per id, and one import in five ran for minutes (quadratic). Ends
  // are read with startNode/endNode for the same reason (naming them got the scan on re-imports).
  const { records } = await driver.executeQuery(
    `UNWIND $ids AS id MATCH ()-[r:${type} {id: id}]->() ${seekId('r', type)} RETURN r.id AS id, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props`,
    { ids: batch.map((r) => r.id) }, { database, routing: 'READ' });
  const stored = new Map(records.map((r) => [r.get('id') as string, { from: r.get('from'), to: r.get('to'), props: r.get('props') }]));
  for (const r of batch) {
    const s = stored.get(r.id);
    if (!s) { out.created.push(r.id); continue; }
    if (s.from !== r.from || s.to !== r.to) {
      out.issues.push({ file: r.rec.file, row: r.rec.row, column: r.rec.columnOf.id ?? 'id',
        reason: `relationship ${r.id} already joins ${s.from} → ${s.to}; an id cannot be moved to other ends` });
      continue;
    }
    const fields = changedFields(r.props, s.props);
    if (fields.length) out.updated.push({ id: r.id, kind: 'rel', type, fields });
    else out.unchanged += 1;
  }
}

export async function diff(driver: Driver, database: string, nodes: CheckedNode[], rels: CheckedRel[]): Promise<Diff> {
  const out: Diff = { created: [], updated: [], unchanged: 0, issues: [] };
  for (let i = 0; i < nodes.length; i += DIFF_BATCH) await diffNodes(driver, database, nodes.slice(i, i + DIFF_BATCH), out);
  const byType = new Map<string, CheckedRel[]>();
  for (const r of rels) (byType.get(r.type) ?? byType.set(r.type, []).get(r.type)!).push(r);
  for (const [type, list] of byType) {
    for (let i = 0; i < list.length; i += DIFF_BATCH) await diffRels(driver, database, type, list.slice(i, i + DIFF_BATCH), out);
  }
  return out;
}
