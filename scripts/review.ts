/**
 * `npm run review [-- --list-only] [--json]`: lists relationships and event flags past their
 * review date, then expires the hypotheses never confirmed in time (logged as an alteration).
 */
import { withDatabase } from './import';
import { systemActor } from '../server/modules/accesslog/access-log';
import { dueForReview, expireHypotheses } from '../server/modules/retention/review';

async function main(): Promise<void> {
  const listOnly = process.argv.includes('--list-only');
  const json = process.argv.includes('--json');
  await withDatabase(async (driver, database) => {
    const actor = systemActor('review', driver, database);
    const due = await dueForReview(actor);
    const expired = listOnly ? [] : await expireHypotheses(actor);
    if (json) {
      console.log(JSON.stringify({ due, expired }, null, 2));
      return;
    }
    const byType = new Map<string, number>();
    for (const d of due) byType.set(`${d.kind} ${d.type}`, (byType.get(`${d.kind} ${d.type}`) ?? 0) + 1);
    console.log(`${due.length} record(s) past their review date:`);
    for (const [t, n] of [...byType].sort()) console.log(`  ${t}: ${n}`);
    for (const d of due.slice(0, 200)) {
      console.log(`  ${d.reviewBy}  ${d.kind === 'relationship' ? `${d.type} ${d.from} → ${d.to}` : `${d.type} ${d.id}`}  (${d.status}, ${d.source}, id ${d.id})`);
    }
    if (due.length > 200) console.log(`  … and ${due.length - 200} more (--json for all)`);
    console.log(listOnly ? 'List only: nothing expired.' : `${expired.length} hypothesis(es) not confirmed in time are now expired (logged).`);
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
