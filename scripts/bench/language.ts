/**
 * `npm run bench -- language [--show-holdout]`: the language checker against its corpus
 * (server/language/corpus/case-notes.tsv). Prints recall, false-alarm rate and the sentences it
 * got wrong for the train split; for the holdout split only the figures, unless --show-holdout,
 * so the rules are not tuned on the sentences kept aside to measure them.
 */
import { readCorpus, score, type SplitScore, type Outcome } from '../../server/language/evaluate';

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

function describe(o: Outcome): string {
  const got = o.findings.map((f) => `${f.rule}${f.quoted ? ' (quoted)' : ''}: "${f.phrase}"`).join('; ') || 'no finding';
  return `  line ${o.row.line} [${o.row.expected}] ${o.row.sentence}\n      → ${got}`;
}

function print(s: SplitScore, details: boolean): void {
  console.log(`${s.split}: recall ${s.found}/${s.flagged} = ${s.recall.toFixed(3)} (right rule ${s.rightRule}/${s.flagged}); ` +
    `false alarms ${s.falseAlarms}/${s.ordinary} = ${pct(s.falseAlarmRate)}`);
  if (!details) return;
  if (s.misses.length) console.log(`misses:\n${s.misses.map(describe).join('\n')}`);
  if (s.alarms.length) console.log(`false alarms:\n${s.alarms.map(describe).join('\n')}`);
}

export async function run(args: string[]): Promise<void> {
  const rows = readCorpus();
  const train = score(rows, 'train');
  const holdout = score(rows, 'holdout');
  print(train, true);
  print(holdout, args.includes('--show-holdout'));
  console.log('targets: recall ≥ 0.95, false alarms ≤ 2 %');
}
