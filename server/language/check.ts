/**
 * The language checker: finds victim-blaming and adultifying phrases in free text and suggests
 * what to say instead. Reusable: import reports, notes, generated briefing sentences.
 */
import { compiledRules } from './compile';
import { quotedSpans, insideAny } from './quotes';
import { excusedByContext } from './context';

export interface Finding {
  /** 1-based line and column of the phrase's first character. */
  line: number;
  column: number;
  /** The text as written. */
  phrase: string;
  suggestion: string;
  rule: string;
  /** Inside quoted speech (e.g. a child's own words): reported, but not as the writer's wording. */
  quoted?: boolean;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function position(starts: number[], index: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: index - starts[lo] + 1 };
}

interface Hit { start: number; end: number; rule: string; suggestion: string }

export function checkLanguage(text: string): Finding[] {
  const hits: Hit[] = [];
  for (const r of compiledRules()) {
    for (const re of r.regexes) {
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) {
        if (m[0].length === 0 || excusedByContext(text, m.index ?? 0)) continue;
        hits.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, rule: r.rule, suggestion: r.suggestion });
      }
    }
  }
  // Overlapping hits are merged, so one phrase is reported once.
  hits.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const kept: Hit[] = [];
  for (const h of hits) {
    const k = kept.find((x) => h.start < x.end && x.start < h.end);
    if (!k) kept.push({ ...h });
    else {
      // One finding per phrase: widen it to cover both, naming the rule of the longer match.
      if (h.end - h.start > k.end - k.start) { k.rule = h.rule; k.suggestion = h.suggestion; }
      k.end = Math.max(k.end, h.end);
    }
  }
  const starts = lineStarts(text);
  const quotes = quotedSpans(text);
  return kept
    .sort((a, b) => a.start - b.start)
    .map((h) => {
      const f: Finding = { ...position(starts, h.start), phrase: text.slice(h.start, h.end), suggestion: h.suggestion, rule: h.rule };
      if (insideAny(quotes, h.start, h.end)) f.quoted = true;
      return f;
    });
}

/** True when the text has no finding: for generated sentences that must pass the check. */
export const passesLanguageCheck = (text: string): boolean => checkLanguage(text).length === 0;
