/**
 * Every session the server opens, opened here: each one shares the driver's bookmark manager (the
 * one `driver.executeQuery` uses), so a read follows every write this process committed before
 * it. On one Neo4j server that changes nothing; on a cluster a reader waits until it has applied
 * those writes, so a record just written, erased or logged is never missing from, or still in,
 * the next answer (docs/scaling.md).
 */
import type { Driver, Session } from 'neo4j-driver';

export type AccessMode = 'READ' | 'WRITE';

export function openSession(driver: Driver, database: string, mode: AccessMode = 'WRITE'): Session {
  return driver.session({ database, defaultAccessMode: mode, bookmarkManager: driver.executeQueryBookmarkManager });
}
