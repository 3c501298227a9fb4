/**
 * The map projections the expand query returns records in, generated from the model: every date
 * and datetime property as ISO text (the driver's temporal decoding was the API's largest cost),
 * and for each node only the date keys its kind has, so a record does not travel with a null for
 * every date key of every other kind (a map projection names keys whether the record has them or
 * not). Kinds with the same date keys share one branch, which keeps the statement short: its
 * text travels with every request.
 */
import { NODE_KINDS, REL_KINDS, type NodeKind, type RelKind } from '../../model/model';

/** A kind's date and datetime property names. */
export const temporalKeys = (k: NodeKind | RelKind): string[] =>
  Object.entries(k.props).filter(([, p]) => p.type === 'date' || p.type === 'datetime').map(([name]) => name);

const projection = (v: string, keys: string[]): string =>
  (keys.length ? `${v} {.*, ${keys.map((k) => `${k}: toString(${v}.${k})`).join(', ')}}` : `${v} {.*}`);

/** `CASE WHEN v:Kind … THEN v {.*, date: toString(v.date) …} … ELSE v {.*} END` over the model's node kinds. */
export function nodeProjection(v: string): string {
  const byKeys = new Map<string, string[]>();
  for (const kind of NODE_KINDS) {
    const keys = temporalKeys(kind);
    if (keys.length === 0) continue;
    const key = keys.join(',');
    byKeys.set(key, [...(byKeys.get(key) ?? []), kind.label]);
  }
  const branches = [...byKeys].map(([keys, labels]) =>
    `WHEN ${labels.map((l) => `${v}:${l}`).join(' OR ')} THEN ${projection(v, keys.split(','))}`);
  return `CASE ${branches.join(' ')} ELSE ${projection(v, [])} END`;
}

/** `v {.*, date: toString(v.date) …}` with every relationship date key of the model. */
export function relProjection(v: string): string {
  return projection(v, [...new Set(REL_KINDS.flatMap(temporalKeys))]);
}

/** Expands NODE_PROPERTIES(x) and REL_PROPERTIES(r) in a statement. */
export const expandProjections = (text: string): string =>
  text.replace(/\b(NODE|REL)_PROPERTIES\(\s*([A-Za-z_]\w*)\s*\)/g, (_m, kind: string, v: string) =>
    (kind === 'NODE' ? nodeProjection(v) : relProjection(v)));
