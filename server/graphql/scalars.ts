/** DateTime / Date / JSON scalars. Neo4j temporal values serialise to their ISO text. */
import { GraphQLScalarType, Kind, print, type ValueNode } from 'graphql';

/**
 * A value a scalar refuses. Not a GraphQLError, so graphql-js keeps the query node or variable
 * path it came from; server/graphql/input-errors.ts turns it into BAD_USER_INPUT naming the argument.
 */
export class ScalarInputError extends Error {
  constructor(readonly scalar: string, readonly reason: string) {
    super(`${scalar}: ${reason}`);
    this.name = 'ScalarInputError';
  }
}

const toIso = (v: unknown): string => {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'year' in v) return String(v); // neo4j DateTime / Date
  throw new TypeError(`not a date: ${String(v)}`);
};

const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Why ISO 8601 text is not a real date or date-time, or undefined when it is. The day must exist
 * in its month (JavaScript's Date.parse rolls 2025-02-30 over to 2 March; Neo4j refuses it), hours
 * 0-23, minutes and seconds 0-59, offsets at most 18 hours (Neo4j's range).
 */
export function dateProblem(text: string, withTime: boolean): string | undefined {
  const m = (withTime ? ISO_DATETIME : ISO_DATE).exec(text);
  if (!m) return withTime ? 'expected an ISO 8601 date-time such as 2025-04-30T21:00:00Z' : 'expected an ISO 8601 date such as 2025-04-30';
  const [year, month, day, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  if (month < 1 || month > 12) return `${text.slice(0, 10)} is not a date: there is no month ${month}`;
  if (day < 1 || day > daysIn(year, month)) return `${text.slice(0, 10)} is not a date: ${MONTHS[month - 1]} ${year} has ${daysIn(year, month)} days`;
  if (hour > 23 || minute > 59 || second > 59) return `${text.slice(11, 19)} is not a time of day`;
  if (offsetHours > 18 || offsetMinutes > 59 || (offsetHours === 18 && offsetMinutes > 0)) return 'the offset from UTC must be at most 18:00';
  return undefined;
}

function parser(name: string, withTime: boolean) {
  return (v: unknown): string => {
    if (typeof v !== 'string') throw new ScalarInputError(name, `expected ISO 8601 text, got ${JSON.stringify(v)?.slice(0, 40)}`);
    const problem = dateProblem(v, withTime);
    if (problem) throw new ScalarInputError(name, problem);
    return v;
  };
}

function literalText(name: string, ast: ValueNode): string {
  if (ast.kind !== Kind.STRING) throw new ScalarInputError(name, `expected ISO 8601 text in quotes, got ${print(ast).slice(0, 40)}`);
  return ast.value;
}

export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: toIso,
  parseValue: parser('DateTime', true),
  parseLiteral: (ast) => parser('DateTime', true)(literalText('DateTime', ast)),
});

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (v) => toIso(v).slice(0, 10),
  parseValue: parser('Date', false),
  parseLiteral: (ast) => parser('Date', false)(literalText('Date', ast)),
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
