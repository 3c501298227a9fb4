/**
 * Every rule for imported rows, collecting all problems rather than stopping at the first: the
 * model validator (codes, dates, grading, provenance, child first), impossible ages, duplicate ids
 * within the import, and references to ids neither in the import nor in the database (with the
 * labels each relationship type allows at its ends).
 *
 * The per-record rules (checkRecord, endpointIssue) are shared by the streaming import (stream.ts)
 * and by checkRows / checkReferences, which recording one fact through the API uses.
 */
import type { Driver } from 'neo4j-driver';
import { relKind } from '../../model/model';
import { validateNode, validateRel, wrongEndReason, ValidNode, ValidRel } from '../../model/validate';
import { ageOn } from '../../domain/age';
import { RowError } from '../../model/errors';
import { lookupLabels, type StoredMarking } from '../../platform/bulk/load-queries';
import type { ImportIssue, ParsedRecord } from './convert';

/** Oldest plausible age at import: older dates of birth are typing errors. */
export const MAX_AGE = 110;

export interface CheckedNode extends ValidNode { rec: ParsedRecord }
export interface CheckedRel extends ValidRel { type: string; rec: ParsedRecord }

export interface Checked { nodes: CheckedNode[]; rels: CheckedRel[]; issues: ImportIssue[] }

const issueFrom = (rec: ParsedRecord, e: RowError): ImportIssue =>
  ({ file: rec.file, row: rec.row, column: rec.columnOf[e.field] ?? e.field, reason: e.reason });

/**
 * The model's rules for one record (validated once: the result is what the loader writes), and
 * impossible ages. Returns the validated record or the issue.
 */
export function checkRecord(rec: ParsedRecord, now: Date): { node?: CheckedNode; rel?: CheckedRel; issue?: ImportIssue } {
  try {
    if (rec.kind === 'node') {
      const v = validateNode(rec.type, rec.data as never, rec, now);
      const dob = rec.data.dateOfBirth;
      if (typeof dob === 'string' && ageOn(dob, now) > MAX_AGE) {
        throw new RowError(rec.file, rec.row, 'dateOfBirth', `impossible age: born ${dob} would make them ${ageOn(dob, now)}`);
      }
      return { node: { id: v.id, labels: v.labels, props: v.props, rec } };
    }
    const v = validateRel(rec.type, rec.data as never, rec, now);
    return { rel: { id: v.id, from: v.from, to: v.to, props: v.props, type: rec.type, rec } };
  } catch (e) {
    if (e instanceof RowError) return { issue: issueFrom(rec, e) };
    throw e;
  }
}

export const duplicateIssue = (rec: ParsedRecord, id: string, priorFile: string, priorRow: number): ImportIssue =>
  ({ file: rec.file, row: rec.row, column: rec.columnOf.id ?? 'id', reason: `duplicate id ${JSON.stringify(id)} (also at ${priorFile} line ${priorRow})` });

/** Row-level rules (no database). */
export function checkRows(records: ParsedRecord[], now = new Date()): Checked {
  const out: Checked = { nodes: [], rels: [], issues: [] };
  const seen = new Map<string, ParsedRecord>();
  const duplicate = (key: string, id: string, rec: ParsedRecord): boolean => {
    const prior = seen.get(key);
    if (prior) {
      out.issues.push(duplicateIssue(rec, id, prior.file, prior.row));
      return true;
    }
    seen.set(key, rec);
    return false;
  };
  for (const rec of records) {
    const c = checkRecord(rec, now);
    if (c.issue) out.issues.push(c.issue);
    else if (c.node) { if (!duplicate(`node:${c.node.id}`, c.node.id, rec)) out.nodes.push(c.node); }
    else if (c.rel && !duplicate(`rel:${c.rel.id}`, c.rel.id, rec)) out.rels.push(c.rel);
  }
  return out;
}

/**
 * The issue with one end of a relationship, if any: unknown id (labels undefined: neither in the
 * import nor in the database) or a label the relationship type does not allow at that end.
 */
export function endpointIssue(
  type: string, rec: { file: string; row: number; columnOf: Record<string, string> }, end: 'from' | 'to', id: string, labels: readonly string[] | undefined,
): ImportIssue | undefined {
  const kind = relKind(type)!;
  const allowed = end === 'from' ? kind.from : kind.to;
  const column = rec.columnOf[end] ?? end;
  if (!labels) return { file: rec.file, row: rec.row, column, reason: `reference to an unknown id ${JSON.stringify(id)}` };
  if (labels.some((l) => allowed.includes(l))) return undefined;
  return {
    file: rec.file, row: rec.row, column,
    reason: wrongEndReason(type, end, `, but ${id} is ${labels.filter((l) => l !== 'Entity').join('/')}`),
  };
}

/**
 * Relationship ends must exist (in this import or the database) and carry a label the type
 * allows. With `visible`, an end the caller may not see is an unknown id (its kind is not told).
 */
export async function checkReferences(driver: Driver, database: string, c: Checked, visible?: (m: StoredMarking) => boolean): Promise<ImportIssue[]> {
  const labelsOf = new Map<string, string[]>(c.nodes.map((n) => [n.id, n.labels]));
  const missing = [...new Set(c.rels.flatMap((r) => [r.from, r.to]).filter((id) => !labelsOf.has(id)))];
  for (const [id, labels] of await lookupLabels(driver, database, missing, visible)) labelsOf.set(id, labels);
  const issues: ImportIssue[] = [];
  for (const r of c.rels) {
    for (const end of ['from', 'to'] as const) {
      const issue = endpointIssue(r.type, r.rec, end, r[end], labelsOf.get(r[end]));
      if (issue) issues.push(issue);
    }
  }
  return issues;
}
