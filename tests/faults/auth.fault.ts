/**
 * The embedded Neo4j with authentication on, the password from the environment (as a production
 * Neo4j server would have it), and production mode refusing to start without one.
 */
import { openDriver } from '../../server/platform/db/driver';
import { readInstance } from '../../scripts/neo4j/instance';
import { cli, gql, newSetting, startProduct, type Product, type Setting } from './product';

const PASSWORD = 'synthetic-Secret-2026';
let s: Setting;
let product: Product | undefined;

afterAll(async () => { await product?.stop(); });

it('refuses to start in production mode without a Neo4j password, before starting Neo4j', async () => {
  const p = await newSetting('prod-refuse', 'none');
  const r = await cli(p, 'start', [], { NODE_ENV: 'production' });
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/Refusing to start in production mode: set NEO4J_PASSWORD/);
  expect(readInstance(p.neo4jDir)).toBeUndefined();
});

it('serves with Bolt authentication on and the password from the environment; Bolt refuses other credentials', async () => {
  s = await newSetting('auth', 'demo');
  s.env.NEO4J_PASSWORD = PASSWORD;
  product = await startProduct(s);
  expect(readInstance(s.neo4jDir)?.auth).toBe(true);
  const me = await gql(s, 'ana.analyst', '{ me { id } }');
  expect(me.status).toBe(200);
  const search = await gql(s, 'ana.analyst', 'query($t: String!) { search(text: $t) { hidden } }', { t: 'a' });
  expect(search.body.errors).toBeUndefined();

  const uri = `bolt://127.0.0.1:${s.env.NEO4J_BOLT_PORT}`;
  for (const password of ['neo4j', 'wrong-password']) {
    const d = openDriver(uri, 'neo4j', password);
    try {
      await expect(d.executeQuery('RETURN 1')).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
    } finally {
      await d.close();
    }
  }
  const good = openDriver(uri, 'neo4j', PASSWORD);
  try {
    expect((await good.executeQuery('RETURN 1 AS one')).records[0].get('one').toNumber()).toBe(1);
  } finally {
    await good.close();
  }
});

it('a command beside it uses the password from its environment, and without one says it needs it', async () => {
  const withPassword = await cli(s, 'verify-log');
  expect(withPassword.stdout).toMatch(/Access log intact/);
  const env = { ...s.env };
  delete env.NEO4J_PASSWORD;
  const without = await cli({ ...s, env }, 'verify-log');
  expect(without.code).not.toBe(0);
  expect(without.stderr).toMatch(/asks for a password: set NEO4J_PASSWORD/);
});
