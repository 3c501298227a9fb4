/**
 * The partner edition's attacker test on the borough scale (≈10k people, 150k events): one load
 * of a few minutes and eight partner packs with their uncontrolled tables, so it has its own
 * file. It takes about nine minutes on two cores (the rule's replay included), so `npm test`
 * skips it unless DISCLOSURE_BOROUGH=1 (`npm run test:disclosure-borough`); the demo borough's
 * attack always runs.
 */
import { seriesAttackSuite } from './support/series-attack';

if (process.env.DISCLOSURE_BOROUGH === '1') seriesAttackSuite('borough', 1, 60 * 60_000);
else it.skip('borough series attack (set DISCLOSURE_BOROUGH=1 to run it)', () => undefined);
