/**
 * A profile's facts in the order the model declares them (name, date of birth, sex, ethnicity…
 * for a person), not in the database's storage order. The name is left out: the panel's heading
 * shows it. Age band and "is child", which the API derives from the date of birth, follow it.
 * Anything the model does not declare comes last, as it came.
 */
import { NODE_KINDS } from '../../../server/model/model';

const DERIVED_AFTER: Record<string, string[]> = { dateOfBirth: ['ageBand', 'isChild'] };

/** Where a record came from and how it is graded: the panel shows these apart from its facts. */
export const PROVENANCE_KEYS = new Set(['source', 'sourceRef', 'recordedAt', 'validFrom', 'validTo', 'gradingScheme', 'sourceEval', 'assessment', 'handling', 'conditions', 'reviewBy', 'status', 'sharedWith']);

function declaredOrder(labels: readonly string[]): string[] {
  const kind = NODE_KINDS.find((k) => labels.includes(k.label));
  return Object.keys(kind?.props ?? {}).flatMap((k) => [k, ...(DERIVED_AFTER[k] ?? [])]);
}

export function orderFacts(labels: readonly string[], facts: [string, unknown][]): [string, unknown][] {
  const order = declaredOrder(labels);
  const rank = (k: string): number => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return facts
    .filter(([k]) => k !== 'name')
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f[0]) - rank(b.f[0]) || a.i - b.i)
    .map(({ f }) => f);
}

/** A record's properties as the panel's facts: without its id and provenance, in the model's order. */
export function profileFacts(labels: readonly string[], props: Record<string, unknown>): [string, unknown][] {
  return orderFacts(labels, Object.entries(props).filter(([k]) => !PROVENANCE_KEYS.has(k) && k !== 'id'));
}
