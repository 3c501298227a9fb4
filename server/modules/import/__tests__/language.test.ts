/** Import free text: which fields are checked, list fields item by item, relationships too. */
import { languageWarnings } from '../language';
import type { ParsedRecord } from '../convert';

const rec = (kind: 'node' | 'rel', type: string, row: number, data: Record<string, unknown>): ParsedRecord => ({
  file: 'rhi.csv', row, kind, type, data: data as never,
  columnOf: Object.fromEntries(Object.keys(data).map((k) => [k, `col_${k}`])),
});

describe('import language warnings', () => {
  it('checks push and pull factors item by item, naming file, row, column and field', () => {
    const w = languageWarnings([rec('node', 'ReturnInterview', 3, {
      id: 'rhi1', pushFactors: ['arguments at home', 'she keeps going missing'], pullFactors: ['her older boyfriend'],
    })]);
    expect(w.map((x) => [x.file, x.row, x.column, x.field, x.rule])).toEqual([
      ['rhi.csv', 3, 'col_pushFactors', 'pushFactors', 'keeps-going-missing'],
      ['rhi.csv', 3, 'col_pullFactors', 'pullFactors', 'relationship-with-adult'],
    ]);
  });

  it('checks a relationship\'s sharing conditions, and marks a child\'s quoted words', () => {
    const w = languageWarnings([
      rec('rel', 'EXPLOITS', 1, { id: 'r1', conditions: 'Share only with the CSE team; she is promiscuous' }),
      rec('node', 'Incident', 2, { id: 'e1', summary: 'Kai said "I sell drugs for them" when stopped.' }),
    ]);
    expect(w.map((x) => [x.row, x.field, x.rule, x.quoted])).toEqual([
      [1, 'conditions', 'promiscuous', false],
      [2, 'summary', 'working-for-exploiters', true],
    ]);
  });

  it('leaves names, ids and ordinary text alone', () => {
    expect(languageWarnings([rec('node', 'Incident', 1, {
      id: 'e1', name: 'Runaway Lane', summary: 'Kai is being criminally exploited by adults; professionals have not yet found a way to engage him.',
    })])).toEqual([]);
  });
});
