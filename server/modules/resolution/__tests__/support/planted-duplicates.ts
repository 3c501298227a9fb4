/** Entity resolution over a generated borough's people, scored against its planted duplicates. */
import type { Fixture } from '../../../../../fixtures/generator';
import { findDuplicates } from '../../resolve';
import type { PersonRecord } from '../../score';

export const fixturePeople = (fixture: Fixture): PersonRecord[] =>
  fixture.units.filter((u) => u.kind === 'node' && u.label === 'Person').flatMap((u) => u.rows) as unknown as PersonRecord[];

export function plantedDuplicates(fixture: Fixture): { truth: number; precision: number; recall: number } {
  const truth = new Set(fixture.groundTruth.duplicatePersonPairs.map((p) => [...p].sort().join('|')));
  const found = new Set(findDuplicates(fixturePeople(fixture)).matches.map((m) => [m.from, m.to].sort().join('|')));
  const tp = [...found].filter((k) => truth.has(k)).length;
  return { truth: truth.size, precision: tp / found.size, recall: tp / truth.size };
}
