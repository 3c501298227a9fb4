/**
 * Every rule for imported rows, collecting all problems rather than stopping at the first: the
 * model validator (codes, dates, grading, provenance, child first), impossible ages, duplicate ids
 * within the import, and references to ids neither in the import nor in the database (with the
 * labels each relationship type allows at its ends).
 */
import type { Driver } from 'neo4j-driver';
import { relKind } from '../model/model';
import { validateNode, validateRel, ageOn, ValidNode, ValidRel } from '../model/validate';
import { RowError } from '../model/errors';
import type { ImportIssue, ParsedRecord } from './convert';

/** Oldest plausible age at import: older dates of birth are typing errors. */
export const MAX_AGE = 110;

export interface CheckedNode extends ValidNode { rec: ParsedRecord }
export interface CheckedRel extends ValidRel { type: string; rec: ParsedRecord }

export interface Checked { nodes: CheckedNode[]; rels: CheckedRel[]; issues: ImportIssue[] }

const issueFrom = (rec: ParsedRecord, e: RowError): ImportIssue =>
  ({ file: rec.file, row: rec.row, column: rec.columnOf[e.field] ?? e.field, reason: e.reason });

/** Row-level rules (no database). */
export function checkRows(records: ParsedRecord[], now = new Date()): Checked {
  const out: Checked = { nodes: [], rels: [], issues: [] };
  const seen = new Map<string, ParsedRecord>();
  const duplicate = (key: string, id: string, rec: ParsedRecord): boolean => {
    const prior = seen.get(key);
    if (prior) {
      out.issues.push({ file: rec.file, row: rec.row, column: rec.columnOf.id ?? 'id', reason: `duplicate id ${JSON.stringify(id)} (also at ${prior.file} row ${prior.row})` });
      return true;
    }
    seen.set(key, rec);
    return false;
  };
  for (const rec of records) {
    try {
      if (rec.kind === 'node') {
        const v = validateNode(rec.type, rec.data as never, rec, now);
        const dob = rec.data.dateOfBirth;
        if (typeof dob === 'string' && ageOn(dob, now) > MAX_AGE) {
          throw new RowError(rec.file, rec.row, 'dateOfBirth', `impossible age: born ${dob} would make them ${ageOn(dob, now)}`);
        }
        if (!duplicate(`node:${v.id}`, v.id, rec)) out.nodes.push({ ...v, rec });
      } else {
        const v = validateRel(rec.type, rec.data as never, rec, now);
        if (!duplicate(`rel:${v.id}`, v.id, rec)) out.rels.push({ ...v, type: rec.type, rec });
      }
    } catch (e) {
      if (e instanceof RowError) out.issues.push(issueFrom(rec, e));
      else throw e;
    }
  }
  return out;
}

const EXPLOITATION = ['EXPLOITS', 'GROOMS', 'RECRUITS'];

/** Relationship ends must exist (in this import or the database) and carry a label the type allows. */
export async function checkReferences(driver: Driver, database: string, c: Checked): Promise<ImportIssue[]> {
  const labelsOf = new Map<string, string[]>(c.nodes.map((n) => [n.id, n.labels]));
  const missing = [...new Set(c.rels.flatMap((r) => [r.from, r.to]).filter((id) => !labelsOf.has(id)))];
  for (let i = 0; i < missing.length; i += 10_000) {
    const { records } = await driver.executeQuery(
      'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, labels(n) AS labels',
      { ids: missing.slice(i, i + 10_000) }, { database, routing: 'READ' });
    for (const r of records) labelsOf.set(r.get('id'), r.get('labels'));
  }
  const issues: ImportIssue[] = [];
  for (const r of c.rels) {
    const kind = relKind(r.type)!;
    for (const [end, allowed] of [['from', kind.from], ['to', kind.to]] as const) {
      const id = r[end];
      const labels = labelsOf.get(id);
      const column = r.rec.columnOf[end] ?? end;
      if (!labels) issues.push({ file: r.rec.file, row: r.rec.row, column, reason: `reference to an unknown id ${JSON.stringify(id)}` });
      else if (!labels.some((l) => allowed.includes(l))) {
        issues.push({
          file: r.rec.file, row: r.rec.row, column,
          reason: `${r.type} must ${end === 'from' ? 'start at' : 'end at'} ${allowed.join(' or ')}, but ${id} is ${labels.filter((l) => l !== 'Entity').join('/')}` +
            (EXPLOITATION.includes(r.type) ? ' (alleged exploitation is always from an adult person of concern to a young person)' : ''),
        });
      }
    }
  }
  return issues;
}
