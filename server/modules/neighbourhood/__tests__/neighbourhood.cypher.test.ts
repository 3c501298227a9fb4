/** The expand query's date projections follow the model; returned maps come out as the API's JSON. */
import fs from 'node:fs';
import path from 'node:path';
import { NODE_KINDS } from '../../../model/model';
import { plainProperties, TEMPORAL_KEYS } from '../neighbourhood.repository';
import { expandProjections, nodeProjection, relProjection } from '../projection';

const expand = fs.readFileSync(path.resolve(__dirname, '..', 'expand.cypher'), 'utf8');
const converted = (text: string): string[] => [...text.matchAll(/(\w+): toString\((\w)\.(\w+)\)/g)].map(([, k, , p]) => {
  expect(p).toBe(k);
  return k;
});
const isDate = (t: string) => t === 'date' || t === 'datetime';

describe('neighbourhood expand query', () => {
  it('turns each kind\'s own date and datetime properties into text, and no other kind\'s', () => {
    const text = nodeProjection('b');
    const branches = text.split(/ (?=WHEN|ELSE)/).slice(1);
    for (const kind of NODE_KINDS) {
      const branch = branches.find((b) => new RegExp(`\\bb:${kind.label}\\b`).test(b)) ?? branches.find((b) => b.startsWith('ELSE'))!;
      const wanted = Object.entries(kind.props).filter(([, p]) => isDate(p.type)).map(([k]) => k);
      expect(new Set(converted(branch))).toEqual(new Set(wanted));
    }
    expect(new Set(converted(text))).toEqual(TEMPORAL_KEYS);
    expect(new Set(converted(relProjection('r')))).toEqual(new Set(['recordedAt', 'validFrom', 'validTo', 'reviewBy']));
  });

  it('the statement names its projections, which expand with the variable given', () => {
    expect(expand.match(/NODE_PROPERTIES\(b\)/g)).toHaveLength(2);
    expect(expand.match(/REL_PROPERTIES\(rel\)/g)).toHaveLength(1);
    const out = expandProjections(expand);
    expect(out).not.toMatch(/_PROPERTIES\(/);
    expect(out).toContain(relProjection('rel'));
    expect(out).toContain(nodeProjection('b'));
  });

  it('plainProperties: drops projected nulls, serves milliseconds, keeps other values', () => {
    expect(plainProperties({
      id: 'x', validTo: null, recordedAt: '2024-01-02T03:04:05Z', occurredAt: '2024-01-02T03:04:05.5Z',
      returnedAt: '2024-01-02T03:04:05.123456789+01:00[Europe/London]', offeredAt: '2024-01-02T03:04:05.000001Z',
      reviewBy: '2024-06-01', name: 'a.b 12:00:00.5', lat: 51.5, aliases: ['p', 'q'], fromCare: false,
    })).toEqual({
      id: 'x', recordedAt: '2024-01-02T03:04:05Z', occurredAt: '2024-01-02T03:04:05.500Z',
      returnedAt: '2024-01-02T03:04:05.123+01:00[Europe/London]', offeredAt: '2024-01-02T03:04:05Z',
      reviewBy: '2024-06-01', name: 'a.b 12:00:00.5', lat: 51.5, aliases: ['p', 'q'], fromCare: false,
    });
  });
});
