/**
 * What someone with write access to Neo4j could do to the access log without breaking its hash
 * chain: remove the newest entries and set the head back to the last one kept.
 */
import neo4j from 'neo4j-driver';
import { getDriver } from '../../server/platform/db/driver';

export async function removeNewestEntries(keep: number): Promise<void> {
  await getDriver().executeQuery(`MATCH (e:AccessLogEntry) WHERE e.seq > $keep DELETE e
    WITH count(*) AS gone MATCH (h:AccessLogHead), (last:AccessLogEntry {seq: $keep}) SET h.seq = last.seq, h.hash = last.hash`,
  { keep: neo4j.int(keep) });
}
