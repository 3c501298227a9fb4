/**
 * Spans of quoted speech in free text ("…", “…”, '…', ‘…’), so a child's own words are reported
 * as a quote rather than as the writer's judgement. A single quote opens only at the start of
 * the text or after a space or opening bracket, and closes only before a non-letter, so the
 * apostrophes of "he's" or "Kai's" do not open or close a quote.
 */
export interface Span { start: number; end: number }

const QUOTES: RegExp[] = [
  /"[^"\n]*"/g,
  /“[^”\n]*”/g,
  /(?<=^|[\s(\[:,])'(?:[^'\n]|'(?=\p{L}))*'(?!\p{L})/gu,
  /(?<=^|[\s(\[:,])‘(?:[^’\n]|’(?=\p{L}))*’(?!\p{L})/gu,
];

export function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const re of QUOTES) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      spans.push({ start, end: start + m[0].length });
    }
  }
  return spans;
}

export const insideAny = (spans: Span[], start: number, end: number): boolean =>
  spans.some((s) => start >= s.start && end <= s.end);
