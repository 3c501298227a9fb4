/** The strategy's priorities: a wrong measure or section is refused naming the field; sections reprint published cells. */
import fs from 'node:fs';
import path from 'node:path';
import { readBorough, type Borough } from '../../../platform/borough';
import { checkPriorities, prioritySections } from '../priorities';
import { SECTION_TITLES } from '../section-titles';
import { STRATEGY_ROWS } from '../tables/outcomes';
import { SUPPRESSED } from '../disclosure';
import type { PackTable } from '../tables/table';

const CONFIG = path.resolve(__dirname, '..', '..', '..', '..', 'config');
const shipped = readBorough(path.join(CONFIG, 'borough.json'));
const withPriorities = (priorities: Borough['priorities']): Borough => ({ ...shipped, file: 'mine.json', priorities });

describe('strategic priorities', () => {
  it('the shipped borough names only measures and sections the pack has', () => {
    expect(shipped.priorities.length).toBeGreaterThan(2);
    expect(() => checkPriorities(shipped)).not.toThrow();
  });

  it('refuses a measure or a section the pack does not have, naming the file, the priority and the field', () => {
    const base = { title: 'Safer streets', aim: 'Fewer children harmed on the way home.', sections: ['places'] };
    expect(() => checkPriorities(withPriorities([{ ...base, measures: ['Children at risk', 'Children at rsk'] }])))
      .toThrow(/^Invalid borough configuration mine\.json: priorities\.0\.measures\.1: "Children at rsk" is not a row of the strategy-measures table/);
    expect(() => checkPriorities(withPriorities([{ ...base, measures: [] }, { ...base, measures: [], sections: ['hotspots'] }])))
      .toThrow(/^Invalid borough configuration mine\.json: priorities\.1\.sections\.0: "hotspots" is not a section of the pack/);
  });

  it('reprints the named rows of the published strategy table, suppressed cells as they are', () => {
    const strategy: PackTable = {
      id: 'strategy-measures', title: 'Strategy measures', unit: 'count', rowHeader: 'Measure', cols: ['2025-Q3', '2025-Q2', '2024-Q3'],
      rows: ['Children at risk', 'CEAM assessments'], cells: [[41, SUPPRESSED, 38], [12, 9, 0]], extra: [],
      keys: { cells: [['a', 'b', 'c'], ['d', 'e', 'f']] },
    };
    const [section] = prioritySections([{ title: 'Early help', aim: 'Assess early.', measures: ['CEAM assessments'], sections: ['missing'] }], new Map([['strategy-measures', strategy]]));
    expect(section).toMatchObject({ id: 'priority-1', title: 'Priority 1: Early help', paragraphs: ['Assess early.'] });
    expect(section.tables[0]).toContain('<tr><td>CEAM assessments</td><td>12</td><td>9</td><td>0</td></tr>');
    expect(section.tables[0]).not.toContain('Children at risk');
    expect(section.html).toContain('<a href="#missing">Missing episodes and return home interviews</a>');
    const [other] = prioritySections([{ title: 'Hidden', aim: 'Kept back.', measures: ['Children at risk'], sections: [] }], new Map([['strategy-measures', strategy]]));
    expect(other.tables[0]).toContain('<tr><td>Children at risk</td><td>41</td><td class="c">c</td><td>38</td></tr>');
  });

  it('config/README.md lists every measure and section a priority may name', () => {
    const readme = fs.readFileSync(path.join(CONFIG, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    for (const [row] of STRATEGY_ROWS) expect(readme).toContain(`"${row}"`);
    for (const id of Object.keys(SECTION_TITLES)) expect(readme).toContain(`\`${id}\``);
  });
});
