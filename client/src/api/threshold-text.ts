/** What a threshold does, in words: how many children it lists, and how many one point either side would. */

const children = (n: number): string => `${n.toLocaleString('en-GB')} ${n === 1 ? 'child' : 'children'}`;

export function thresholdEffect(minScore: number, counts: ReadonlyArray<{ score: number; children: number }>): string {
  const atLeast = (s: number) => counts.filter((c) => c.score >= s).reduce((n, c) => n + c.children, 0);
  const lower = minScore > 1 ? `; at ${minScore - 1}, ${children(atLeast(minScore - 1))}` : '';
  return `At a minimum score of ${minScore}: ${children(atLeast(minScore))}${lower}; at ${minScore + 1}, ${children(atLeast(minScore + 1))}.`;
}
