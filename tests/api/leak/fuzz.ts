/**
 * Random valid reads from the schema: for a role, any query field its capabilities allow, with
 * arguments drawn from pools of real and probed ids, names, quarters, dates (impossible ones
 * included), numbers at and past the limits and every enum value; the whole answer selected.
 * Seeded, so a failure can be replayed.
 */
import {
  getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType,
  type GraphQLInputType, type GraphQLObjectType,
} from 'graphql';
import { mulberry32 } from '../../../server/domain/rng';
import { CAPABILITIES, capabilitiesOf } from '../../../server/platform/capabilities';
import type { Role } from '../../../server/model/enums';
import { apiSchema, fullSelection, type Probe } from './probes';

export interface Pools { ids: string[]; texts: string[] }

const QUARTERS = ['2025-Q3', '2026-Q1', '2026-Q2', '2026-Q3', '2019-Q1', '2025-Q9', 'Q2'];
const DATES = ['2026-04-01T00:00:00Z', '2026-07-01T00:00:00Z', '2025-02-30T10:00:00Z', '2026-05-15', 'yesterday'];
const INTS = [0, 1, 2, 3, 5, 20, 500, 2000, 2001, -1];

/** The Query fields a role may call (the capability table's `Query.<field>`). */
export function readableFields(role: Role): string[] {
  return capabilitiesOf(role)
    .map((c) => CAPABILITIES[c])
    .filter((r) => r.kind === 'query' && r.reachedBy.startsWith('Query.'))
    .map((r) => r.reachedBy.slice('Query.'.length));
}

export function fuzzProbes(role: Role, count: number, pools: Pools, seed: number): Probe[] {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const fields = readableFields(role).filter((f) => f !== 'accessLog' && f !== 'verifyAccessLog');
  const query = apiSchema().getQueryType()!;

  const value = (name: string, type: GraphQLInputType, depth: number): unknown => {
    if (isNonNullType(type)) return value(name, type.ofType, depth);
    if (isListType(type)) return Array.from({ length: 1 + Math.floor(random() * 4) }, () => value(name, type.ofType, depth));
    const named = getNamedType(type);
    if (isEnumType(named)) return pick(named.getValues()).name;
    if (isInputObjectType(named)) {
      if (depth > 2) return {};
      return Object.fromEntries(Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type) || random() < 0.5)
        .map((f) => [f.name, value(f.name, f.type, depth + 1)]));
    }
    switch (named.name) {
      case 'ID': return pick(pools.ids);
      case 'Int': return pick(INTS);
      case 'Float': return pick([0, 0.5, 1, 10]);
      case 'Boolean': return random() < 0.5;
      case 'DateTime': return pick(DATES);
      default: return /quarter|from/i.test(name) ? pick(QUARTERS) : pick(pools.texts);
    }
  };

  return Array.from({ length: count }, (_, i) => {
    const field = query.getFields()[pick(fields)];
    const args = field.args.filter((a) => isNonNullType(a.type) || random() < 0.5);
    const variables = Object.fromEntries(args.map((a) => [a.name, value(a.name, a.type, 0)]));
    const declared = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const named = getNamedType(field.type);
    const selection = isObjectType(named) ? ` { ${fullSelection(named as GraphQLObjectType, 3)} }` : '';
    return {
      name: `fuzz ${i}: ${field.name} ${JSON.stringify(variables).slice(0, 120)}`,
      query: `query${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`,
      variables,
    };
  });
}
