import { familyLinkText } from '../family-text';

const poc = { personOfConcernName: 'Sam Example', personOfConcernRank: 3 };

describe('a family link in words', () => {
  it.each([
    [{ relation: 'sibling', kind: 'half' }, 'half sibling of Sam Example (ranked 3)'],
    [{ relation: 'sibling', kind: null }, 'sibling of Sam Example (ranked 3)'],
    [{ relation: 'siblingThroughParent', kind: 'parent' }, 'shares a parent with Sam Example (ranked 3)'],
    [{ relation: 'siblingThroughParent', kind: 'carer' }, 'shares a carer (kinship or foster) with Sam Example (ranked 3)'],
    [{ relation: 'childOf', kind: 'parent' }, 'child of Sam Example (ranked 3)'],
    [{ relation: 'household', kind: null }, 'lives with Sam Example (ranked 3)'],
  ])('%o', (link, text) => {
    expect(familyLinkText({ ...poc, ...link })).toBe(text);
  });
});
