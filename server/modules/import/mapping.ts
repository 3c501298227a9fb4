/**
 * The declarative mapping format: how rows of one CSV shape become model records. Template
 * mappings are generated from the templates; foreign exports get a hand-written mapping
 * (docs/import-mappings.md). Checked with zod when read, so a bad mapping names its problem.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { nodeKind, relKind } from '../../model/model';
import { TemplateDef, templateColumns, SYSTEM_REL_TYPES } from './templates';
import { whereSchema, derivedSchema, checkRowRules, deriveColumns } from './row-rules';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

const linkSchema = z.object({
  column: z.string(),
  type: z.string(),
  /** Prefix added to the id in the cell (ids of the foreign system, namespaced). */
  prefix: z.string().optional(),
  props: z.record(z.string(), z.object({ column: z.string().optional(), default: z.string().optional(), values: z.record(z.string(), z.string()).optional() })).optional(),
});

export const mappingSchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  /** Regular expression on the file's base name: which files this mapping reads. */
  matches: z.string().optional(),
  /** What a row becomes: one node label, a label chosen by a column, or a relationship type (fixed or by column). */
  record: z.union([
    z.object({ label: z.string() }),
    z.object({ labelColumn: z.string(), labels: z.record(z.string(), z.string()) }),
    z.object({ relationship: z.string() }),
    z.object({ relationshipColumn: z.string(), types: z.record(z.string(), z.string()) }),
  ]),
  /**
   * CSV column → model field (or several fields, e.g. one reference as both id and sourceRef).
   * Several columns mapped to one text field are joined with a space (forename + surname → name).
   */
  columns: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  /** Columns present in the export that are deliberately not loaded. Any other unmapped column is an error. */
  ignore: z.array(z.string()).default([]),
  /** Per model field: the export's code → the model's code. */
  values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  /** Date and date-time formats of the export, e.g. "DD/MM/YYYY" and "DD/MM/YYYY HH:mm" (default ISO 8601). */
  dateFormat: z.string().optional(),
  dateTimeFormat: z.string().optional(),
  /** Separator inside list cells (roles, aliases, sharedWith…). */
  listSeparator: z.string().default('|'),
  /** Per model field: a prefix added to ids (id, from, to). */
  prefixes: z.record(z.string(), z.string()).default({}),
  /** Values set on every row regardless of the file (e.g. source agency, grading scheme). */
  constants: z.record(z.string(), scalar).default({}),
  /** Values used when the cell is empty or the column absent (e.g. default grading, status). */
  defaults: z.record(z.string(), scalar).default({}),
  /** When reviewBy is not given: recordedAt (else occurredAt) plus this many months. */
  reviewAfterMonths: z.number().int().min(1).max(120).optional(),
  /** Event rows: columns holding the id of a linked record, each becoming one relationship. */
  links: z.array(linkSchema).default([]),
  /** Per model field: the code used when the export's code is neither in `values` nor a model code (e.g. offenceType → other). */
  fallbacks: z.record(z.string(), z.string()).default({}),
  /** Conditions a row must meet to be imported; other rows are skipped and counted (row-rules.ts). */
  where: whereSchema,
  /** Values worked out from other columns, usable as columns by name (row-rules.ts). */
  derive: derivedSchema,
  /** error: an id read twice is an error; skip: later rows with an id this mapping already read are skipped (places repeated in an offence export). */
  repeatedIds: z.enum(['error', 'skip']).default('error'),
  /**
   * Relationship rows: provenance fields (source, sourceRef, recordedAt, grading…) the row leaves
   * empty are copied from the event at this end (an event of the same import).
   */
  provenanceFrom: z.enum(['from', 'to']).optional(),
  /**
   * Relationship rows: when recordedAt is empty (a file of who knows whom, without dates), the
   * relationship is kept, dated by the import and marked dateUnknown, instead of rejected.
   */
  allowUndated: z.boolean().default(false),
});

export type Mapping = z.infer<typeof mappingSchema>;
export type LinkSpec = z.infer<typeof linkSchema>;

/** The columns a mapping's filters and derived values read (besides its columns and links). */
export function ruleColumns(m: Mapping): string[] {
  return [...m.where.map((c) => c.column), ...Object.values(m.derive).flatMap(deriveColumns)];
}

/** The record types a mapping may produce, checked against the model. */
export function mappingTypes(m: Mapping): { kind: 'node' | 'rel'; types: string[] } {
  const r = m.record;
  if ('label' in r) return { kind: 'node', types: [r.label] };
  if ('labelColumn' in r) return { kind: 'node', types: [...new Set(Object.values(r.labels))] };
  if ('relationship' in r) return { kind: 'rel', types: [r.relationship] };
  return { kind: 'rel', types: [...new Set(Object.values(r.types))] };
}

/** Parses and checks a mapping object; throws an Error naming the mapping and the problem. */
export function parseMapping(raw: unknown, where: string): Mapping {
  const parsed = mappingSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${where}: bad mapping: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`);
  }
  const m = parsed.data;
  const { kind, types } = mappingTypes(m);
  for (const t of types) {
    if (kind === 'node' && !nodeKind(t)) throw new Error(`${where}: unknown record type ${t}`);
    if (kind === 'rel' && (!relKind(t) || SYSTEM_REL_TYPES.includes(t))) throw new Error(`${where}: relationship type ${t} cannot be imported`);
  }
  for (const l of m.links) {
    if (!relKind(l.type) || SYSTEM_REL_TYPES.includes(l.type)) throw new Error(`${where}: link type ${l.type} cannot be imported`);
    if (kind !== 'node' || !types.every((t) => nodeKind(t)?.event)) throw new Error(`${where}: links are only for event records (they copy the event's provenance)`);
  }
  if (m.matches) new RegExp(m.matches);
  if ((m.provenanceFrom || m.allowUndated) && kind !== 'rel') throw new Error(`${where}: provenanceFrom and allowUndated are for relationship records`);
  checkRowRules(m.derive, m.where, where);
  return m;
}

export function readMapping(file: string): Mapping {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: cannot read mapping: ${(e as Error).message}`);
  }
  return parseMapping(raw, path.basename(file));
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The identity mapping of a template: columns are model fields, ISO dates, '|' lists. */
export function templateMapping(t: TemplateDef): Mapping {
  const linkCols = new Set(t.links.flatMap((l) => [l.column, ...Object.values(l.props ?? {}).map((p) => p.column)]));
  const columns: Record<string, string> = {};
  for (const c of templateColumns(t)) if (c !== t.typeColumn && !linkCols.has(c)) columns[c] = c;
  const byType = Object.fromEntries(t.types.map((x) => [x, x]));
  const record = t.kind === 'node'
    ? (t.typeColumn ? { labelColumn: t.typeColumn, labels: byType } : { label: t.types[0] })
    : (t.typeColumn ? { relationshipColumn: t.typeColumn, types: byType } : { relationship: t.types[0] });
  return mappingSchema.parse({
    name: t.name,
    description: `${t.title}: the ${t.name}.csv template (generated from the model)`,
    matches: `^${escapeRe(t.name)}([-_.].*)?\\.csv$`,
    record,
    columns,
    links: t.links.map((l) => ({ column: l.column, type: l.type, ...(l.props ? { props: l.props } : {}) })),
  });
}
