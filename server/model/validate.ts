/**
 * Row validation from the model: every rule that can be checked without the database.
 * Produces Neo4j-ready property maps (dates as native DATE / DATETIME values).
 * Rules that need the database (unknown endpoint ids, who may exploit) live in the loader.
 */
import neo4j from 'neo4j-driver';
import { nodeKind, relKind, PERSON_ROLES, PropSpec, ENTITY_LABEL } from './model';
import { HANDLING, SOURCE_EVAL } from './enums';
import { RowError } from './errors';
import { latestBirthDate, certainlyAdultOn, validNhsNumber, AgeFacts } from './age';
import { ageOn } from '../domain/age';
import type { NodeRow, RelRow, RowOrigin } from './types';

export interface ValidNode { id: string; labels: string[]; props: Record<string, unknown> }
export interface ValidRel { id: string; from: string; to: string; props: Record<string, unknown> }

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const SKIP_ROLES = new Set(['roles']);
const SKIP_ENDPOINTS = new Set(['from', 'to']);


// Plain functions rather than closures made per row: validation runs once per field of ~700k rows.
function failField(origin: RowOrigin, field: string, reason: string): never {
  throw new RowError(origin.file, origin.row, field, reason);
}

function convert(field: string, spec: PropSpec, value: unknown, origin: RowOrigin, now: Date): unknown {
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string') failField(origin, field, `expected text, got ${JSON.stringify(value)}`);
      return value;
    case 'string[]':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) failField(origin, field, 'expected a list of text values');
      if (spec.values) {
        const unknown = (value as string[]).find((v) => !spec.values!.includes(v));
        if (unknown !== undefined) failField(origin, field, `unknown code ${JSON.stringify(unknown)}; allowed: ${spec.values.join(', ')}`);
      }
      return value;
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) failField(origin, field, `expected a whole number, got ${JSON.stringify(value)}`);
      return neo4j.int(value as number);
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value)) failField(origin, field, `expected a number, got ${JSON.stringify(value)}`);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') failField(origin, field, `expected true or false, got ${JSON.stringify(value)}`);
      return value;
    case 'enum':
      if (typeof value !== 'string' || !spec.values!.includes(value)) {
        failField(origin, field, `unknown code ${JSON.stringify(value)}; allowed: ${spec.values!.join(', ')}`);
      }
      return value;
    case 'date': {
      if (typeof value !== 'string' || !DATE_RE.test(value)) failField(origin, field, `expected a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
      const d = new Date(`${value}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) failField(origin, field, `not a real date: ${value}`);
      if (spec.notFuture && d.getTime() > now.getTime()) failField(origin, field, `date ${value} is in the future`);
      return neo4j.types.Date.fromStandardDate(d);
    }
    case 'datetime': {
      if (typeof value !== 'string' || !DATETIME_RE.test(value)) failField(origin, field, `expected a date-time (ISO 8601), got ${JSON.stringify(value)}`);
      const d = new Date(value as string);
      // Date parsing rolls 31 February over into March: the calendar day must exist as written.
      const day = (value as string).slice(0, 10);
      if (Number.isNaN(d.getTime()) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) failField(origin, field, `not a real date-time: ${value}`);
      if (spec.notFuture && d.getTime() > now.getTime()) failField(origin, field, `date-time ${value} is in the future`);
      return toNeoDateTime(d);
    }
  }
}

/** A UTC DATETIME value for Neo4j. */
export function toNeoDateTime(d: Date) {
  return new neo4j.types.DateTime(
    d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(),
    d.getUTCSeconds(), d.getUTCMilliseconds() * 1_000_000, 0,
  );
}

function convertProps(
  specs: Record<string, PropSpec>, row: Record<string, unknown>, origin: RowOrigin, now: Date, skip: Set<string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    if (skip.has(field)) continue;
    const spec = specs[field];
    if (!spec) throw new RowError(origin.file, origin.row, field, 'not a field of this record type');
    if (value === null || value === undefined || value === '') continue;
    out[field] = convert(field, spec, value, origin, now);
  }
  for (const [field, spec] of Object.entries(specs)) {
    if (spec.required && out[field] === undefined && !skip.has(field)) {
      throw new RowError(origin.file, origin.row, field, 'required field is missing');
    }
  }
  if ('gradingScheme' in specs) checkGrading(row, origin);
  return out;
}

/** Grades are checked against their own scheme; handling code C needs its conditions. */
function checkGrading(row: Record<string, unknown>, origin: RowOrigin): void {
  const scheme = row.gradingScheme as '3x5x2' | '5x5x5';
  if (!(SOURCE_EVAL[scheme] as readonly string[]).includes(String(row.sourceEval))) {
    failField(origin, 'sourceEval', `${row.sourceEval} is not a source evaluation of the ${scheme} scheme`);
  }
  if (!(HANDLING[scheme] as readonly string[]).includes(String(row.handling))) {
    failField(origin, 'handling', `${row.handling} is not a handling code of the ${scheme} scheme`);
  }
  if (scheme === '3x5x2' && row.handling === 'C' && !row.conditions) {
    failField(origin, 'conditions', 'handling code C needs the conditions of sharing');
  }
}

export function validateNode(label: string, row: NodeRow, origin: RowOrigin, now = new Date()): ValidNode {
  const kind = nodeKind(label);
  if (!kind) throw new RowError(origin.file, origin.row, 'label', `unknown record type ${label}`);
  if (typeof row.id !== 'string' || row.id.trim() === '') {
    throw new RowError(origin.file, origin.row, 'id', 'required field is missing');
  }
  const props = convertProps(kind.props, row, origin, now, SKIP_ROLES);
  const labels = [ENTITY_LABEL, label, ...kind.extraLabels];
  if (label === 'Person') {
    const roles = row.roles ?? [];
    for (const r of roles) {
      if (!(PERSON_ROLES as readonly string[]).includes(r)) {
        throw new RowError(origin.file, origin.row, 'roles', `unknown role ${r}; allowed: ${PERSON_ROLES.join(', ')}`);
      }
    }
    const latest = latestBirthDate(row as unknown as AgeFacts, origin);
    // Kept with the record: analytics read it to tell who was certainly an adult on a day.
    if (latest) props.dobLatest = neo4j.types.Date.fromStandardDate(new Date(`${latest}T00:00:00Z`));
    const nhs = (row as { nhsNumber?: unknown }).nhsNumber;
    if (typeof nhs === 'string' && !validNhsNumber(nhs)) {
      throw new RowError(origin.file, origin.row, 'nhsNumber', `not a valid NHS number (10 digits with a matching check digit): ${JSON.stringify(nhs)}`);
    }
    // Child first: a child is never a person of concern; alleged harm by a child is an event fact.
    // Age unknown is never taken as adult: the role needs a known age of 18 or over.
    if (roles.includes('PersonOfConcern') && !certainlyAdultOn(latest, now)) {
      throw new RowError(origin.file, origin.row, 'roles', latest
        ? 'a person under 18 cannot hold the PersonOfConcern role; record the alleged harm as an event or relationship and keep the child a YoungPerson'
        : 'the PersonOfConcern role needs a known age of 18 or over (a date of birth, or an age or age range on a day); a person of unknown age is never treated as an adult');
    }
    labels.push(...roles);
  } else if (row.roles !== undefined) {
    throw new RowError(origin.file, origin.row, 'roles', 'only people have roles');
  }
  return { id: row.id, labels, props };
}

const EXPLOITATION_TYPES = new Set(['EXPLOITS', 'GROOMS', 'RECRUITS']);

/**
 * Why a record cannot be this end of a relationship type (the one wording for the loader and the
 * import); `detail` (e.g. what the record is) goes before the child-first explanation.
 */
export function wrongEndReason(type: string, end: 'from' | 'to', detail = ''): string {
  const kind = relKind(type)!;
  const allowed = end === 'from' ? kind.from : kind.to;
  return `${type} must ${end === 'from' ? 'start at' : 'end at'} ${allowed.join(' or ')}${detail}` +
    (EXPLOITATION_TYPES.has(type) ? ' (alleged exploitation is always from an adult person of concern to a young person)' : '');
}

export function validateRel(type: string, row: RelRow, origin: RowOrigin, now = new Date()): ValidRel {
  const kind = relKind(type);
  if (!kind) throw new RowError(origin.file, origin.row, 'type', `unknown relationship type ${type}`);
  for (const f of ['id', 'from', 'to'] as const) {
    if (typeof row[f] !== 'string' || row[f].trim() === '') throw new RowError(origin.file, origin.row, f, 'required field is missing');
  }
  if (row.from === row.to) throw new RowError(origin.file, origin.row, 'to', 'a relationship cannot join a record to itself');
  const props = convertProps(kind.props, row, origin, now, SKIP_ENDPOINTS);
  return { id: row.id, from: row.from, to: row.to, props };
}
