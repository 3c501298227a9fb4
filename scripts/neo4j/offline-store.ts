/**
 * A store made by the offline importer, made ready as a seeded one: Neo4j started on it, the
 * schema migrations applied (the importer writes records only: no constraints or indexes), the
 * empty lists the CSV could not hold set, and the population baseline stored as seeding does.
 * The access log starts empty, as in any new store: its checkpoint file must start empty too
 * (a checkpoint file of another store would not match it).
 */
import type { Driver } from 'neo4j-driver';
import { openDriver } from '../../server/platform/db/driver';
import { migrate } from '../../server/platform/db/migrate';
import { applyEmptyLists } from '../../server/platform/bulk/offline/empty-lists';
import type { AdminCsvFiles } from '../../server/platform/bulk/offline/csv-writer';
import { storeBaseline } from '../../server/modules/analytics';
import type { PopulationBaseline } from '../../server/domain/population';
import { startEmbedded, type RunningNeo4j } from './launch';

export interface ImportedStore {
  neo: RunningNeo4j;
  driver: Driver;
  startSeconds: number;
  migrateSeconds: number;
  emptyListRecords: number;
}

export interface OpenImportedOptions {
  dataDir: string;
  files: Pick<AdminCsvFiles, 'emptyListsFile'>;
  baseline?: PopulationBaseline;
  /** Each borough's own baseline, by code, when the store holds several (a force). */
  boroughBaselines?: Record<string, PopulationBaseline>;
  heap?: string;
  pageCacheMb?: number;
  jvmArgs?: string[];
  log?: (line: string) => void;
  /** Driver options (the bench reads integers as JS numbers). */
  driverConfig?: Parameters<typeof openDriver>[3];
}

const since = (t: bigint): number => Number(process.hrtime.bigint() - t) / 1e9;

export async function openImportedStore(opts: OpenImportedOptions): Promise<ImportedStore> {
  let t = process.hrtime.bigint();
  const neo = await startEmbedded({ dataDir: opts.dataDir, port: 0, heap: opts.heap, pageCacheMb: opts.pageCacheMb, jvmArgs: opts.jvmArgs, log: opts.log ?? (() => undefined) });
  const startSeconds = since(t);
  const driver = openDriver(neo.uri, neo.user, neo.password, opts.driverConfig ?? {});
  try {
    t = process.hrtime.bigint();
    await migrate(driver);
    const migrateSeconds = since(t);
    const emptyListRecords = await applyEmptyLists(driver, 'neo4j', opts.files.emptyListsFile);
    if (opts.baseline) await storeBaseline({ driver, database: 'neo4j' }, opts.baseline);
    for (const [code, baseline] of Object.entries(opts.boroughBaselines ?? {})) await storeBaseline({ driver, database: 'neo4j' }, baseline, code);
    return { neo, driver, startSeconds, migrateSeconds, emptyListRecords };
  } catch (e) {
    await driver.close();
    await neo.stop();
    throw e;
  }
}
