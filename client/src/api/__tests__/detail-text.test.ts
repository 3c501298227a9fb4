import { detailText } from '../detail-text';

describe('detailText', () => {
  it('reads an entry detail as key: value pairs, leaving out empty ones', () => {
    expect(detailText('{"query":"neighbourhood","seeds":["loc-00015","yp-2"],"hops":1,"filter":null,"tags":[],"edges":11}'))
      .toBe('query: neighbourhood · seeds: loc-00015, yp-2 · hops: 1 · edges: 11');
    expect(detailText('{"kind":"briefing","files":["a.pdf"],"range":{"from":"2026-04-01"}}'))
      .toBe('kind: briefing · files: a.pdf · range: {"from":"2026-04-01"}');
  });

  it('shows text that is not a JSON object as it is, and cuts long lines', () => {
    expect(detailText('plain words')).toBe('plain words');
    expect(detailText('[1,2]')).toBe('[1,2]');
    expect(detailText(null)).toBe('');
    expect(detailText(`{"ids":"${'x'.repeat(300)}"}`, 20)).toBe(`ids: ${'x'.repeat(14)}…`);
  });
});
