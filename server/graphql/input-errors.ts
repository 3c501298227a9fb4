/**
 * A value a scalar refuses (ScalarInputError: an impossible date, say) answers BAD_USER_INPUT
 * naming the argument it was given for, e.g. `filter.from: 2025-02-30 is not a date: February
 * 2025 has 28 days`, whether it came as a literal in the query or in a variable. graphql-js would
 * name the scalar type, or the variable, instead.
 *
 * Literals fail validation; the error carries the value's node, whose place among the field's
 * arguments gives the name. Variables are coerced here before execution, one by one, and a
 * scalar's refusal is named by where the variable is used plus the path inside it.
 */
import {
  GraphQLError, Kind, coerceInputValue, getOperationAST, typeFromAST,
  type ASTNode, type DocumentNode, type GraphQLInputType, type GraphQLSchema, type SelectionSetNode, type ValueNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ScalarInputError } from './scalars';

type Step = string | number;

/** Argument paths ("filter.from", "input.fields[2].value") of every value node in the document. */
function valuePaths(document: DocumentNode): { of: Map<ASTNode, string>; variables: Map<string, string[]> } {
  const of = new Map<ASTNode, string>();
  const variables = new Map<string, string[]>();
  const name = (steps: Step[]): string => steps.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
  const walkValue = (v: ValueNode, steps: Step[]): void => {
    of.set(v, name(steps));
    if (v.kind === Kind.OBJECT) v.fields.forEach((f) => walkValue(f.value, [...steps, f.name.value]));
    else if (v.kind === Kind.LIST) v.values.forEach((x, i) => walkValue(x, [...steps, i]));
    else if (v.kind === Kind.VARIABLE) variables.set(v.name.value, [...(variables.get(v.name.value) ?? []), name(steps)]);
  };
  const walkSet = (set: SelectionSetNode | undefined): void => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) {
        sel.arguments?.forEach((a) => walkValue(a.value, [a.name.value]));
        walkSet(sel.selectionSet);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        walkSet(sel.selectionSet);
      }
    }
  };
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) walkSet(d.selectionSet);
  }
  return { of, variables };
}

const refusedBy = (e: unknown): ScalarInputError | undefined => {
  const original = e instanceof GraphQLError ? e.originalError ?? e : e;
  return original instanceof ScalarInputError ? original : undefined;
};

const named = (field: string, e: ScalarInputError, nodes?: readonly ASTNode[]): GraphQLError =>
  new GraphQLError(`${field}: ${e.reason}`, { nodes, extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } } });

function variableErrors(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, inputs: Record<string, unknown>): GraphQLError[] {
  const operation = getOperationAST(document, operationName);
  if (!operation) return [];
  const { variables } = valuePaths(document);
  const errors: GraphQLError[] = [];
  for (const def of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, def.type) as GraphQLInputType | undefined;
    const name = def.variable.name.value;
    if (!type || inputs[name] === undefined || inputs[name] === null) continue;
    coerceInputValue(inputs[name], type, (path, _value, error) => {
      const refused = refusedBy(error);
      if (!refused) return; // graphql-js reports anything else itself
      const inner = path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
      for (const used of new Set(variables.get(name) ?? [`$${name}`])) errors.push(named(`${used}${inner}`, refused, [def]));
    });
  }
  return errors;
}

export function namedInputErrors(): Plugin {
  return {
    onValidate: ({ params }) => ({ result, setResult }) => {
      if (!result.some((e) => refusedBy(e))) return;
      const { of } = valuePaths(params.documentAST);
      setResult(result.map((e) => {
        const refused = refusedBy(e);
        const path = e.nodes?.map((n: ASTNode) => of.get(n)).find(Boolean);
        return refused && path ? named(path, refused, e.nodes) : e;
      }));
    },
    onExecute: ({ args, setResultAndStopExecution }) => {
      const errors = variableErrors(args.schema, args.document, args.operationName, (args.variableValues ?? {}) as Record<string, unknown>);
      if (errors.length) setResultAndStopExecution({ errors });
    },
  };
}
