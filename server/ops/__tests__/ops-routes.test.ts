/** /health, /ready, /metrics and the 503 while Neo4j is known to be down, over real HTTP and a real Neo4j. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../app';
import { issueDemoToken } from '../../auth';
import { resetConfig } from '../../platform/config';
import { closeDriver, driver } from '../../../tests/support/db';
import { pendingMigrations } from '../pending-migrations';
import { SCHEMA_DIR } from '../../platform/db/migrate';
import type { DatabaseAvailability } from '../availability';
import { isDatabaseUnavailable } from '../availability';

async function serve(env: Record<string, string> = {}, modules: string[] = []) {
  Object.assign(process.env, env);
  resetConfig();
  const app = await buildApp({ modules });
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, availability: app.locals.availability as DatabaseAvailability,
    close: async () => {
      (app.locals.availability as DatabaseAvailability).stop();
      await new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
      for (const k of Object.keys(env)) delete process.env[k];
      resetConfig();
    },
  };
}

const me = async (url: string, operationName = 'WhoAmI') => fetch(`${url}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${await issueDemoToken('ana.analyst')}` },
  body: JSON.stringify({ query: `query ${operationName} { me { id } }`, operationName }),
});

afterAll(() => closeDriver());

describe('health and readiness', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => { s = await serve(); });
  afterAll(() => s.close());

  it('/health says the process is alive and nothing about the database', async () => {
    const r = await fetch(`${s.url}/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ok' });
  });

  it('/ready is 200 when Neo4j answers and every migration is applied', async () => {
    const r = await fetch(`${s.url}/ready`);
    expect(await r.json()).toEqual({ status: 'ready' });
    expect(r.status).toBe(200);
  });

  it('lists a migration file not yet applied, or applied with another checksum', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-'));
    try {
      for (const f of fs.readdirSync(SCHEMA_DIR)) fs.copyFileSync(path.join(SCHEMA_DIR, f), path.join(dir, f));
      expect(await pendingMigrations(driver(), 'neo4j', dir)).toEqual([]);
      fs.writeFileSync(path.join(dir, '999_new.cypher'), 'CREATE INDEX ops_test IF NOT EXISTS FOR (n:OpsTest) ON (n.id);\n');
      const first = fs.readdirSync(dir).sort()[0];
      fs.appendFileSync(path.join(dir, first), '\n// changed\n');
      expect(await pendingMigrations(driver(), 'neo4j', dir)).toEqual([first, '999_new.cypher']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('while Neo4j is known to be down', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => { s = await serve(); });
  afterAll(() => s.close());

  it('answers 503 at once with a clear message, and serves again once the probe gets an answer', async () => {
    expect((await me(s.url)).status).toBe(200);
    s.availability.markDown(new Error('connect ECONNREFUSED 127.0.0.1:1'));
    const started = Date.now();
    const refused = await me(s.url);
    expect(Date.now() - started).toBeLessThan(500);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    const body = (await refused.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.errors[0].message).toMatch(/database is not available/);
    expect(body.errors[0].message).not.toMatch(/ECONNREFUSED/);
    // Neo4j is in fact up: the next probe (every second while down) lets requests through.
    const until = Date.now() + 10_000;
    let status = 503;
    while (status === 503 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 300));
      status = (await me(s.url)).status;
    }
    expect(status).toBe(200);
  });

  it('tells a failure to reach Neo4j from a query that failed', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('Could not perform discovery'), { code: 'ServiceUnavailable' }))).toBe(true);
    expect(isDatabaseUnavailable({ originalError: { message: 'connect ECONNREFUSED 127.0.0.1:7687' } })).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('Invalid input'), { code: 'Neo.ClientError.Statement.SyntaxError' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('Unexpected end of JSON'))).toBe(false);
  });
});

describe('when a query finds Neo4j out of reach', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => { s = await serve({}, ['profile', 'neighbourhood']); });
  afterAll(() => s.close());

  it('answers the same 503 as while Neo4j is known to be down, and the API knows it is down from then on', async () => {
    expect(s.availability.isUp()).toBe(true);
    // The driver's own error after its retries, as the query layer (readRows) receives it.
    const unreachable = Object.assign(new Error('Could not perform discovery. No routing servers available.'), { code: 'ServiceUnavailable' });
    const spy = jest.spyOn(driver(), 'executeQuery').mockRejectedValueOnce(unreachable);
    let r: Response;
    try {
      r = await fetch(`${s.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json', authorization: `Bearer ${await issueDemoToken('ana.analyst')}`,
          'x-justification-purpose': 'safeguarding-enquiry', 'x-justification': 'SYN-OPS-TEST',
        },
        body: JSON.stringify({ query: 'query($id: ID!) { profile(id: $id) { node { id } } }', variables: { id: 'nobody' } }),
      });
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('5');
    const body = (await r.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors).toEqual([{ message: expect.stringMatching(/database is not available/), extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
    expect(s.availability.isUp()).toBe(false);
  });
});

describe('metrics', () => {
  it('serves Prometheus metrics to an allowed address: latency per operation, pool, access log', async () => {
    const s = await serve();
    try {
      expect((await me(s.url, 'OpsMetricsProbe')).status).toBe(200);
      const r = await fetch(`${s.url}/metrics`);
      expect(r.status).toBe(200);
      const text = await r.text();
      expect(text).toMatch(/api_request_duration_seconds_count\{operation="OpsMetricsProbe"\} 1/);
      expect(text).toMatch(/neo4j_pool_connections\{state="idle"\} \d+/);
      expect(text).toMatch(/neo4j_up 1/);
      expect(text).toContain('access_log_append_duration_seconds_bucket');
      expect(text).toContain('process_resident_memory_bytes');
    } finally {
      await s.close();
    }
  });

  it('counts GraphQL errors by operation and code', async () => {
    const s = await serve();
    try {
      const token = await issueDemoToken('ana.analyst');
      await fetch(`${s.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'query OpsBadField { me { nope } }', operationName: 'OpsBadField' }),
      });
      const text = await (await fetch(`${s.url}/metrics`)).text();
      expect(text).toMatch(/api_errors_total\{operation="OpsBadField",code="GRAPHQL_VALIDATION_FAILED"\} 1/);
    } finally {
      await s.close();
    }
  });

  it('refuses /metrics to an address not configured', async () => {
    const s = await serve({ METRICS_ALLOW: '10.1.2.3' });
    try {
      const r = await fetch(`${s.url}/metrics`);
      expect(r.status).toBe(403);
      expect(await r.text()).not.toContain('api_request_duration_seconds');
    } finally {
      await s.close();
    }
  });
});
