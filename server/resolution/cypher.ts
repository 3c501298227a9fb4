/**
 * Named, parameterised queries of the data-management areas: cypher/queries/<area>/<name>.cypher,
 * read once. Names come from code, never from input.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../cypher/queries');
const cache = new Map<string, string>();

export function cypher(area: 'resolution' | 'retention' | 'record', name: string): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad query name ${name}`);
  const key = `${area}/${name}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = readFileSync(path.join(ROOT, area, `${name}.cypher`), 'utf8');
    cache.set(key, text);
  }
  return text;
}
