/**
 * One CSV row → model rows, through a mapping: column → field, code maps, date formats, list
 * cells, id prefixes, constants and defaults, and link columns that become relationships carrying
 * the event's provenance. Problems are returned as issues naming file, row and column; the
 * model's own rules are checked afterwards by the validator (check.ts).
 */
import { nodeKind, relKind, PropSpec, PROVENANCE } from '../../model/model';
import type { NodeRow, RelRow, Scalar } from '../../model/types';
import { Mapping, ruleColumns } from './mapping';
import { parseFormatted } from './dates';
import { QUARANTINE_COLUMNS } from './quarantine';

export interface ImportIssue { file: string; row: number; column: string; reason: string }

export interface ParsedRecord {
  file: string;
  row: number;
  kind: 'node' | 'rel';
  /** Node label or relationship type. */
  type: string;
  data: NodeRow | RelRow;
  /** Model field → the CSV column (or mapping entry) it came from, for error messages. */
  columnOf: Record<string, string>;
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);
const NUMBER_RE = /^-?\d+(\.\d+)?$/;

/** Columns of the header that the mapping neither reads nor ignores: an error, so nothing is silently dropped. */
export function headerIssues(file: string, header: string[], m: Mapping): ImportIssue[] {
  const known = new Set([...Object.keys(m.columns), ...m.ignore, ...ruleColumns(m), ...QUARANTINE_COLUMNS, ...m.links.flatMap((l) => [l.column, ...Object.values(l.props ?? {}).map((p) => p.column ?? '')])]);
  const r = m.record;
  if ('labelColumn' in r) known.add(r.labelColumn);
  if ('relationshipColumn' in r) known.add(r.relationshipColumn);
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  for (const c of header) {
    if (seen.has(c)) issues.push({ file, row: 0, column: c, reason: 'column appears twice in the header' });
    seen.add(c);
    if (!known.has(c)) issues.push({ file, row: 0, column: c, reason: `column is not in mapping "${m.name}" (map it, or list it under "ignore")` });
  }
  return issues;
}

/** Converts one text cell to the JSON value the validator expects for the field's type. */
function typed(text: string, spec: PropSpec | undefined, field: string, m: Mapping): { value?: Scalar; error?: string } {
  const isList = field === 'roles' || spec?.type === 'string[]';
  if (isList) return { value: text.split(m.listSeparator).map((s) => s.trim()).filter(Boolean) };
  switch (spec?.type) {
    case 'int': case 'float':
      return { value: NUMBER_RE.test(text) ? Number(text) : text };
    case 'bool': {
      const t = text.toLowerCase();
      return { value: TRUE.has(t) ? true : FALSE.has(t) ? false : text };
    }
    case 'date': case 'datetime': {
      const formats = spec.type === 'date' ? [m.dateFormat] : [m.dateTimeFormat, m.dateFormat];
      const given = formats.filter((f): f is string => !!f);
      if (given.length === 0) return { value: text };
      for (const f of given) {
        const iso = parseFormatted(text, f, spec.type);
        if (iso) return { value: iso };
      }
      return { error: `expected a date in the format ${given.join(' or ')}, got ${JSON.stringify(text)}` };
    }
    default:
      return { value: text };
  }
}

function recordType(values: Record<string, string>, m: Mapping): { kind: 'node' | 'rel'; type?: string; column: string; raw?: string } {
  const r = m.record;
  if ('label' in r) return { kind: 'node', type: r.label, column: '(mapping record.label)' };
  if ('relationship' in r) return { kind: 'rel', type: r.relationship, column: '(mapping record.relationship)' };
  if ('labelColumn' in r) {
    const raw = (values[r.labelColumn] ?? '').trim();
    return { kind: 'node', type: r.labels[raw], column: r.labelColumn, raw };
  }
  const raw = (values[r.relationshipColumn] ?? '').trim();
  return { kind: 'rel', type: r.types[raw], column: r.relationshipColumn, raw };
}

/** The review date a number of months after a recorded date (undefined if that date is unreadable). */
function reviewBase(value: unknown, months: number): string | undefined {
  const d = new Date(String(value));
  if (typeof value !== 'string' || Number.isNaN(d.getTime())) return undefined;
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** One field a column fills, worked out once per mapping and record type. */
interface FieldPlan {
  field: string; spec: PropSpec | undefined; known: boolean; values: Record<string, string> | undefined; prefix: string;
  /** The mapping's code for untranslated codes of this field. */
  fallback: string | undefined;
}

/** Called when a cell's code was not translated and the field's fallback was used instead. */
export type OnFallback = (field: string, code: string) => void;

/** The model value of a cell: its translation, the code itself when the model knows it, else the fallback. */
function translate(f: FieldPlan, text: string, onFallback: OnFallback | undefined): string {
  const mapped = f.values?.[text];
  if (mapped !== undefined || f.fallback === undefined) return mapped ?? text;
  if (f.spec?.values?.includes(text)) return text;
  onFallback?.(f.field, text);
  return f.fallback;
}
/** How a mapping turns rows of one record type into model rows (columns, defaults, constants). */
interface TypePlan {
  columns: Array<{ column: string; fields: FieldPlan[] }>;
  defaults: Array<[string, unknown]>;
  constants: Array<[string, unknown]>;
  reviewBy: boolean;
}
const PLANS = new WeakMap<Mapping, Map<string, TypePlan>>();

function typePlan(m: Mapping, kind: 'node' | 'rel', type: string): TypePlan {
  let byType = PLANS.get(m);
  if (!byType) { byType = new Map(); PLANS.set(m, byType); }
  let plan = byType.get(type);
  if (plan) return plan;
  const specs = kind === 'node' ? nodeKind(type)!.props : relKind(type)!.props;
  const has = (field: string) => !!specs[field] || field === 'roles';
  plan = {
    columns: Object.entries(m.columns).map(([column, fields]) => ({
      column,
      fields: [fields].flat().map((field) => ({
        field, spec: specs[field], known: has(field) || (kind === 'rel' && (field === 'from' || field === 'to')),
        values: m.values[field], prefix: m.prefixes[field] ?? '', fallback: m.fallbacks[field],
      })),
    })),
    defaults: Object.entries(m.defaults).filter(([field]) => has(field)),
    constants: Object.entries(m.constants).filter(([field]) => has(field)),
    reviewBy: !!(m.reviewAfterMonths && specs.reviewBy),
  };
  byType.set(type, plan);
  return plan;
}

/** Turns one CSV row into its model rows (the record itself and any links). */
export function convertRow(
  file: string, row: number, values: Record<string, string>, m: Mapping, onFallback?: OnFallback,
): { records: ParsedRecord[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const rt = recordType(values, m);
  if (!rt.type) {
    const r = m.record as { labels?: Record<string, string>; types?: Record<string, string> };
    issues.push({ file, row, column: rt.column, reason: `unknown record type ${JSON.stringify(rt.raw)}; allowed: ${Object.keys(r.labels ?? r.types ?? {}).join(', ')}` });
    return { records: [], issues };
  }
  const plan = typePlan(m, rt.kind, rt.type);
  const data: Record<string, unknown> = {};
  const columnOf: Record<string, string> = {};
  for (const { column, fields } of plan.columns) {
    const cell = values[column];
    if (cell === undefined) continue;
    const text = cell.trim();
    if (text === '') continue;
    for (const f of fields) {
      if (!f.known) {
        issues.push({ file, row, column, reason: `${f.field} is not a field of ${rt.type}; leave this cell empty for ${rt.type} rows` });
        continue;
      }
      const mapped = translate(f, text, onFallback);
      const t = typed(f.prefix + mapped, f.spec, f.field, m);
      if (t.error) issues.push({ file, row, column, reason: t.error });
      else if (typeof data[f.field] === 'string' && f.spec?.type === 'string') data[f.field] = `${data[f.field]} ${t.value}`;
      else { data[f.field] = t.value; columnOf[f.field] = column; }
    }
  }
  for (const [field, v] of plan.defaults) {
    if (data[field] === undefined) { data[field] = v; columnOf[field] = `(mapping default for ${field})`; }
  }
  for (const [field, v] of plan.constants) { data[field] = v; columnOf[field] = `(mapping constant ${field})`; }
  if (plan.reviewBy && data.reviewBy === undefined) {
    const from = reviewBase(data.recordedAt ?? data.occurredAt, m.reviewAfterMonths!);
    if (from) { data.reviewBy = from; columnOf.reviewBy = '(mapping reviewAfterMonths)'; }
  }
  if (rt.kind === 'rel' && data.id === undefined && typeof data.from === 'string' && typeof data.to === 'string') {
    // A link file without its own ids: one relationship of a type between two records.
    data.id = `${data.from}>${rt.type}>${data.to}`;
    columnOf.id = `(${columnOf.from} > ${rt.type} > ${columnOf.to})`;
  }
  const records: ParsedRecord[] = [];
  if (issues.length) return { records, issues };
  records.push({ file, row, kind: rt.kind, type: rt.type, data: data as NodeRow, columnOf });
  for (const link of m.links) {
    if (!(values[link.column] ?? '').trim() && !link.props) continue;
    for (const r of linkRecords(file, row, values, m, link, data, columnOf, issues)) records.push(r);
  }
  return { records, issues };
}

/** A link column → one relationship from the event, with the event's provenance copied. */
export function linkRecords(
  file: string, row: number, values: Record<string, string>, m: Mapping, link: Mapping['links'][number],
  event: Record<string, unknown>, eventColumns: Record<string, string>, issues: ImportIssue[],
): ParsedRecord[] {
  const target = (values[link.column] ?? '').trim();
  if (!target) {
    const given = Object.values(link.props ?? {}).find((p) => p.column && (values[p.column] ?? '').trim());
    if (given?.column) issues.push({ file, row, column: link.column, reason: `${given.column} is filled in but ${link.column} is empty` });
    return [];
  }
  const data: Record<string, unknown> = {};
  const columnOf: Record<string, string> = {};
  for (const field of Object.keys(PROVENANCE)) {
    if (event[field] !== undefined) { data[field] = event[field]; columnOf[field] = eventColumns[field]; }
  }
  const to = (link.prefix ?? '') + target;
  data.id = `${event.id}>${link.type}>${to}`;
  data.from = event.id;
  data.to = to;
  Object.assign(columnOf, { id: link.column, from: link.column, to: link.column });
  for (const [field, p] of Object.entries(link.props ?? {})) {
    const text = p.column ? (values[p.column] ?? '').trim() : '';
    const v = text === '' ? p.default : (p.values?.[text] ?? text);
    if (v !== undefined) { data[field] = v; columnOf[field] = p.column ?? `(mapping link ${link.column})`; }
  }
  return [{ file, row, kind: 'rel', type: link.type, data: data as RelRow, columnOf }];
}
