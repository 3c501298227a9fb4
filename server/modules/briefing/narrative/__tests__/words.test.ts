import { inText } from '../words';

describe('labels in running text', () => {
  it('lower-cases words but keeps acronyms', () => {
    expect(inText('Panel and MACE referrals')).toBe('panel and MACE referrals');
    expect(inText('Panel / MACE referrals')).toBe('panel / MACE referrals');
    expect(inText('Children missing 2+ times')).toBe('children missing 2+ times');
    expect(inText('NRM referrals (CEAM)')).toBe('NRM referrals (CEAM)');
    expect(inText('Share of girls among children at risk of child sexual exploitation')).toBe('share of girls among children at risk of child sexual exploitation');
  });
});
