/**
 * Work a request asks of the database, counted before anything runs. A field declares its work in
 * the SDL as the product of some of its arguments, default values included (a list counts its
 * length):
 *
 *   neighbourhood(ids, hops, limit): … @work(multiply: ["ids", "hops", "limit"])
 *
 * The request's work is the sum over its root fields, aliases and fragments included; above
 * LIMITS.maxWork the whole request is refused with LIMIT_EXCEEDED (HTTP 400) and nothing runs or
 * is logged. Graph traversals are where one short query can hold seconds of work, which the
 * per-field cost limit (limits.ts) does not see.
 */
import {
  GraphQLError, Kind, getArgumentValues, getOperationAST, getVariableValues,
  type DocumentNode, type GraphQLField, type GraphQLObjectType, type GraphQLSchema, type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LIMITS } from './limits';

interface Charge { field: string; work: number; formula: string }

/** The @work(multiply: […]) argument names of a field, if it declares any. */
function multipliers(field: GraphQLField<unknown, unknown>): string[] | undefined {
  const d = field.astNode?.directives?.find((x) => x.name.value === 'work');
  const arg = d?.arguments?.find((a) => a.name.value === 'multiply');
  if (!arg || arg.value.kind !== Kind.LIST) return undefined;
  return arg.value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : []));
}

const size = (v: unknown): number => (Array.isArray(v) ? v.length : typeof v === 'number' && Number.isFinite(v) ? Math.max(v, 0) : 1);

/** Each root field with declared work, as many times as the request selects it. */
export function charges(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, inputs: Record<string, unknown>): Charge[] {
  const operation = getOperationAST(document, operationName);
  if (!operation) return [];
  const root = schema.getRootType(operation.operation) as GraphQLObjectType | undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs);
  // Variables that do not coerce are refused by execution with their own error.
  if (!root || coerced.errors) return [];
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const out: Charge[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(sel.name.value);
        // A fragment spread inside itself is invalid and refused by validation.
        if (f && !seen.has(f.name.value)) { seen.add(f.name.value); walk(f.selectionSet); seen.delete(f.name.value); }
      } else {
        const def = root.getFields()[sel.name.value];
        const names = def && multipliers(def);
        if (!names) continue;
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(def, sel, coerced.coerced);
        } catch {
          continue; // refused by execution with its own error
        }
        out.push({ field: sel.alias?.value ?? sel.name.value, work: names.reduce((w, n) => w * size(args[n]), 1), formula: `${sel.name.value}: ${names.join(' × ')}` });
      }
    }
  };
  walk(operation.selectionSet);
  return out;
}

export function workBudget(max = LIMITS.maxWork): Plugin {
  return {
    onExecute: ({ args, setResultAndStopExecution }) => {
      const asked = charges(args.schema, args.document, args.operationName, (args.variableValues ?? {}) as Record<string, unknown>);
      const total = asked.reduce((s, c) => s + c.work, 0);
      if (total <= max) return;
      const how = [...new Set(asked.map((c) => c.formula))].join('; ');
      setResultAndStopExecution({
        errors: [new GraphQLError(
          `This request asks for ${total.toLocaleString('en-GB')} units of work (${how}, summed over ${asked.length} field${asked.length === 1 ? '' : 's'}): at most ${max.toLocaleString('en-GB')}. Ask for fewer ids, fewer hops or a lower limit, or split the request.`,
          { extensions: { code: 'LIMIT_EXCEEDED', work: total, maxWork: max, http: { status: 400 } } },
        )],
      });
    },
  };
}
