/**
 * Entity resolution on the planted borough (about 10,000 people): at this size chance likenesses
 * of name and birthday are common enough to cost precision, which the demo boroughs cannot show.
 * Generating the borough takes a while, so this runs with the integration tests. @slow
 */
import { generate } from '../../../../fixtures/generator';
import { candidatePairs } from '../blocking';
import { fixturePeople, plantedDuplicates } from './support/planted-duplicates';

describe('on the planted borough fixture', () => {
  const fixture = generate({ scale: 'borough', seed: 20251 });

  it('finds the planted duplicates (typos, swapped name order) at ≥ 0.9 precision and recall', () => {
    const { truth, precision, recall } = plantedDuplicates(fixture);
    expect(truth).toBeGreaterThanOrEqual(50);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  }, 600_000);

  it('candidate pairs grow roughly linearly with its people (×4 people → about ×4 pairs, not ×16)', () => {
    const people = fixturePeople(fixture);
    const ratio = candidatePairs(people).pairs.length / candidatePairs(people.slice(0, Math.floor(people.length / 4))).pairs.length;
    expect(ratio).toBeGreaterThan(3);
    expect(ratio).toBeLessThan(5);
  });
});
