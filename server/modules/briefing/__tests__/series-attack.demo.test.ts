/** The partner edition's attacker test on the demo borough (eight quarters). */
import { seriesAttackSuite } from './support/series-attack';

seriesAttackSuite('demo', 1, 20 * 60_000);
