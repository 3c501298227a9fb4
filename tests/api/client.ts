/**
 * HTTP test client: serves buildApp() on an ephemeral port and sends real GraphQL-over-HTTP
 * requests with node's fetch. Usage:
 *   const api = await startApi({ modules: ['search'] });
 *   const r = await api.gql('ana.analyst', '{ me { role } }', {}, { justification: 'CASE-1' });
 *   (a justification goes with the purpose TEST_PURPOSE unless the options name another)
 *   await api.close();
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp, type AppOptions } from '../../server/app';
import { issueDemoToken } from '../../server/auth';

export interface GqlResponse<T = any> {
  status: number;
  headers: Headers;
  body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string; [k: string]: unknown } }> };
}

/**
 * `justification`: the x-justification header. `purpose`: x-justification-purpose, sent with a
 * justification; TEST_PURPOSE unless given (null: not sent).
 */
export interface GqlOptions { justification?: string; purpose?: string | null; headers?: Record<string, string> }

/** One of the default JUSTIFICATION_PURPOSES. */
export const TEST_PURPOSE = 'safeguarding-enquiry';

export interface TestApi {
  url: string;
  token(user: string): Promise<string>;
  gql<T = any>(user: string | null, query: string, variables?: Record<string, unknown>, o?: GqlOptions): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

export async function startApi(opts: AppOptions = {}): Promise<TestApi> {
  const app = await buildApp({ rateLimits: { graphqlPerMinute: 100_000, graphqlPerUserPerMinute: 100_000, authPerMinute: 1000 }, ...opts });
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = new Map<string, string>();
  const token = async (user: string) => {
    if (!tokens.has(user)) tokens.set(user, await issueDemoToken(user));
    return tokens.get(user)!;
  };
  return {
    url,
    token,
    async gql(user, query, variables = {}, o = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...o.headers };
      if (user) headers.authorization = `Bearer ${await token(user)}`;
      if (o.justification !== undefined) {
        headers['x-justification'] = o.justification;
        if (o.purpose !== null) headers['x-justification-purpose'] = o.purpose ?? TEST_PURPOSE;
      }
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResponse['body'] };
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
