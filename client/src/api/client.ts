/**
 * GraphQL over HTTP for the workspace: bearer token, the investigation's justification
 * (x-justification), and typed errors carrying the server's extensions.code. Operations are the
 * typed documents generated from client/src/api/operations/*.graphql (`npm run codegen`), so each
 * call's variables and result are checked against the SDL.
 */
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { TokenError, TokenResponse } from '../../../server/auth/token-response';

export class ApiError extends Error {
  constructor(public code: string, message: string, public field?: string) {
    super(message);
  }
}

const TOKEN_KEY = 'sg.token';
let justification: string | undefined;
let justificationAsker: (() => Promise<string | undefined>) | undefined;

export const getToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);
export const setToken = (t: string | null): void => {
  if (t) sessionStorage.setItem(TOKEN_KEY, t);
  else sessionStorage.removeItem(TOKEN_KEY);
};
export const getJustification = (): string | undefined => justification;
export const setJustification = (j: string | undefined): void => { justification = j; };
/** Called when the server says a justification is needed and none is held for this investigation. */
export const onJustificationNeeded = (ask: () => Promise<string | undefined>): void => { justificationAsker = ask; };

export async function signIn(username: string, password: string): Promise<string> {
  const res = await fetch('/auth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json().catch(() => ({}))) as Partial<TokenResponse & TokenError> & GqlResponse<never>;
  if (!res.ok) throw new ApiError('UNAUTHENTICATED', body.error ?? body.errors?.[0]?.message ?? `Sign-in failed (${res.status})`);
  if (!body.token) throw new ApiError('UNAUTHENTICATED', 'Sign-in returned no token');
  setToken(body.token);
  return body.token;
}

interface GqlResponse<T> { data?: T; errors?: { message: string; extensions?: { code?: string; field?: string } }[] }

/** Variables may be left out only where the operation declares none that are required. */
type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

/** Each document printed once: the generated documents are constants. */
const printed = new WeakMap<object, string>();
function queryText(doc: TypedDocumentNode<unknown, never>): string {
  let text = printed.get(doc);
  if (text === undefined) {
    text = print(doc);
    printed.set(doc, text);
  }
  return text;
}

async function post<T>(query: string, variables: unknown): Promise<GqlResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', 'x-graphql-csrf': '1' };
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (justification) headers['x-justification'] = justification;
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}` }] }))) as GqlResponse<T>;
  return body;
}

/** Run a query; asks for the justification once (per investigation) when the server requires it. */
export async function gql<T, V>(doc: TypedDocumentNode<T, V>, ...[variables]: VariablesArg<V>): Promise<T> {
  const query = queryText(doc as TypedDocumentNode<unknown, never>);
  let body = await post<T>(query, variables ?? {});
  const needsJustification = body.errors?.some((e) => e.extensions?.code === 'JUSTIFICATION_REQUIRED');
  if (needsJustification && justificationAsker) {
    const j = await justificationAsker();
    if (j) {
      justification = j;
      body = await post<T>(query, variables);
    }
  }
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new ApiError(e.extensions?.code ?? 'INTERNAL', e.message, e.extensions?.field);
  }
  if (!body.data) throw new ApiError('INTERNAL', 'Empty response');
  return body.data;
}
