import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LANGUAGE_RULES } from '..';
import { SECTIONS } from '../guide/sections';
import { readCorpus, score, type CorpusRow } from '../evaluate';

const rows = readCorpus();
const flagged = (r: CorpusRow): boolean => r.expected !== 'none' && r.expected !== 'quote';

describe('language corpus', () => {
  it('has at least 150 sentences to flag, 150 ordinary ones, and a fifth held out', () => {
    expect(rows.filter(flagged).length).toBeGreaterThanOrEqual(150);
    expect(rows.filter((r) => !flagged(r)).length).toBeGreaterThanOrEqual(150);
    const holdout = rows.filter((r) => r.split === 'holdout').length / rows.length;
    expect(holdout).toBeGreaterThanOrEqual(0.18);
    expect(holdout).toBeLessThanOrEqual(0.22);
  });

  it('labels every flagged sentence with a known rule, and spreads them over every rule and section', () => {
    const rules = new Set(LANGUAGE_RULES.map((r) => r.rule));
    expect(rows.filter(flagged).map((r) => r.expected).filter((e) => !rules.has(e))).toEqual([]);
    const perRule = new Map<string, number>();
    rows.filter(flagged).forEach((r) => perRule.set(r.expected, (perRule.get(r.expected) ?? 0) + 1));
    expect([...rules].filter((r) => (perRule.get(r) ?? 0) < 4)).toEqual([]);
    const sections = new Set(rows.filter(flagged).map((r) => r.section));
    expect(Object.keys(SECTIONS).filter((s) => !sections.has(s))).toEqual([]);
  });

  it('every rule names a section of the guide', () => {
    expect(LANGUAGE_RULES.filter((r) => !(r.section in SECTIONS)).map((r) => r.rule)).toEqual([]);
  });

  it('meets the targets on the held-out fifth: recall ≥ 0.95, false alarms ≤ 2 %', () => {
    const s = score(rows, 'holdout');
    expect(s.flagged).toBeGreaterThanOrEqual(30);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.falseAlarmRate).toBeLessThanOrEqual(0.02);
  });

  it('scoring counts a sentence missed or a false alarm when the checker gets it wrong', () => {
    const never = score(rows, 'train', () => []);
    expect(never.recall).toBe(0);
    expect(never.falseAlarmRate).toBe(0);
    const always = score(rows, 'train', () => [{ line: 1, column: 1, phrase: 'x', suggestion: 'y', rule: 'z' }]);
    expect(always.recall).toBe(1);
    expect(always.falseAlarmRate).toBe(1);
  });

  it('rejects a malformed corpus line, naming file, line and field', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-')), 'bad.tsv');
    fs.writeFileSync(file, 'split\texpected\tsection\tsentence\ntrain\tnone\tgeneral\tFine.\ntest\tnone\tgeneral\tOops.\n');
    expect(() => readCorpus(file)).toThrow(`${file}: line 3: field "split" must be train or holdout, got "test"`);
  });
});
