/**
 * Sections of the Children's Society / NAPAC appropriate language guide (2024) and the practice
 * guides read beside it (docs/language-sources.md). Each rule names the section it comes from.
 */
export const SECTIONS = {
  general: 'Victim-blaming language: risk, behaviour and engagement',
  sexual: 'Child sexual exploitation',
  criminal: 'Child criminal exploitation and county lines',
  financial: 'Child financial exploitation',
  online: 'Online abuse and images',
  missing: 'Missing children',
  trafficking: 'Trafficking and modern slavery',
  roles: "Adultification and the words used of children's roles in exploitation",
  choice: '"Choice" and "consent" framing',
  resilience: 'Resilience assumed from gender, ethnicity or age',
} as const;

export type Section = keyof typeof SECTIONS;
