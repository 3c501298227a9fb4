/**
 * Imports interrupted with their process (killed, or the database stopped under them) are undone
 * from their journal before anything else writes: the product runs this before it serves, and
 * every applying import before it reads its files. Each undone import gets the access-log entry
 * an import undone in-process gets: an 'alteration' marked undone, naming its records.
 */
import type { Driver } from 'neo4j-driver';
import { recoverAbandonedLoads, type RecoveredLoad } from '../../platform/bulk/load-journal';
import { appendAccessLog, systemActor } from '../accesslog/access-log';

export async function undoInterruptedImports(driver: Driver, database: string): Promise<RecoveredLoad[]> {
  const recovered = await recoverAbandonedLoads(driver, database);
  for (const r of recovered) {
    if (!r.ids.length) continue;
    await appendAccessLog(systemActor('import', driver, database), {
      operation: 'alteration', justification: `undoing an interrupted ${r.description}`, ids: r.ids,
      detail: { undone: true, reason: 'the process writing it stopped before it finished', load: r.id },
    });
  }
  return recovered;
}
