/** The analytics against the planted demo borough in the real Neo4j (checks in support/planted-suite.ts). */
import { plantedSuite } from './support/planted-suite';

plantedSuite('demo', 20251, '2026-Q2');
