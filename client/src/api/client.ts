/**
 * GraphQL over HTTP for the workspace: bearer token, the investigation's justification
 * (x-justification-purpose and x-justification), and typed errors carrying the server's extensions.code. Operations are the
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

/** Why person-level data is consulted: a purpose code (from `me`) and a case reference or reason. */
export interface Justification { purpose: string; text: string }

let justification: Justification | undefined;
/** Asks the user; `problem` is the server's word on the last one sent, if it refused it. */
let justificationAsker: ((problem?: string) => Promise<Justification | undefined>) | undefined;

export const getToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);
export const setToken = (t: string | null): void => {
  if (t) sessionStorage.setItem(TOKEN_KEY, t);
  else sessionStorage.removeItem(TOKEN_KEY);
};
export const getJustification = (): Justification | undefined => justification;
export const setJustification = (j: Justification | undefined): void => { justification = j; };
/** Called when the server says a justification is needed (none is held, or it refused the one sent). */
export const onJustificationNeeded = (ask: (problem?: string) => Promise<Justification | undefined>): void => { justificationAsker = ask; };

/**
 * A header value the browser can send: fetch sends header text as Latin-1, so anything beyond
 * printable ASCII goes as RFC 8187's UTF-8'' with the percent-encoded UTF-8 bytes.
 */
export const headerText = (text: string): string => (/^[\x20-\x7e]*$/.test(text) && !/^utf-8''/i.test(text) ? text : `UTF-8''${encodeURIComponent(text)}`);

const JUSTIFICATION_FIELDS = new Set(['x-justification', 'x-justification-purpose']);

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
  if (justification) {
    headers['x-justification-purpose'] = justification.purpose;
    headers['x-justification'] = headerText(justification.text);
  }
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}` }] }))) as GqlResponse<T>;
  return body;
}

/** The server's reason for asking (again) for a justification, if that is what it answered. */
function justificationProblem(body: GqlResponse<unknown>): string | undefined {
  const e = body.errors?.find((x) => x.extensions?.code === 'JUSTIFICATION_REQUIRED'
    || (x.extensions?.code === 'BAD_USER_INPUT' && JUSTIFICATION_FIELDS.has(x.extensions.field ?? '')));
  if (!e) return undefined;
  return e.extensions?.code === 'JUSTIFICATION_REQUIRED' ? '' : e.message;
}

/** Run a query; asks for the justification once per investigation (again if the server refuses it). */
export async function gql<T, V>(doc: TypedDocumentNode<T, V>, ...[variables]: VariablesArg<V>): Promise<T> {
  const query = queryText(doc as TypedDocumentNode<unknown, never>);
  let body = await post<T>(query, variables ?? {});
  for (let asked = 0; asked < 3 && justificationAsker; asked++) {
    const problem = justificationProblem(body);
    if (problem === undefined) break;
    justification = undefined;
    const j = await justificationAsker(problem || undefined);
    if (!j) break;
    justification = j;
    body = await post<T>(query, variables ?? {});
  }
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new ApiError(e.extensions?.code ?? 'INTERNAL', e.message, e.extensions?.field);
  }
  if (!body.data) throw new ApiError('INTERNAL', 'Empty response');
  return body.data;
}
