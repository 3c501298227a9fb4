import { orderFacts } from '../facts';

describe('orderFacts', () => {
  it("puts a person's facts in the model's order, the derived age facts after the date of birth, and leaves out the name", () => {
    const stored: [string, unknown][] = [
      ['ethnicity', 'WOTH'], ['sex', 'F'], ['postcodeArea', 'TB7'], ['name', 'Mirin Fennanek'],
      ['dateOfBirth', '1980-08-13'], ['isChild', false], ['ageBand', 'over 25'], ['nickname', 'x'],
    ];
    expect(orderFacts(['Person', 'PersonOfConcern'], stored).map(([k]) => k))
      .toEqual(['dateOfBirth', 'ageBand', 'isChild', 'sex', 'ethnicity', 'postcodeArea', 'nickname']);
  });

  it("uses each kind's own order, and keeps undeclared facts as they came", () => {
    expect(orderFacts(['Location'], [['ward', 'Ash Ward'], ['lon', -1.2], ['kind', 'park'], ['b', 1], ['a', 2]]).map(([k]) => k))
      .toEqual(['kind', 'lon', 'ward', 'b', 'a']);
    expect(orderFacts(['Unknown'], [['b', 1], ['a', 2], ['name', 'n']]).map(([k]) => k)).toEqual(['b', 'a']);
  });
});
