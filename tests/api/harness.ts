/**
 * The API test set-up in one call: before the file's (or describe's) tests, the graph is emptied,
 * given its data, and the API is served over it; after them the API and the driver close.
 *
 *   const api = apiOverGraph({ modules: ['search'], graph: handBuiltGraph });
 *   it('…', async () => { const r = await api.gql('ana.analyst', '{ me { role } }'); });
 *
 * `graph` units go through the bulk loader (the product's own write path) with a fixed "now", so
 * review dates and recency are the same on every run; `seed` runs before it and `afterLoad` after.
 * Tests that write (record, erase) ask for `freshBeforeEach`: the graph is emptied and given its
 * data again before every test, while the API is started once.
 */
import type { AppOptions } from '../../server/app';
import type { LoadUnit } from '../../server/model/types';
import { load } from '../../server/platform/bulk/loader';
import { freshGraph, closeDriver, driver } from '../support/db';
import { startApi, type TestApi } from './client';

/** The "now" test data is loaded at (review-by dates and recency are relative to it). */
export const LOADED_AT = new Date('2026-11-01T00:00:00Z');

export interface ApiOverGraphOptions extends AppOptions {
  /** Records to load through the bulk loader. */
  graph?: () => LoadUnit[] | Promise<LoadUnit[]>;
  /** Any other set-up, run after the graph is emptied and before `graph` is loaded. */
  seed?: () => Promise<unknown>;
  /** Set-up that needs the loaded graph (a stored population baseline, say). */
  afterLoad?: () => Promise<unknown>;
  /** Empty and reload the graph before every test instead of once before them all. */
  freshBeforeEach?: boolean;
  /** Time allowed to set the graph up (a generated borough takes longer than the test default). */
  setUpTimeoutMs?: number;
}

/** The started API; the harness closes it, so it has no close() of its own. */
export type SharedApi = Omit<TestApi, 'close'>;

export function apiOverGraph(opts: ApiOverGraphOptions = {}): SharedApi {
  const { graph, seed, afterLoad, freshBeforeEach, setUpTimeoutMs, ...appOptions } = opts;
  let started: TestApi | undefined;
  const setUpGraph = async () => {
    await freshGraph();
    await seed?.();
    if (graph) await load(driver(), await graph(), { now: LOADED_AT });
    await afterLoad?.();
  };
  beforeAll(async () => {
    if (!freshBeforeEach) await setUpGraph();
    started = await startApi(appOptions);
  }, setUpTimeoutMs);
  if (freshBeforeEach) beforeEach(setUpGraph, setUpTimeoutMs);
  afterAll(async () => {
    await started?.close();
    await closeDriver();
  });
  const api = (): TestApi => {
    if (!started) throw new Error('The API starts in beforeAll: use it inside a test or a hook');
    return started;
  };
  return {
    get url() { return api().url; },
    token: (user) => api().token(user),
    gql: (user, query, variables, o) => api().gql(user, query, variables, o),
  };
}
