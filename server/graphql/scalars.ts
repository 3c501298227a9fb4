/** DateTime / Date / JSON scalars. Neo4j temporal values serialise to their ISO text. */
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { badInput } from '../platform/errors';

const toIso = (v: unknown): string => {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'year' in v) return String(v); // neo4j DateTime / Date
  throw new TypeError(`not a date: ${String(v)}`);
};

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parser(name: string, re: RegExp) {
  return (v: unknown): string => {
    if (typeof v !== 'string' || !re.test(v) || Number.isNaN(Date.parse(v))) throw badInput(name, `expected ISO 8601 text, got ${JSON.stringify(v)?.slice(0, 40)}`);
    return v;
  };
}

export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: toIso,
  parseValue: parser('DateTime', ISO_DATETIME),
  parseLiteral: (ast) => parser('DateTime', ISO_DATETIME)(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (v) => toIso(v).slice(0, 10),
  parseValue: parser('Date', ISO_DATE),
  parseLiteral: (ast) => parser('Date', ISO_DATE)(ast.kind === Kind.STRING ? ast.value : undefined),
});

function literal(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING: case Kind.ENUM: return ast.value;
    case Kind.BOOLEAN: return ast.value;
    case Kind.INT: case Kind.FLOAT: return Number(ast.value);
    case Kind.NULL: return null;
    case Kind.LIST: return ast.values.map(literal);
    case Kind.OBJECT: return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
    default: return undefined;
  }
}

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: literal,
});

export const scalarResolvers = { DateTime, Date: DateScalar, JSON: JSONScalar };
