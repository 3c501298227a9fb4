import { checkLanguage } from '..';

const rulesOf = (text: string): string[] => checkLanguage(text).filter((f) => !f.quoted).map((f) => f.rule);

describe('language checker grammar', () => {
  it.each([
    ['Younger pupils were recruited by Tomasz to carry parcels.', 'recruiting-others'],
    ['Has Priya been sexting anyone?', 'sharing-images'],
    ['Callum had travelled to Hull of his own accord.', 'trafficked-themselves'],
    ['Callum traveled willingly to Hull.', 'trafficked-themselves'],
    ['She displays risk taking behavior.', 'risk-taking-behaviour'],
    ['He has absconsion issues.', 'absconding'],
    ["Ryan didn't engage with the plan.", 'not-engaging'],
    ['Ryan wont engage.', 'not-engaging'],
    ['The boy, aged 15, is a perpetrator.', 'offender-labels'],
  ])('finds "%s" (%s)', (text, rule) => {
    expect(rulesOf(text)).toContain(rule);
  });

  it('reports a child\'s quoted words as quoted, not as the writer\'s wording', () => {
    const findings = checkLanguage('Ryan said "I chose to go with them" and the worker noted he made bad choices.');
    expect(findings.map((f) => [f.rule, f.quoted ?? false])).toEqual([
      ['lifestyle-choice', true],
      ['lifestyle-choice', false],
    ]);
    expect(checkLanguage("She told me 'I'm his girlfriend, he's 23'.").every((f) => f.quoted)).toBe(true);
  });

  it('apostrophes inside a sentence do not open a quote', () => {
    expect(checkLanguage("Kai's mum says he's streetwise.")).toMatchObject([{ rule: 'streetwise-mature' }]);
    expect(checkLanguage("Kai's mum says he's streetwise.")[0].quoted).toBeUndefined();
  });

  it('coercion before the phrase names the exploiter\'s control and is not flagged', () => {
    expect(rulesOf('Priya was forced to hide drugs inside her body.')).toEqual([]);
    expect(rulesOf('The men made Callum sell drugs.')).toEqual([]);
    expect(rulesOf('He was coerced into sending nude pictures.')).toEqual([]);
    expect(rulesOf('Callum is selling drugs.')).toEqual(['working-for-exploiters']);
  });

  it('a rebuttal of the frame is not flagged; the frame itself is', () => {
    expect(rulesOf('This is not a lifestyle choice.')).toEqual([]);
    expect(rulesOf('We record this as exploitation rather than "making choices".')).toEqual([]);
    expect(rulesOf('It is a lifestyle choice.')).toEqual(['lifestyle-choice']);
  });

  it('an adult described by age is not adultification; a child is', () => {
    expect(rulesOf('A 24-year-old woman was charged.')).toEqual([]);
    expect(rulesOf('A 15-year-old woman was charged.')).toEqual(['adultification']);
  });

  it.each([
    'He willingly attended the appointment.',
    'The adult is manipulative.',
    'The duty worker phoned an adult at the address.',
    'Police approached a man outside the shop.',
    'She is a keen runner.',
    'The man is a known drug dealer.',
    'He went to the police station voluntarily for interview.',
    'Staff were escorting him to court.',
    'The fire got out of control.',
  ])('words said of adults, staff or things are not flagged: "%s"', (text) => {
    expect(rulesOf(text)).toEqual([]);
  });
});
