/** Typed errors reach clients with extensions.code; anything else is masked and logged with the request id. */
import path from 'node:path';
import { startApi, type TestApi } from '../../../tests/api/client';
import { closeDriver } from '../../../tests/support/db';

let api: TestApi;
const lines: Array<Record<string, unknown>> = [];
beforeAll(async () => { api = await startApi({ modulesDir: path.resolve(__dirname, '../../../tests/api/modules'), log: (l) => lines.push(l) }); });
afterAll(async () => { await api.close(); await closeDriver(); });

it('masks an unexpected error and logs the detail with the request id', async () => {
  const r = await api.gql('ana.analyst', '{ boom }', {}, { headers: { 'x-request-id': 'req-boom-1' } });
  expect(r.body.errors?.[0].message).toBe('Unexpected error.');
  expect(JSON.stringify(r.body)).not.toContain('10.0.0.5');
  expect(r.body.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  const logged = lines.find((l) => l.level === 'error');
  expect(String(logged?.error)).toContain('10.0.0.5');
  expect(logged?.requestId).toBe('req-boom-1');
});

it('passes a typed error through with its code', async () => {
  const r = await api.gql('ana.analyst', '{ typedBoom }');
  expect(r.body.errors?.[0]).toEqual(expect.objectContaining({ message: 'No such thing', extensions: { code: 'NOT_FOUND' } }));
});
