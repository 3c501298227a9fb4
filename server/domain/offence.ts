/** Offence codes in words, as labels and summaries show them. Pure. */

/** An offence code as words: possession_of_weapon → "Possession of weapon", gbh → "GBH". */
export function offenceLabel(code: string): string {
  if (code.length <= 3) return code.toUpperCase();
  const words = code.replace(/_/g, ' ');
  return words[0].toUpperCase() + words.slice(1);
}
