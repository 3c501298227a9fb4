/**
 * Recording one fact through the API: an event (with the people involved and where it happened)
 * or a relationship, with provenance. The same conversion and checks as a CSV import, written
 * through the shared loader and logged as 'collection' in the same transaction; free text is
 * language-checked (warnings).
 */
import crypto from 'node:crypto';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { requireCapability, requireJustification, canSeeNode } from '../../platform/policy';
import { appendAccessLogTx } from '../accesslog/access-log';
import { entriesOfThisRequest } from '../accesslog/own-entries';
import { openSession } from '../../platform/db/session';
import { load } from '../../platform/bulk/loader';
import { RowError } from '../../model/errors';
import { nodeKind, relKind } from '../../model/model';
import { mappingSchema, Mapping } from '../import/mapping';
import { convertRow, linkRecords, ImportIssue, ParsedRecord } from '../import/convert';
import { checkRows, checkReferences } from '../import/check';
import { diff } from '../import/diff';
import { languageWarnings } from '../import/language';
import { SYSTEM_REL_TYPES } from '../import/templates';

interface FieldValue { field: string; value: string }
interface Provenance {
  sourceRef: string; source?: string | null; gradingScheme?: string | null; sourceEval: string; assessment: string; handling: string;
  conditions?: string | null; reviewBy: string; status?: string | null; validFrom?: string | null; validTo?: string | null; sharedWith?: string[] | null;
}
export interface RecordEventInput {
  type: string; id?: string | null; occurredAt: string; fields?: FieldValue[] | null;
  people?: Array<{ personId: string; role: string }> | null; placeId?: string | null; provenance: Provenance;
}
export interface RecordRelationshipInput { type: string; id?: string | null; from: string; to: string; fields?: FieldValue[] | null; provenance: Provenance }

const ORIGIN = 'recorded fact';
const ID_IN_USE = 'you have already recorded a fact with this id; recording is for new facts (leave id out to have one made)';

/**
 * The record's id. An id the caller chooses is their own reference, made into a record id that
 * only the same user choosing the same reference reaches: a refusal then tells them of their own
 * earlier recording, never that some record they may not see holds an id (existence is
 * information). The user's id is hashed in, not shown, so the record id names no member of staff.
 */
export function recordId(ctx: Pick<RequestContext, 'user'>, type: string, chosen: string | null | undefined): string {
  if (chosen === null || chosen === undefined) return `${type}-${crypto.randomUUID()}`;
  const digest = crypto.createHash('sha256').update(`${ctx.user.id}\u0000${chosen}`).digest('hex').slice(0, 24);
  return `${type}-${digest}`;
}

/** Provenance cells, with the user's own agency as source. */
function provenanceValues(ctx: RequestContext, p: Provenance): Record<string, string> {
  const source = ctx.user.agency ?? p.source;
  if (!source) throw new AppError('BAD_USER_INPUT', 'provenance.source: say which agency the fact comes from', { field: 'provenance.source' });
  const v: Record<string, string> = {
    source, sourceRef: p.sourceRef, recordedAt: new Date().toISOString(), gradingScheme: p.gradingScheme ?? '3x5x2',
    sourceEval: p.sourceEval, assessment: p.assessment, handling: p.handling, reviewBy: p.reviewBy, status: p.status ?? 'confirmed',
  };
  for (const k of ['conditions', 'validFrom', 'validTo'] as const) if (p[k]) v[k] = p[k]!;
  if (p.sharedWith?.length) v.sharedWith = p.sharedWith.join('|');
  return v;
}

function fieldValues(fields: FieldValue[] | null | undefined, allowed: Record<string, unknown>, reserved: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields ?? []) {
    if (!(f.field in allowed) || reserved.has(f.field)) throw new AppError('BAD_USER_INPUT', `fields.${f.field}: not a field that can be given here`, { field: `fields.${f.field}` });
    out[f.field] = f.value;
  }
  return out;
}

const identity = (values: Record<string, string>, record: Mapping['record']): Mapping =>
  mappingSchema.parse({ name: 'recorded fact', record, columns: Object.fromEntries(Object.keys(values).map((k) => [k, k])) });

function fail(issues: ImportIssue[]): never {
  const first = issues[0];
  throw new AppError('BAD_USER_INPUT', `${first.column}: ${first.reason}`, { field: first.column, issues: issues.map((i) => ({ field: i.column, reason: i.reason })) });
}

async function write(ctx: RequestContext, justification: string, records: ParsedRecord[]): Promise<{ ids: string[]; warnings: Array<{ field: string; phrase: string; suggestion: string; rule: string; quoted: boolean }> }> {
  const checked = checkRows(records);
  const issues = [...checked.issues];
  // A record the user may not see is, to them, an unknown id: recording a fact must not reveal it.
  if (!issues.length) issues.push(...await checkReferences(ctx.driver, ctx.database, checked, (m) => canSeeNode(ctx.user, m)));
  if (issues.length) fail(issues);
  const d = await diff(ctx.driver, ctx.database, checked.nodes, checked.rels);
  // One wording whoever holds the id and whatever it is: the kind of a record the user may not see is not told.
  if (d.issues.length || d.updated.length || d.unchanged) {
    fail([{ file: ORIGIN, row: 1, column: 'id', reason: ID_IN_USE }]);
  }
  const units = [
    ...checked.nodes.map((n) => ({ kind: 'node' as const, label: n.rec.type, rows: [n.rec.data as never], origin: ORIGIN })),
    ...checked.rels.map((r) => ({ kind: 'rel' as const, type: r.type, rows: [r.rec.data as never], origin: ORIGIN })),
  ];
  const ids = [...checked.nodes.map((n) => n.id), ...checked.rels.map((r) => r.id)];
  try {
    // The 'collection' entry is written in the records' own transaction: both commit or neither.
    await load(ctx.driver, units, {
      database: ctx.database, newOnly: true,
      inSameTransaction: async (tx) => { await appendAccessLogTx(tx, ctx, { operation: 'collection', justification, ids, detail: { recorded: records.map((r) => r.type) } }); },
    });
  } catch (e) {
    if (!(e instanceof RowError && e.field === 'id')) throw e;
    // The driver retries a transaction whose commit went unanswered (the database stopped just
    // after it): the retry then finds this request's own records, written with its entry.
    if (await recordedByThisRequest(ctx, ids)) return written(ids, records);
    // Another recording took the same id after the check above: nothing of this one was written.
    fail([{ file: ORIGIN, row: 1, column: 'id', reason: ID_IN_USE }]);
  }
  return written(ids, records);
}

const written = (ids: string[], records: ParsedRecord[]) => ({
  ids, warnings: languageWarnings(records).map(({ field, phrase, suggestion, rule, quoted }) => ({ field, phrase, suggestion, rule, quoted })),
});

async function recordedByThisRequest(ctx: RequestContext, ids: string[]): Promise<boolean> {
  const session = openSession(ctx.driver, ctx.database);
  try {
    const entries = await session.executeRead((tx) => entriesOfThisRequest(tx, ctx, 'collection'));
    return entries.some((e) => ids.every((id) => e.ids.includes(id)));
  } finally {
    await session.close();
  }
}

export async function recordEvent(ctx: RequestContext, { input }: { input: RecordEventInput }) {
  requireCapability(ctx, 'recordEvent');
  const justification = requireJustification(ctx);
  const kind = nodeKind(input.type);
  if (!kind?.event) throw new AppError('BAD_USER_INPUT', `type: ${input.type} is not an event type`, { field: 'type' });
  const id = recordId(ctx, input.type, input.id);
  const prov = provenanceValues(ctx, input.provenance);
  const values = { ...fieldValues(input.fields, kind.props, new Set(['id', 'occurredAt', ...Object.keys(prov)])), ...prov, id, occurredAt: input.occurredAt };
  const { records, issues } = convertRow(ORIGIN, 1, values, identity(values, { label: input.type }));
  if (issues.length) fail(issues);
  const event = records[0].data as Record<string, unknown>;
  const links: ParsedRecord[] = [];
  const linkIssues: ImportIssue[] = [];
  for (const [i, p] of (input.people ?? []).entries()) {
    links.push(...linkRecords(ORIGIN, 1, { [`people[${i}].personId`]: p.personId, [`people[${i}].role`]: p.role },
      mappingSchema.parse({ name: 'recorded fact', record: { label: input.type }, columns: {} }),
      { column: `people[${i}].personId`, type: 'INVOLVED', props: { role: { column: `people[${i}].role` } } }, event, records[0].columnOf, linkIssues));
  }
  if (input.placeId) {
    links.push(...linkRecords(ORIGIN, 1, { placeId: input.placeId }, mappingSchema.parse({ name: 'recorded fact', record: { label: input.type }, columns: {} }),
      { column: 'placeId', type: 'AT' }, event, records[0].columnOf, linkIssues));
  }
  if (linkIssues.length) fail(linkIssues);
  return write(ctx, justification, [...records, ...links]);
}

export async function recordRelationship(ctx: RequestContext, { input }: { input: RecordRelationshipInput }) {
  requireCapability(ctx, 'recordRelationship');
  const justification = requireJustification(ctx);
  const kind = relKind(input.type);
  if (!kind || SYSTEM_REL_TYPES.includes(input.type)) throw new AppError('BAD_USER_INPUT', `type: ${input.type} cannot be recorded by hand`, { field: 'type' });
  const id = recordId(ctx, input.type, input.id);
  const prov = provenanceValues(ctx, input.provenance);
  const values = { ...fieldValues(input.fields, kind.props, new Set(['id', ...Object.keys(prov)])), ...prov, id, from: input.from, to: input.to };
  const { records, issues } = convertRow(ORIGIN, 1, values, identity(values, { relationship: input.type }));
  if (issues.length) fail(issues);
  return write(ctx, justification, records);
}
