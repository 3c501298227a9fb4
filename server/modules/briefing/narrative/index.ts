/**
 * Sentences generated from the published numbers (never from hidden ones), and key judgements
 * worded with the PHIA probability yardstick. Every sentence passes the language checker; a
 * generated sentence that fails is a bug, so building the pack stops.
 */
import { checkLanguage } from '../../../language';
import type { Statement } from '../disclosure';
import type { BriefingData } from '../gather';
import type { PackTable } from '../tables';
import type { ResolvedOptions } from '../options';
import type { Judgement } from './phia';
import { trendThemes, whatChanged } from './changes';
import { keyJudgements } from './judgements';
import { sectionSentences } from './section-text';
import { recommendations } from './recommendations';

export { PHIA, likelihoodFromP } from './phia';
export type { Judgement, Likelihood } from './phia';

export interface Narrative {
  judgements: Judgement[]; changes: string[]; sections: Record<string, string[]>; recommendations: string[];
  /** Statistics printed in the text, with their inputs (partner edition; for the series audit). */
  statements: Statement[];
}

export function buildNarrative(d: BriefingData, t: Map<string, PackTable>, o: ResolvedOptions): Narrative {
  const control = o.edition === 'partner';
  const trend = t.get('trend')!;
  const themes = trendThemes(d, trend, control);
  const changed = whatChanged(d, trend, themes);
  const judged = keyJudgements(d, t, themes, control, o.borough.comparators);
  const narrative: Narrative = {
    judgements: judged.judgements, changes: changed.changes, sections: sectionSentences(d, t, control, o.borough.comparators), recommendations: recommendations(d, t),
    // Every statistic printed, with what it was computed from (the series audit checks them).
    statements: control ? [...changed.statements, ...judged.statements] : [],
  };
  checkSentences(narrative);
  return narrative;
}

function checkSentences(n: Narrative): void {
  const texts = [...n.judgements.flatMap((j) => [`It is ${j.likelihood} ${j.text}.`, j.basis]), ...n.changes, ...Object.values(n.sections).flat(), ...n.recommendations];
  for (const s of texts) {
    const f = checkLanguage(s);
    if (f.length) throw new Error(`briefing: generated sentence fails the language check (${f[0].rule}: "${f[0].phrase}"): ${s}`);
  }
}
