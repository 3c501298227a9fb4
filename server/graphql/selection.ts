/** What a query asks for below a resolver's field, so a service need not fetch what nobody reads. */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the query may select `path` (field names) under this resolver's field. Fragments are
 * not followed: where one appears the answer is yes, so a doubtful case fetches rather than misses.
 */
export function mayAskFor(info: Pick<GraphQLResolveInfo, 'fieldNodes'>, path: readonly string[]): boolean {
  let sets: Array<SelectionSetNode | undefined> = info.fieldNodes.map((f) => f.selectionSet);
  for (const name of path) {
    const next: Array<SelectionSetNode | undefined> = [];
    for (const set of sets) {
      for (const s of set?.selections ?? []) {
        if (s.kind !== Kind.FIELD) return true;
        if (s.name.value === name) next.push(s.selectionSet);
      }
    }
    if (!next.length) return false;
    sets = next;
  }
  return true;
}
