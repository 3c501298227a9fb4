import fs from 'node:fs';
import path from 'node:path';
import { TEMPLATES, templateColumns, templateFields } from '../templates';
import { dataDictionary, templateCsv, templateMappingJson } from '../dictionary';
import { NODE_KINDS, REL_KINDS } from '../../../model/model';
import { parseMapping } from '../mapping';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const read = (...p: string[]) => fs.readFileSync(path.join(root, ...p), 'utf8');

describe('import templates follow the model', () => {
  it.each(TEMPLATES.map((t) => [t.name, t] as const))('templates/%s.csv and its mapping are what the model generates', (name, t) => {
    expect(read('templates', `${name}.csv`)).toBe(templateCsv(t));
    expect(read('templates', 'mappings', `${name}.json`)).toBe(templateMappingJson(t));
    // The shipped mapping is a valid mapping.
    expect(() => parseMapping(JSON.parse(read('templates', 'mappings', `${name}.json`)), name)).not.toThrow();
  });

  it('docs/data-dictionary.md is what the model generates', () => {
    expect(read('docs', 'data-dictionary.md')).toBe(dataDictionary());
  });

  it('every node kind and every importable relationship type has a template, and every field a column', () => {
    const nodeTypes = TEMPLATES.filter((t) => t.kind === 'node').flatMap((t) => t.types);
    expect(new Set(nodeTypes)).toEqual(new Set(NODE_KINDS.map((k) => k.label)));
    const relTypes = TEMPLATES.find((t) => t.name === 'relationships')!.types;
    expect(relTypes).not.toContain('POSSIBLY_SAME_AS');
    expect(relTypes).toEqual(expect.arrayContaining(['ASSOCIATES_WITH', 'EXPLOITS', 'INVOLVED', 'AT']));
    for (const t of TEMPLATES) {
      const cols = templateColumns(t);
      for (const f of templateFields(t)) expect(cols).toContain(f.field);
      expect(new Set(cols).size).toBe(cols.length);
    }
    expect(REL_KINDS.length).toBeGreaterThan(relTypes.length - 1);
  });

  it('the dictionary lists allowed codes and marks required fields', () => {
    const d = dataDictionary();
    expect(d).toMatch(/\| sex \| code \| `FEMALE` Female; `MALE` Male; `UNKNOWN` Not known \| yes \|/);
    expect(d).toMatch(/\| handling \| code \| `P`; `C`; `1`.*\| yes \|/);
    expect(d).toMatch(/\| kind \| code \| `stab`.* \| for Injury \|/);
  });
});
