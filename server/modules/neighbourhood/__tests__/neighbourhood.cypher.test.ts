/** The expand query's date projections follow the model; returned maps come out as the API's JSON. */
import fs from 'node:fs';
import path from 'node:path';
import { plainProperties, TEMPORAL_KEYS } from '../neighbourhood.repository';

const expand = fs.readFileSync(path.resolve(__dirname, '..', 'expand.cypher'), 'utf8');

describe('neighbourhood expand query', () => {
  it('turns every date and datetime property of the model into text, in each projection', () => {
    const projections = [...expand.matchAll(/\b([br]) \{\.\*,([^}]*)\}/g)];
    expect(projections.map((m) => m[1])).toEqual(['b', 'r', 'b']);
    for (const [, v, body] of projections) {
      const keys = [...body.matchAll(/(\w+): toString\((\w)\.(\w+)\)/g)].map(([, k, w, p]) => {
        expect(w).toBe(v);
        expect(p).toBe(k);
        return k;
      });
      const wanted = v === 'r' ? ['recordedAt', 'validFrom', 'validTo', 'reviewBy'] : [...TEMPORAL_KEYS];
      expect(new Set(keys)).toEqual(new Set(wanted));
    }
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
