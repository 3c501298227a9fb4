/**
 * The words just before a phrase can change what it says about the child:
 * - coercion ("was forced to sell drugs", "made him hide drugs", "coerced into sending nudes")
 *   names the exploiter's control, which is the wording the guide asks for;
 * - a rebuttal ("this is not a lifestyle choice", "rather than 'putting herself at risk'")
 *   rejects the blaming frame.
 * In both cases the phrase is not the writer's judgement of the child and is not reported.
 */
const COERCION = new RegExp(
  '(?:forced|made|coerced|pressured|pressurised|pressurized|groomed|threatened|compelled|ordered|told|manipulated|' +
  'exploited|tricked|bribed|used|blackmailed|intimidated|encouraged|asked|paid|instructed|directed)' +
  "(?:\\s+(?:him|her|them|the child|the young person|[\\p{L}'’-]+))?\\s+(?:to|into)\\s+(?:be\\s+|being\\s+|keep\\s+)?$",
  'iu',
);
/** "made Josh hide drugs", "had her carry the package": the exploiter's act, with no "to". */
const CAUSATIVE = /(?:made|make|makes|making|had|have|has|having|let|lets|letting)\s+(?:him|her|them|the child|the young person|[\p{Lu}][\p{L}'’-]+)\s+$/u;
const REBUTTAL = new RegExp(
  "(?:\\bnot|\\bnever|cannot|can['’]?t|isn['’]?t|wasn['’]?t|no longer|rather than|instead of|no such thing as|" +
  "avoid(?:ing)?(?:\\s+(?:the\\s+)?(?:words?|phrases?|terms?))?|do not (?:say|use|write|record)|don['’]t (?:say|use|write))" +
  "\\s+(?:(?:a|an|be|been|the|about|simply|just|that|because|as|call(?:ed|ing)?|describ(?:e|ed|ing)|say(?:ing)?)\\s+)*['\"“‘]?$",
  'iu',
);

/** How far back to look, in characters. */
const WINDOW = 60;

/** True when the words before `start` make the phrase a description of coercion or a rebuttal. */
export function excusedByContext(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - WINDOW), start);
  return COERCION.test(before) || CAUSATIVE.test(before) || REBUTTAL.test(before);
}
