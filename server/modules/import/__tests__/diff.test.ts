/** The diff's fast comparison agrees with comparing the text forms (norm) for every kind of stored value. */
import neo4j from 'neo4j-driver';
import { same, norm } from '../diff';
import { toNeoDateTime } from '../../../model/validate';

const date = (s: string) => neo4j.types.Date.fromStandardDate(new Date(`${s}T00:00:00Z`));
const values: unknown[] = [
  null, undefined, 1, 2, '1', 'a', '', true, false, 1.5, 0, neo4j.int(1), neo4j.int(2), [1, 2], [neo4j.int(1), 2], ['a'], ['a', 'b'], [],
  date('2020-01-01'), date('2020-01-02'),
  toNeoDateTime(new Date('2020-01-01T00:00:00Z')), toNeoDateTime(new Date('2020-01-01T00:00:01Z')),
  new neo4j.types.DateTime(2020, 1, 1, 0, 0, 0, 0, 0),
  new neo4j.types.DateTime(neo4j.int(2020), neo4j.int(1), neo4j.int(1), neo4j.int(0), neo4j.int(0), neo4j.int(0), neo4j.int(0), neo4j.int(0)),
  new neo4j.types.DateTime(2020, 1, 1, 0, 0, 0, 0, 3600),
  new neo4j.types.LocalDateTime(2020, 1, 1, 0, 0, 0, 0),
];

describe('diff comparison', () => {
  it('same(a, b) is norm(a) === norm(b) for every pair', () => {
    const mismatches = values.flatMap((a) => values.filter((b) => same(a, b) !== (norm(a) === norm(b))).map((b) => [norm(a), norm(b)]));
    expect(mismatches).toEqual([]);
  });
});
