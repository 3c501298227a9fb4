/** The PHIA probability yardstick in which key judgements are worded. */
export const PHIA = [
  { term: 'remote', range: '≤ 5%' }, { term: 'highly unlikely', range: '10–20%' }, { term: 'unlikely', range: '25–35%' },
  { term: 'a realistic possibility', range: '40–50%' }, { term: 'likely', range: '55–75%' }, { term: 'highly likely', range: '80–90%' },
  { term: 'almost certain', range: '≥ 95%' },
] as const;
export type Likelihood = (typeof PHIA)[number]['term'];

export interface Judgement { likelihood: Likelihood; text: string; basis: string }

/** p-value of a trend test → how likely the change is real rather than chance. */
export function likelihoodFromP(p: number): Likelihood {
  if (p < 0.001) return 'almost certain';
  if (p < 0.01) return 'highly likely';
  if (p < 0.05) return 'likely';
  if (p < 0.2) return 'a realistic possibility';
  if (p < 0.5) return 'unlikely';
  return 'highly unlikely';
}
