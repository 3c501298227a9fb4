/** Validated property values (validate.ts: driver Integer, Date, DateTime, lists) as import CSV cells. */
import { ARRAY_DELIMITER, type Column } from './columns';

/** Without --multiline-fields (slow) a cell may not hold a line break; no generated text does. */
function singleLine(text: string, where: string): string {
  if (/[\r\n]/.test(text)) throw new Error(`${where}: a line break in a value; the offline import reads one line per record`);
  return text;
}

/**
 * The cell of one property: undefined for no property. An empty list gives an empty cell too,
 * which the importer reads as no property: the writer notes it to be set afterwards.
 */
export function cellOf(value: unknown, column: Column, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  switch (column.type) {
    case 'string[]': {
      const items = value as string[];
      for (const item of items) {
        if (item.includes(ARRAY_DELIMITER)) throw new Error(`${where}, ${column.name}: the list item ${JSON.stringify(item)} holds the list delimiter ${ARRAY_DELIMITER}`);
        singleLine(item, where);
      }
      return items.join(ARRAY_DELIMITER);
    }
    case 'bool':
      return value ? 'true' : 'false';
    case 'string':
    case 'enum':
      return singleLine(String(value), `${where}, ${column.name}`);
    default:
      // Integer, Date and DateTime print as Neo4j parses them; a float prints as the shortest exact decimal.
      return String(value);
  }
}
