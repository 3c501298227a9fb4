/**
 * Row rules of a mapping that work on the raw cells before any field is filled: derived values
 * (a template over columns, or a value chosen by patterns on a column) and `where` filters that
 * skip rows by column value. Derived values act as extra columns, so columns, links and filters
 * can read them by name.
 */
import { z } from 'zod';

const conditionSchema = z.object({
  column: z.string(),
  /** Keep the row when the cell is one of these (compared after trimming). */
  equals: z.union([z.string(), z.array(z.string())]).optional(),
  /** Keep the row when the cell is none of these. */
  notEquals: z.union([z.string(), z.array(z.string())]).optional(),
  /** Keep the row when the cell matches this regular expression (case-insensitive). */
  matches: z.string().optional(),
  /** true: keep the row only when the cell is empty; false: only when it is filled in. */
  empty: z.boolean().optional(),
}).refine((c) => c.equals !== undefined || c.notEquals !== undefined || c.matches !== undefined || c.empty !== undefined,
  { message: 'a where condition needs equals, notEquals, matches or empty' });

const patternSchema = z.object({ match: z.string(), value: z.string() });

export const deriveSchema = z.union([
  /** Text with {Column} placeholders; empty when any column it names is empty. */
  z.object({ template: z.string() }),
  /** The value of the first pattern (case-insensitive regular expression) that the column matches, else `otherwise`. */
  z.object({ column: z.string(), patterns: z.array(patternSchema).min(1), otherwise: z.string().optional() }),
]);

export const whereSchema = z.array(conditionSchema).default([]);
export const derivedSchema = z.record(z.string(), deriveSchema).default({});

export type Condition = z.infer<typeof conditionSchema>;
export type Derive = z.infer<typeof deriveSchema>;

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** The columns a derived value reads. */
export function deriveColumns(d: Derive): string[] {
  if ('column' in d) return [d.column];
  return [...d.template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** Checks a mapping's patterns and templates once; throws naming the derived value. */
export function checkRowRules(derive: Record<string, Derive>, where: Condition[], where_: string): void {
  for (const [name, d] of Object.entries(derive)) {
    if ('column' in d) for (const p of d.patterns) compileRe(p.match, `${where_}: derive.${name}`);
    else if (deriveColumns(d).length === 0) throw new Error(`${where_}: derive.${name}: the template names no {column}`);
  }
  for (const c of where) if (c.matches) compileRe(c.matches, `${where_}: where ${c.column}`);
}

const RE_CACHE = new Map<string, RegExp>();
function compileRe(source: string, where: string): RegExp {
  let re = RE_CACHE.get(source);
  if (!re) {
    try { re = new RegExp(source, 'i'); } catch (e) { throw new Error(`${where}: bad regular expression: ${(e as Error).message}`); }
    RE_CACHE.set(source, re);
  }
  return re;
}

function derivedValue(d: Derive, values: Record<string, string>): string {
  if ('column' in d) {
    const text = (values[d.column] ?? '').trim();
    if (text === '') return '';
    for (const p of d.patterns) if (compileRe(p.match, '').test(text)) return p.value;
    return d.otherwise ?? '';
  }
  let empty = false;
  const out = d.template.replace(PLACEHOLDER, (_, column: string) => {
    const text = (values[column] ?? '').trim();
    if (text === '') empty = true;
    return text;
  });
  return empty ? '' : out;
}

/** Adds the derived values to the row's cells (in the order the mapping lists them). */
export function addDerived(values: Record<string, string>, derive: Record<string, Derive>): Record<string, string> {
  const names = Object.keys(derive);
  if (names.length === 0) return values;
  const out = { ...values };
  for (const name of names) out[name] = derivedValue(derive[name], out);
  return out;
}

const list = (v: string | string[] | undefined): string[] | undefined => (v === undefined ? undefined : [v].flat());

function holds(c: Condition, values: Record<string, string>): boolean {
  const text = (values[c.column] ?? '').trim();
  if (c.empty !== undefined && (text === '') !== c.empty) return false;
  const eq = list(c.equals);
  if (eq && !eq.includes(text)) return false;
  const ne = list(c.notEquals);
  if (ne && ne.includes(text)) return false;
  if (c.matches !== undefined && !compileRe(c.matches, '').test(text)) return false;
  return true;
}

/** The first condition a row fails (undefined: the row is imported). */
export function failedCondition(values: Record<string, string>, where: Condition[]): Condition | undefined {
  for (const c of where) if (!holds(c, values)) return c;
  return undefined;
}
