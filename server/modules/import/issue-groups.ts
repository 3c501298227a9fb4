/**
 * Import issues grouped by reason: one line per kind of problem with its count and the first
 * examples, instead of one line per row. The reason's particulars (quoted values, line numbers)
 * are left out of the grouping key, so "unknown code "Burglary"" and "unknown code "Drugs"" are
 * one group whose examples show both.
 */
import type { ImportIssue } from './convert';

export interface IssueGroup {
  file: string;
  column: string;
  /** The reason with its particulars replaced by "…". */
  reason: string;
  count: number;
  /** The first issues of the group, in file order. */
  examples: ImportIssue[];
  /** Distinct quoted values in the group's reasons (e.g. the untranslated codes), most frequent first, at most 10. */
  values: Array<{ value: string; count: number }>;
}

const EXAMPLES = 3;
const VALUES = 10;
const QUOTED = /"(?:[^"\\]|\\.)*"/g;

/** The grouping key of a reason: quoted values, numbers after "line"/"row" and lists after "allowed:" generalised. */
export function reasonPattern(reason: string): string {
  return reason
    .replace(QUOTED, '"…"')
    .replace(/\b(line|row) \d+/g, '$1 …')
    .replace(/(allowed: )[^;)]*/g, '$1…');
}

function unquote(quoted: string): string {
  try { return String(JSON.parse(quoted)); } catch { return quoted.slice(1, -1); }
}

export function groupIssues(issues: readonly ImportIssue[]): IssueGroup[] {
  const groups = new Map<string, IssueGroup & { tally: Map<string, number> }>();
  for (const i of issues) {
    const reason = reasonPattern(i.reason);
    const key = `${i.file}\u0000${i.column}\u0000${reason}`;
    let g = groups.get(key);
    if (!g) { g = { file: i.file, column: i.column, reason, count: 0, examples: [], values: [], tally: new Map() }; groups.set(key, g); }
    g.count += 1;
    if (g.examples.length < EXAMPLES) g.examples.push(i);
    const first = i.reason.match(QUOTED)?.[0];
    if (first) g.tally.set(first, (g.tally.get(first) ?? 0) + 1);
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || a.file.localeCompare(b.file))
    .map(({ tally, ...g }) => ({
      ...g,
      values: [...tally].sort((a, b) => b[1] - a[1]).slice(0, VALUES).map(([value, count]) => ({ value: unquote(value), count })),
    }));
}

/** The groups as text lines for a terminal. */
export function formatGroups(groups: readonly IssueGroup[]): string[] {
  const lines: string[] = [];
  for (const g of groups) {
    lines.push(`${g.count} × ${g.file}, column "${g.column}": ${g.reason}`);
    if (g.values.length > 1) lines.push(`    values: ${g.values.map((v) => `${JSON.stringify(v.value)} (${v.count})`).join(', ')}`);
    for (const e of g.examples) lines.push(`    e.g. line ${e.row}: ${e.reason}`);
  }
  return lines;
}
