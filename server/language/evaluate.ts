/**
 * Measures the checker against a labelled corpus (corpus/case-notes.tsv): recall on the sentences
 * that should be flagged, false-alarm rate on those that should not, per split (train | holdout).
 * A sentence labelled "quote" holds a child's own words: it should give only quoted findings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkLanguage, type Finding } from './check';

export type Split = 'train' | 'holdout';
export interface CorpusRow { line: number; split: Split; expected: string; section: string; sentence: string }

export const CORPUS_FILE = path.join(__dirname, 'corpus', 'case-notes.tsv');
const HEADER = 'split\texpected\tsection\tsentence';

/** Reads the corpus; a malformed line is an error naming the file, line and field. */
export function readCorpus(file = CORPUS_FILE): CorpusRow[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines[0] !== HEADER) throw new Error(`${file}: line 1: header must be "${HEADER.replace(/\t/g, '<tab>')}"`);
  const rows: CorpusRow[] = [];
  lines.slice(1).forEach((text, i) => {
    if (!text.trim()) return;
    const line = i + 2;
    const [split, expected, section, sentence, extra] = text.split('\t');
    if (split !== 'train' && split !== 'holdout') throw new Error(`${file}: line ${line}: field "split" must be train or holdout, got "${split}"`);
    if (!expected || !section) throw new Error(`${file}: line ${line}: fields "expected" and "section" are required`);
    if (!sentence || extra !== undefined) throw new Error(`${file}: line ${line}: field "sentence" must be the fourth and last field`);
    rows.push({ line, split, expected, section, sentence });
  });
  return rows;
}

export interface Outcome { row: CorpusRow; findings: Finding[]; correct: boolean }
export interface SplitScore {
  split: Split;
  flagged: number; found: number; rightRule: number; recall: number;
  ordinary: number; falseAlarms: number; falseAlarmRate: number;
  misses: Outcome[]; alarms: Outcome[];
}

const writerFindings = (fs_: Finding[]): Finding[] => fs_.filter((f) => !f.quoted);

export function score(rows: CorpusRow[], split: Split, check = checkLanguage): SplitScore {
  const mine = rows.filter((r) => r.split === split);
  const outcomes = mine.map((row) => {
    const findings = check(row.sentence);
    const writer = writerFindings(findings);
    const correct = row.expected === 'none' ? writer.length === 0
      : row.expected === 'quote' ? writer.length === 0 && findings.length > 0
        : writer.length > 0;
    return { row, findings, correct };
  });
  const flagged = outcomes.filter((o) => o.row.expected !== 'none' && o.row.expected !== 'quote');
  const ordinary = outcomes.filter((o) => o.row.expected === 'none' || o.row.expected === 'quote');
  const found = flagged.filter((o) => o.correct).length;
  const alarms = ordinary.filter((o) => writerFindings(o.findings).length > 0);
  return {
    split,
    flagged: flagged.length, found, recall: flagged.length ? found / flagged.length : 1,
    rightRule: flagged.filter((o) => o.findings.some((f) => f.rule === o.row.expected)).length,
    ordinary: ordinary.length, falseAlarms: alarms.length,
    falseAlarmRate: ordinary.length ? alarms.length / ordinary.length : 0,
    misses: flagged.filter((o) => !o.correct),
    alarms,
  };
}
