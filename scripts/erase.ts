/**
 * `npm run erase -- <person id> --justification "…"`: removes the person, what is only about them
 * and every relationship of these, in one transaction, logged as an erasure.
 */
import { withDatabase } from './import';
import { systemActor } from '../server/modules/accesslog/access-log';
import { erasePerson } from '../server/modules/retention/erase';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const j = args.indexOf('--justification');
  const justification = j >= 0 ? args[j + 1] : undefined;
  const personId = args.find((a, i) => !a.startsWith('--') && i !== j + 1);
  if (!personId || !justification?.trim()) throw new Error('Usage: npm run erase -- <person id> --justification "why (e.g. request reference)"');
  const r = await withDatabase((driver, database) => erasePerson(systemActor('erase', driver, database), { personId, justification }));
  console.log(`Erased ${r.personId}: ${r.records.length} person record(s), ${r.events.length} event(s) only about them, ` +
    `${r.relationshipsRemoved} relationship(s); ${r.investigationsScrubbed} saved investigation(s) cleaned. Logged as an erasure.`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
