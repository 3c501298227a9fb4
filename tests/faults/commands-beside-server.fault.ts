/**
 * The README's commands while `npm start` runs: each uses the running Neo4j of the data folder
 * instead of failing on its store lock; a lock held by a Neo4j that did not record itself is one
 * sentence; a backup taken while the product runs, restored, gives the identical graph and a log
 * that verifies; stopping the product's process group stops Neo4j too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { templateText } from '../../server/modules/import/__tests__/csv-files';
import { instanceFile } from '../../scripts/neo4j/instance';
import { graphFingerprint } from './fingerprint';
import { boltDriver, cli, newSetting, pidGone, ready, sleep, startProduct, waitFor, type Product, type Setting } from './product';

let s: Setting;
let product: Product;

beforeAll(async () => {
  s = await newSetting('commands');
  product = await startProduct(s);
});
afterAll(async () => { await product?.stop(); });

const ok = (r: { code: number | null; stdout: string; stderr: string }) => {
  if (r.code !== 0) throw new Error(`exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};

it('runs the README\'s commands beside the running server', async () => {
  expect(ok(await cli(s, 'neo4j/run'))).toMatch(/already running at bolt:\/\/127\.0\.0\.1:/);
  expect(ok(await cli(s, 'migrate'))).toMatch(/already in place/);
  expect(ok(await cli(s, 'verify-log'))).toMatch(/Access log intact/);
  ok(await cli(s, 'review', ['--list-only']));

  const folder = path.join(s.dir, 'import');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'people.csv'), templateText('people', [
    { id: 'cmd-p1', name: 'Synthetic Child Cmd', dateOfBirth: '2011-02-03', sex: 'FEMALE', ethnicity: 'NOT_STATED', source: 'SOCIAL_CARE', roles: 'YoungPerson' },
    { id: 'cmd-p2', name: 'Synthetic Child Cmd Two', dateOfBirth: '2012-05-06', sex: 'MALE', ethnicity: 'NOT_STATED', source: 'SOCIAL_CARE', roles: 'YoungPerson' },
  ]));
  expect(ok(await cli(s, 'import', [folder]))).toMatch(/Dry run: nothing written/);
  expect(ok(await cli(s, 'import', [folder, '--apply']))).toMatch(/Applied\./);
  ok(await cli(s, 'erase', ['cmd-p2', '--justification', 'SYN-OPS erasure request']));
  const d = boltDriver(s);
  try {
    const { records } = await d.executeQuery("MATCH (p:Person) WHERE p.id STARTS WITH 'cmd-p' RETURN collect(p.id) AS ids");
    expect(records[0].get('ids')).toEqual(['cmd-p1']);
  } finally {
    await d.close();
  }

  const out = path.join(s.dir, 'briefing');
  ok(await cli(s, 'briefing', ['--quarter', '2025-Q3', '--edition', 'partner', '--out', out]));
  expect(fs.readdirSync(out).some((f) => f.endsWith('.html'))).toBe(true);
  expect(ok(await cli(s, 'token', ['ana.analyst'])).trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(ok(await cli(s, 'verify-log'))).toMatch(/Access log intact/);
});

it('says in one sentence that the store is locked when a Neo4j holds it without having recorded itself', async () => {
  const record = instanceFile(s.neo4jDir);
  fs.renameSync(record, `${record}.away`);
  try {
    const r = await cli(s, 'migrate');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/is in use by another Neo4j \(its store lock is held\)/);
    expect(r.stderr + r.stdout).not.toMatch(/Exception|\n\s+at /);
  } finally {
    fs.renameSync(`${record}.away`, record);
  }
});

it('backs up while the product runs (Neo4j stops briefly) and restores the identical graph', async () => {
  const driver = boltDriver(s);
  let before: Awaited<ReturnType<typeof graphFingerprint>>;
  try {
    before = await graphFingerprint(driver);
  } finally {
    await driver.close();
  }
  const archive = path.join(s.dir, 'backup.tar.gz');
  const pidBefore = product.neo4jPid();
  let sawNotReady = false;
  const backup = cli(s, 'backup', ['--out', archive]);
  let finished = false;
  void backup.then(() => { finished = true; });
  while (!finished) {
    if (!(await ready(s))) sawNotReady = true;
    await sleep(200);
  }
  const r = await backup;
  expect(ok(r)).toMatch(/Backup written to .* Neo4j was stopped for [\d.]+ s/);
  console.log(r.stdout.trim());
  expect(sawNotReady).toBe(true);
  expect(product.neo4jPid()).not.toBe(pidBefore);
  await waitFor('API ready after the backup', () => ready(s), 30_000);

  // A change after the backup, which the restore must take away again.
  const d1 = boltDriver(s);
  await d1.executeQuery("CREATE (:OpsMarker {id: 'written-after-the-backup'})").finally(() => d1.close());
  const neo4jPid = product.neo4jPid();
  await product.stop();
  await waitFor('Neo4j stopped with the product', () => pidGone(neo4jPid), 60_000);

  expect(ok(await cli(s, 'restore', [archive]))).toMatch(/Restored/);
  product = await startProduct(s);
  const d2 = boltDriver(s);
  try {
    expect(await graphFingerprint(d2)).toEqual(before);
  } finally {
    await d2.close();
  }
  expect(ok(await cli(s, 'verify-log'))).toMatch(/Access log intact: .*checkpoint/);
});

it('refuses to restore while the product runs, saying what to do', async () => {
  const r = await cli(s, 'restore', [path.join(s.dir, 'backup.tar.gz')]);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/Neo4j is running on this data folder .* stop npm start/);
});
