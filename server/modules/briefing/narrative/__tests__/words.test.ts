import { inText, rhiAgainstNational } from '../words';
import { RHI_LABEL } from '../../labels';
import { SUPPRESSED, Published } from '../../disclosure';
import type { PackTable } from '../../tables';

describe('labels in running text', () => {
  it('lower-cases words but keeps acronyms', () => {
    expect(inText('Panel and MACE referrals')).toBe('panel and MACE referrals');
    expect(inText('Panel / MACE referrals')).toBe('panel / MACE referrals');
    expect(inText('Children missing 2+ times')).toBe('children missing 2+ times');
    expect(inText('NRM referrals (CEAM)')).toBe('NRM referrals (CEAM)');
    expect(inText('Share of girls among children at risk of child sexual exploitation')).toBe('share of girls among children at risk of child sexual exploitation');
  });
});

describe('return home interviews against the national comparator', () => {
  const national = { value: 0.63, source: 'Missing People, The delivery of Return Interviews across England', year: '2023-24' };
  /** The return-interview table as published, with `done` and `late` returns. */
  const tables = (done: Published, late: Published): Map<string, PackTable> => {
    const rows = Object.values(RHI_LABEL);
    const cells = rows.map((r) => [r === RHI_LABEL.done ? done : r === RHI_LABEL.late ? late : 7]);
    return new Map([['return-interviews', { id: 'return-interviews', title: '', unit: 'returns', rowHeader: '', rows, cols: ['Returns'], cells, extra: [], keys: { cells: [] } } as PackTable]]);
  };

  it('compares the share of completed interviews held within 72 hours, citing source and year', () => {
    const r = rhiAgainstNational(tables(12, 8), national, true)!;
    expect(r.sentence).toBe('Of 20 return home interviews completed, 60% were completed within 72 hours, against 63% nationally (Missing People, The delivery of Return Interviews across England, 2023-24).');
    expect(r.below).toBe(true);
    expect(rhiAgainstNational(tables(15, 5), national, true)!.below).toBe(false);
  });

  it('says nothing without a comparator, over a suppressed count, or over fewer than 10 interviews', () => {
    expect(rhiAgainstNational(tables(12, 8), null, true)).toBeUndefined();
    expect(rhiAgainstNational(tables(12, SUPPRESSED), national, true)).toBeUndefined();
    for (const control of [true, false]) {
      expect(rhiAgainstNational(tables(5, 0), national, control)).toBeUndefined();
      expect(rhiAgainstNational(tables(0, 0), national, control)).toBeUndefined();
      expect(rhiAgainstNational(tables(5, 5), national, control)!.sentence).toMatch(/^Of 10 return home interviews completed, 50% were/);
    }
  });
});
