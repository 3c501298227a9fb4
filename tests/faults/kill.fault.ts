/**
 * Faults, as they happen: Neo4j killed (-9) during an --apply import, record mutations, merges
 * and access-log appends, and the API server killed during an import. After Neo4j or the product
 * is back: nothing partial, every acknowledged write present, the access log's chain and
 * checkpoints verify. While Neo4j is down the API answers 503 at once, and it serves again within
 * 30 s of Neo4j being back, without a restart of the API.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { templateText } from '../../server/modules/import/__tests__/csv-files';
import { canConnect, readInstance } from '../../scripts/neo4j/instance';
import { boltDriver, cli, gql, newSetting, pidGone, ready, runCli, sleep, startProduct, waitFor, type Answer, type Product, type Setting } from './product';

let s: Setting;
let product: Product;
let driver: Driver;

beforeAll(async () => {
  s = await newSetting('kill');
  product = await startProduct(s);
  driver = boltDriver(s);
});
afterAll(async () => {
  await driver?.close();
  await product?.stop();
});

const count = async (cypher: string, params: Record<string, unknown> = {}): Promise<number> =>
  Number((await driver.executeQuery(cypher, params)).records[0].get(0));

/** Kills Neo4j with SIGKILL; returns its pid. */
function killNeo4j(): number {
  const pid = product.neo4jPid();
  process.kill(pid, 'SIGKILL');
  return pid;
}

/**
 * After a kill: the API refuses with 503 at once while Neo4j is down, Neo4j comes back (the
 * launcher restarts it), and the API serves again soon after. Returns the figures.
 */
async function throughTheOutage(oldPid: number): Promise<{ refusedMs: number; servedAfterBackMs: number }> {
  const port = Number(s.env.NEO4J_BOLT_PORT);
  // Once the API has noticed (a failed request, or its probe every 5 s: a refused connection at
  // once, a probe with no answer in 5 s the third time in a row), it refuses at once.
  let refused: Answer | undefined;
  await waitFor('a 503 while Neo4j is down', async () => {
    const a = await gql(s, 'ana.analyst', '{ me { id } }');
    if (a.status === 503) refused = a;
    return a.status === 503;
  }, 45_000, 200);
  const again = await gql(s, 'ana.analyst', '{ me { id } }');
  if (again.status === 503) refused = again;
  expect(refused!.body.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
  expect(refused!.body.errors?.[0].message).toMatch(/database is not available/);
  await waitFor('Neo4j restarted by its launcher', async () => {
    const rec = readInstance(s.neo4jDir);
    return Boolean(rec && rec.neo4jPid !== oldPid && await canConnect(port));
  }, 180_000, 100);
  const back = Date.now();
  await waitFor('the API serving again', async () => (await gql(s, 'ana.analyst', '{ me { id } }')).status === 200, 30_000, 200);
  await waitFor('the API ready again', () => ready(s), 30_000, 200);
  return { refusedMs: again.status === 503 ? again.ms : refused!.ms, servedAfterBackMs: Date.now() - back };
}

type Traffic = ReturnType<typeof load>;

/**
 * Kills Neo4j while `traffic` runs and watches the outage from the moment of the kill: the 503
 * must come while Neo4j is down. Requests caught by the kill wait for the driver's retries (up to
 * 30 s), so by the time the traffic has stopped Neo4j may be back already. The traffic runs on
 * for `forMs` after the kill, then stops.
 */
async function killDuring(traffic: Traffic, forMs: number): Promise<{ refusedMs: number; servedAfterBackMs: number; stopMs: number }> {
  const outage = throughTheOutage(killNeo4j());
  outage.catch(() => undefined); // awaited below
  await sleep(forMs);
  const stopping = Date.now();
  await traffic.stop();
  const stopMs = Date.now() - stopping;
  return { ...await outage, stopMs };
}

/** Waits until a write transaction running `marker` (a fragment of its Cypher) is in flight in Neo4j. */
async function waitForTransaction(marker: string, timeoutMs: number): Promise<void> {
  await waitFor(`a transaction running "${marker}"`, async () => {
    const r = await driver.executeQuery('SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS n', { marker });
    return Number(r.records[0].get('n')) > 0;
  }, timeoutMs, 50);
}

function peopleFolder(prefix: string, n: number): string {
  const folder = path.join(s.dir, prefix);
  fs.mkdirSync(folder, { recursive: true });
  const rows = Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`, name: `Synthetic Person ${i}`, dateOfBirth: '2010-01-01', sex: i % 2 ? 'MALE' : 'FEMALE',
    ethnicity: 'NOT_STATED', source: 'SOCIAL_CARE', roles: 'YoungPerson',
  }));
  fs.writeFileSync(path.join(folder, 'people.csv'), templateText('people', rows));
  return folder;
}

/** Sends requests from `workers` clients until stop() is called; every answer is kept. */
function load(workers: number, send: (i: number) => Promise<Answer>) {
  const answers: Array<{ i: number; a: Answer }> = [];
  let next = 0;
  let stopped = false;
  const loops = Array.from({ length: workers }, async () => {
    while (!stopped) {
      const i = next++;
      try {
        answers.push({ i, a: await send(i) });
      } catch (e) {
        answers.push({ i, a: { status: 0, ms: 0, requestId: null, body: { errors: [{ message: (e as Error).message }] } } });
      }
    }
  });
  return {
    answers,
    acknowledged: () => answers.filter((x) => x.a.status === 200 && !x.a.body.errors),
    stop: async () => { stopped = true; await Promise.all(loops); },
  };
}

/** Every answer is a success or a clear 503: never a 200 carrying "Unexpected error", never a hang. */
function expectOnlySuccessOr503(answers: Array<{ a: Answer }>): void {
  for (const { a } of answers) {
    if (a.status === 200 && !a.body.errors) continue;
    // The message is compared loosely so that a failure prints what the unexpected answer said.
    const error = a.body.errors?.[0];
    expect({ status: a.status, code: error?.extensions?.code, message: error?.message })
      .toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE', message: expect.any(String) });
  }
}

const verifyLog = async () => {
  const r = await cli(s, 'verify-log');
  expect(`${r.stdout}${r.stderr}`).toMatch(/^Access log intact: \d+ entries, hash chain verified; \d+ checkpoint/m);
  expect(r.code).toBe(0);
};

it('kill -9 Neo4j during an --apply import: all of it or nothing written; the same import again writes it all', async () => {
  const n = 20_000;
  const folder = peopleFolder('fault-import', n);
  const importing = runCli(s, 'import', [folder, '--apply']);
  await waitForTransaction('UNWIND $rows', 180_000);
  // Watched from the kill: the import may wait on the driver's retries until Neo4j is back.
  const outage = throughTheOutage(killNeo4j());
  outage.catch(() => undefined); // awaited below
  const r = await importing.done;
  const figures = await outage;
  const written = await count("MATCH (p:Person) WHERE p.id STARTS WITH 'fault-import-' RETURN count(p)");
  console.log(`import fault: import exited ${r.code} with ${written} people written; refused in ${figures.refusedMs} ms; served ${figures.servedAfterBackMs} ms after Neo4j was back`);
  expect(figures.refusedMs).toBeLessThan(1000);
  expect(figures.servedAfterBackMs).toBeLessThan(30_000);
  // When Neo4j is back within the driver's retries (30 s) the import finishes: all of it, and
  // it says so. Otherwise it fails and nothing of it remains.
  expect({ code: r.code === 0 ? 0 : 'failed', written }).toEqual(r.code === 0 ? { code: 0, written: n } : { code: 'failed', written: 0 });
  expect(await count(`MATCH (p:Person) WHERE p.id STARTS WITH 'fault-import-'
    AND NOT EXISTS { MATCH (l:AccessLogEntry {operation: 'collection'}) WHERE p.id IN l.ids } RETURN count(p)`)).toBe(0);
  if (written === 0) {
    const again = await cli(s, 'import', [folder, '--apply']);
    expect(again.stdout).toMatch(/Applied\./);
  }
  expect(await count("MATCH (p:Person) WHERE p.id STARTS WITH 'fault-import-' RETURN count(p)")).toBe(n);
  await verifyLog();
});

it('kill -9 Neo4j during record mutations: every acknowledged record present with its log entry, none without', async () => {
  const prov = { sourceRef: 'SYN-FAULT', sourceEval: 'B', assessment: '2', handling: 'P', reviewBy: '2027-01-01' };
  const traffic = load(6, (i) => gql(s, 'pat.police', 'mutation($input: RecordEventInput!) { recordEvent(input: $input) { ids } }', { input: {
    type: 'Incident', id: `fault-ev-${i}`, occurredAt: '2025-06-01T20:00:00Z', fields: [{ field: 'offenceType', value: 'robbery' }], provenance: prov,
  } }));
  await waitFor('some records acknowledged', () => traffic.acknowledged().length >= 20, 60_000, 20);
  const figures = await killDuring(traffic, 8000);
  console.log(`record fault: refused in ${figures.refusedMs} ms; served ${figures.servedAfterBackMs} ms after Neo4j was back; traffic stopped in ${figures.stopMs} ms`);
  expectOnlySuccessOr503(traffic.answers);
  // The record ids the API answered with (a chosen id becomes the user's own record id).
  const acked = traffic.acknowledged().map((x) => String(x.a.body.data.recordEvent.ids[0]));
  expect(acked.every((id) => id.startsWith('Incident-'))).toBe(true);
  expect(await count('MATCH (e:Incident) WHERE e.id IN $ids RETURN count(e)', { ids: acked })).toBe(acked.length);
  // Every record written has its 'collection' entry, and every entry its record.
  expect(await count(`MATCH (e:Incident {sourceRef: 'SYN-FAULT'})
    WHERE NOT EXISTS { MATCH (l:AccessLogEntry {operation: 'collection'}) WHERE e.id IN l.ids } RETURN count(e)`)).toBe(0);
  expect(await count(`MATCH (l:AccessLogEntry {operation: 'collection'}) UNWIND l.ids AS id WITH id WHERE id STARTS WITH 'Incident-'
    AND NOT EXISTS { MATCH (e:Incident {id: id}) } RETURN count(id)`)).toBe(0);
  await verifyLog();
});

it('kill -9 Neo4j during merges: each pair merged completely or not at all; every acknowledged merge present', async () => {
  const run = await gql(s, 'ana.analyst', 'mutation { runEntityResolution { proposed } }');
  expect(run.body.errors).toBeUndefined();
  // Candidates often share a person (the synthetic people of the import test are alike), so
  // enough are listed to find several pairs with no person in common.
  const list = await gql(s, 'ana.analyst', '{ sameAsCandidates(limit: 200) { id personA { id } personB { id } } }');
  const pairs = (list.body.data.sameAsCandidates as Array<{ id: string; personA: { id: string }; personB: { id: string } }>)
    .filter((p, i, all) => all.findIndex((q) => [q.personA.id, q.personB.id].some((x) => [p.personA.id, p.personB.id].includes(x))) === i)
    .slice(0, 40);
  expect(pairs.length).toBeGreaterThanOrEqual(4);
  const movable = 'NOT type(r) IN ["POSSIBLY_SAME_AS", "MERGED_INTO"]';
  const degree = (id: string) => count(`MATCH (:Entity {id: $id})-[r]-() WHERE ${movable} RETURN count(r)`, { id });
  // Links between the two records of a pair stay where they are when they merge.
  const between = (p: typeof pairs[number]) => count(`MATCH (:Entity {id: $drop})-[r]-(:Entity {id: $keep}) WHERE ${movable} RETURN count(r)`, { drop: p.personB.id, keep: p.personA.id });
  const before = new Map<string, { degree: number; between: number }>();
  for (const p of pairs) before.set(p.personB.id, { degree: await degree(p.personB.id), between: await between(p) });
  const traffic = load(3, (i) => (i < pairs.length
    ? gql(s, 'ana.analyst', 'mutation($id: ID!, $keep: ID) { confirmSameAs(id: $id, keepId: $keep) { mergedId } }', { id: pairs[i].id, keep: pairs[i].personA.id })
    : sleep(50).then(() => ({ status: 204, ms: 0, requestId: null, body: {} }))));
  await waitFor('a merge acknowledged', () => traffic.acknowledged().length >= 1, 180_000, 10).catch((e: Error) => {
    throw new Error(`${e.message}; answers so far: ${JSON.stringify(traffic.answers.filter((x) => x.a.status !== 204).slice(0, 5))}`);
  });
  const figures = await killDuring(traffic, 5000);
  console.log(`merge fault: refused in ${figures.refusedMs} ms; served ${figures.servedAfterBackMs} ms after Neo4j was back; traffic stopped in ${figures.stopMs} ms`);
  expectOnlySuccessOr503(traffic.answers.filter((x) => x.a.status !== 204));
  const acked = new Set(traffic.acknowledged().filter((x) => x.i < pairs.length).map((x) => pairs[x.i].personB.id));
  for (const p of pairs) {
    const drop = p.personB.id;
    const merged = await count('MATCH (:Entity {id: $drop})-[:MERGED_INTO]->(:Entity {id: $keep}) RETURN count(*)', { drop, keep: p.personA.id });
    // The merge's own entry (resolution runs are logged as combinations too, naming every pair's people).
    const logged = await count("MATCH (l:AccessLogEntry {operation: 'combination'}) WHERE l.detail CONTAINS $merge RETURN count(l)",
      { merge: `"action":"merge","pair":${JSON.stringify(p.id)}` });
    if (acked.has(drop)) expect(merged).toBe(1);
    expect({ drop, merged, logged, degree: await degree(drop) }).toEqual(merged
      ? { drop, merged: 1, logged: 1, degree: before.get(drop)!.between }
      : { drop, merged: 0, logged: 0, degree: before.get(drop)!.degree });
  }
  await verifyLog();
});

it('kill -9 Neo4j during access-log appends: every answered read has its entry; chain and checkpoints verify', async () => {
  const { records } = await driver.executeQuery("MATCH (p:Person) WHERE NOT p:MergedRecord AND p.source = 'POLICE' RETURN p.id AS id LIMIT 50");
  const ids = records.map((r) => r.get('id') as string);
  expect(ids.length).toBeGreaterThan(10);
  const traffic = load(8, (i) => gql(s, 'pat.police', 'query($id: ID!) { profile(id: $id) { node { id } flags } }', { id: ids[i % ids.length] }));
  await waitFor('reads answered', () => traffic.acknowledged().length >= 40, 60_000, 20);
  const figures = await killDuring(traffic, 8000);
  console.log(`access-log fault: refused in ${figures.refusedMs} ms; served ${figures.servedAfterBackMs} ms after Neo4j was back; traffic stopped in ${figures.stopMs} ms`);
  expectOnlySuccessOr503(traffic.answers);
  const answered = traffic.acknowledged().map((x) => x.a.requestId);
  expect(await count("MATCH (l:AccessLogEntry {operation: 'consultation'}) WHERE l.requestId IN $ids RETURN count(DISTINCT l.requestId)", { ids: answered }))
    .toBe(answered.length);
  await verifyLog();
});

it('kill -9 the API server during an import: Neo4j stops with it; after a restart nothing is partial and the log verifies', async () => {
  const folder = peopleFolder('fault-api', 20_000);
  const importing = runCli(s, 'import', [folder, '--apply']);
  await waitForTransaction('UNWIND $rows', 180_000);
  const record = readInstance(s.neo4jDir)!;
  process.kill(record.launcherPid, 'SIGKILL');
  const r = await importing.done;
  expect(r.code).not.toBe(0);
  await waitFor('Neo4j gone with its launcher', () => pidGone(record.neo4jPid), 60_000);
  await driver.close();
  await product.stop();
  product = await startProduct(s);
  driver = boltDriver(s);
  // Neo4j shuts down cleanly when its launcher is gone, letting the batches in flight finish;
  // the import cannot undo them with the database gone, so the restarted product undoes them from
  // the import's journal. All of the import may be there (it finished first), or none of it,
  // never part; and whatever is there has its access-log entry.
  const written = await count("MATCH (p:Person) WHERE p.id STARTS WITH 'fault-api-' RETURN count(p)");
  console.log(`API kill: ${written} of 20000 people of the import present after the restart`);
  expect([0, 20_000]).toContain(written);
  // The restart undid whatever batches had committed, logged it, and left no journal behind.
  const undid = /Undid an interrupted import of [^:]*: (\d+) record/.exec(product.output());
  console.log(`API kill: the restart ${undid ? `undid ${undid[1]} records` : 'had nothing to undo'}`);
  if (undid && Number(undid[1]) > 0) {
    expect(await count(`MATCH (l:AccessLogEntry {operation: 'alteration'})
      WHERE l.detail CONTAINS '"undone":true' AND any(id IN l.ids WHERE id STARTS WITH 'fault-api-') RETURN count(l)`)).toBeGreaterThan(0);
  }
  expect(await count('MATCH (x) WHERE x:LoadJournal OR x:LoadJournalBatch OR x:LoadJournalBefore RETURN count(x)')).toBe(0);
  expect(await count(`MATCH (p:Person) WHERE p.id STARTS WITH 'fault-api-'
    AND NOT EXISTS { MATCH (l:AccessLogEntry {operation: 'collection'}) WHERE p.id IN l.ids } RETURN count(p)`)).toBe(0);
  await verifyLog();
});
