/**
 * Named, parameterised queries of the data-management areas: cypher/queries/<area>/<name>.cypher,
 * read once. Names come from code, never from input.
 */
import { namedQuery } from '../graphql/cypher';

export function cypher(area: 'resolution' | 'retention' | 'record', name: string): string {
  return namedQuery(area, name);
}
