/** Argument checks shared by services: each failure is a BAD_USER_INPUT naming the field. */
import { badInput } from '../platform/errors';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function checkIds(field: string, ids: readonly string[] | undefined | null, max: number, min = 1): string[] {
  if (!Array.isArray(ids)) throw badInput(field, 'a list of ids is required');
  if (ids.length < min) throw badInput(field, `at least ${min} id(s) needed`);
  if (ids.length > max) throw badInput(field, `at most ${max} ids (got ${ids.length})`);
  for (const id of ids) {
    if (typeof id !== 'string' || id.length === 0 || id.length > 200 || CONTROL.test(id)) throw badInput(field, 'each id must be 1-200 printable characters');
  }
  return [...new Set(ids)];
}

export function checkInt(field: string, v: number | undefined | null, min: number, max: number, fallback: number): number {
  const n = v ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) throw badInput(field, `must be a whole number from ${min} to ${max}`);
  return n;
}

export function checkText(field: string, v: string | undefined | null, max: number, min = 0): string {
  const s = (v ?? '').normalize('NFKC').trim();
  if (s.length < min) throw badInput(field, min === 1 ? 'must not be empty' : `at least ${min} characters`);
  if (s.length > max) throw badInput(field, `at most ${max} characters`);
  if (CONTROL.test(s)) throw badInput(field, 'control characters are not allowed');
  return s;
}

export function checkWindow(from?: string | null, to?: string | null): { from: string | null; to: string | null } {
  if (from && to && Date.parse(from) > Date.parse(to)) throw badInput('filter.from', 'must not be after filter.to');
  return { from: from ?? null, to: to ?? null };
}

/**
 * JSON the client keeps for itself (an investigation's state): at most `maxDepth` levels of
 * objects and lists and `maxValues` values in all, checked without recursion, so a deeply nested
 * value is refused by name before anything walks it recursively (JSON.stringify would overflow
 * the stack).
 */
export function checkJsonShape(field: string, value: unknown, maxDepth = 32, maxValues = 200_000): void {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let values = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (++values > maxValues) throw badInput(field, `at most ${maxValues.toLocaleString('en-GB')} values`);
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) throw badInput(field, `nested at most ${maxDepth} levels deep`);
    for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push([x, depth + 1]);
  }
}
