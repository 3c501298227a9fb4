/**
 * neo4j-admin import CSV headers from the model: one column per model property, typed the way the
 * online loader stores it (validate.ts: int → INTEGER, float → FLOAT, date → DATE, datetime →
 * DATETIME, lists of text → LIST<STRING>), so an offline import and an online load store the same
 * values. Nodes share the id space `Entity`, whose `id` property is the node's id.
 */
import { ENTITY_LABEL, nodeKind, relKind, type PropType } from '../../../model/model';

/** The importer's type names (what Neo4j stores: 64-bit integers and floats). */
const ADMIN_TYPE: Record<PropType, string> = {
  string: 'string', enum: 'string', 'string[]': 'string[]', int: 'long', float: 'double', bool: 'boolean', date: 'date', datetime: 'datetime',
};

export interface Column { name: string; type: PropType }

/** Separates list items and labels in a cell (no code or generated text contains it). */
export const ARRAY_DELIMITER = '|';

/** Properties the loader derives rather than reads: validate.ts sets dobLatest on a Person. */
const DERIVED: Record<string, Column[]> = { Person: [{ name: 'dobLatest', type: 'date' }] };

export function nodeColumns(label: string): Column[] {
  const kind = nodeKind(label);
  if (!kind) throw new Error(`unknown record type ${label}`);
  const props = Object.entries(kind.props).filter(([name]) => name !== 'id').map(([name, spec]) => ({ name, type: spec.type }));
  return [...props, ...(DERIVED[label] ?? [])];
}

export function relColumns(type: string): Column[] {
  const kind = relKind(type);
  if (!kind) throw new Error(`unknown relationship type ${type}`);
  return Object.entries(kind.props).map(([name, spec]) => ({ name, type: spec.type }));
}

const typed = (c: Column): string => `${c.name}:${ADMIN_TYPE[c.type]}`;

export const nodeHeader = (label: string): string[] => [`id:ID(${ENTITY_LABEL})`, ':LABEL', ...nodeColumns(label).map(typed)];

export const relHeader = (type: string): string[] => [`:START_ID(${ENTITY_LABEL})`, `:END_ID(${ENTITY_LABEL})`, ...relColumns(type).map(typed)];
