import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { checkLanguage, LANGUAGE_RULES } from '..';
import { readCorpus } from '../evaluate';

/** [text, rule expected] — DOMAIN.md's table and grammatical variants (tense, pronoun, word order). */
const PHRASES: Array<[string, string]> = [
  ['She is putting herself at risk by going to the park.', 'putting-themselves-at-risk'],
  ['He put himself at risk at the weekend.', 'putting-themselves-at-risk'],
  ['They are putting themselves at risk.', 'putting-themselves-at-risk'],
  ['She puts herself in danger most nights.', 'putting-themselves-at-risk'],
  ['He placed himself in risky situations.', 'putting-themselves-at-risk'],
  ['the danger she places herself in', 'putting-themselves-at-risk'],
  ['She is repeatedly putting herself and others at risk', 'putting-themselves-at-risk'],
  ['she allowed herself to be exploited', 'putting-themselves-at-risk'],
  ['He keeps going missing.', 'keeps-going-missing'],
  ['she kept running away from the placement', 'keeps-going-missing'],
  ['She went missing again and again.', 'keeps-going-missing'],
  ['He repeatedly goes missing.', 'keeps-going-missing'],
  ['they go missing all the time', 'keeps-going-missing'],
  ['She is sexually active.', 'sexually-active'],
  ['concerns about sexual activity with adults', 'sexually-active'],
  ['she has had sex with a 23-year-old', 'sexually-active'],
  ['She has been contacting adults online.', 'contacting-adults'],
  ['he messages older men on the app', 'contacting-adults'],
  ['She is in a relationship with an older man.', 'relationship-with-adult'],
  ['he was in a relationship with a 22-year-old woman', 'relationship-with-adult'],
  ['Her older boyfriend collected her from school.', 'relationship-with-adult'],
  ['her boyfriend, aged 24, drove her', 'relationship-with-adult'],
  ['He is associating with gangs.', 'associating-with-gangs'],
  ['he has been hanging around with olders', 'associating-with-gangs'],
  ['she associates with known gang members', 'associating-with-gangs'],
  ['he is a gang member', 'associating-with-gangs'],
  ['He is involved in CCE.', 'involved-in-exploitation'],
  ['she became involved in child sexual exploitation', 'involved-in-exploitation'],
  ['his involvement in county lines', 'involved-in-exploitation'],
  ['He was recruiting other children.', 'recruiting-others'],
  ['she recruits younger pupils', 'recruiting-others'],
  ['He is working for a dealer.', 'working-for-exploiters'],
  ['he works for the olders', 'working-for-exploiters'],
  ['he has been selling drugs', 'working-for-exploiters'],
  ['She keeps going back to him.', 'goes-back-to-exploiters'],
  ['he went back to the exploiters', 'goes-back-to-exploiters'],
  ['Risk-taking behaviour noted.', 'risk-taking-behaviour'],
  ['she engages in risky behaviours', 'risk-taking-behaviour'],
  ['It is a lifestyle choice.', 'lifestyle-choice'],
  ['he was making poor choices', 'lifestyle-choice'],
  ['she chose to go missing', 'lifestyle-choice'],
  ['a child prostitute', 'child-prostitution'],
  ['concerns about child prostitution', 'child-prostitution'],
  ['she is exchanging sex for cigarettes', 'child-prostitution'],
  ['She is promiscuous.', 'promiscuous'],
  ['The sex was consensual.', 'consent-to-abuse'],
  ['she consented to it', 'consent-to-abuse'],
  ['he was a willing participant', 'consent-to-abuse'],
  ['He is streetwise.', 'streetwise-mature'],
  ['she is street-smart', 'streetwise-mature'],
  ['He is mature for his age.', 'streetwise-mature'],
  ['she seems mature beyond her years', 'streetwise-mature'],
  ['He is not engaging with services.', 'not-engaging'],
  ["She didn't engage with the worker.", 'not-engaging'],
  ['a hard to reach family', 'not-engaging'],
  ['he refused to engage', 'not-engaging'],
  ['non-engagement with the plan', 'not-engaging'],
  ['She absconded from the placement.', 'absconding'],
  ['history of absconding', 'absconding'],
];

/** Ordinary professional text: must pass without a flag. */
const ORDINARY = [
  'The school risk assessment was reviewed on Monday.',
  'She was engaging with the youth worker.',
  'The consent form was signed.',
  'His mother is working for the council.',
  'Her mother consented to the referral.',
  'The panel made decisions about the plan.',
  'The line manager reviewed the case.',
  'He was willing to attend the interview.',
  'She returned to school on Monday.',
  'Adults have been contacting the child online.',
  'Professionals have not yet found a way to engage.',
  'The police contacted the school and the family.',
  'A gang injunction was obtained against the adult.',
  'She is at increased risk of exploitation by others.',
  'The youth worker engaged the family well.',
  'Drugs were found at the address.',
  'A Child Abduction Warning Notice was served on a 24-year-old man.',
  'She may have been groomed and is being sexually exploited by a 26-year-old man.',
  'The return home interview took place within 72 hours.',
  'He is missing from care and at risk of exploitation.',
  'The transport hub near the station remains the busiest place.',
  'Children assessed at high risk rose from 12 to 15 this quarter.',
  'The strategy meeting agreed a safety plan with the school.',
  'The child cannot consent to their own abuse.',
  'Missing episodes fell by a fifth; return interviews within 72 hours rose.',
];

describe('language checker', () => {
  it.each(PHRASES)('finds "%s" (%s)', (text, rule) => {
    const findings = checkLanguage(text);
    expect(findings.map((f) => f.rule)).toContain(rule);
    const f = findings.find((x) => x.rule === rule)!;
    expect(text.slice(f.column - 1, f.column - 1 + f.phrase.length)).toBe(f.phrase);
    expect(f.suggestion.length).toBeGreaterThan(5);
  });

  it.each(ORDINARY)('passes ordinary text: "%s"', (text) => {
    expect(checkLanguage(text)).toEqual([]);
  });

  it('every rule in the table is exercised by the test set or the corpus', () => {
    const tested = new Set([...PHRASES.map(([, r]) => r), ...readCorpus().map((row) => row.expected)]);
    expect(LANGUAGE_RULES.map((r) => r.rule).filter((r) => !tested.has(r))).toEqual([]);
  });

  it('reports line and column across lines, and a phrase broken over a line', () => {
    const text = 'First line is fine.\nShe keeps going missing and is\nputting herself at risk.';
    const findings = checkLanguage(text);
    expect(findings.map((f) => [f.line, f.column, f.rule])).toEqual([
      [2, 5, 'keeps-going-missing'],
      [3, 1, 'putting-themselves-at-risk'],
    ]);
    expect(checkLanguage('he is putting\nhimself at risk')[0]).toMatchObject({ line: 1, column: 7 });
  });

  it('the command prints JSON findings from standard input and from a file', () => {
    const root = path.resolve(__dirname, '../../..');
    const tsx = path.join(root, 'node_modules/.bin/tsx');
    let out = '';
    try {
      execFileSync(tsx, ['scripts/language-check.ts'], { cwd: root, input: 'He is streetwise.\n', encoding: 'utf8' });
    } catch (e) {
      out = (e as { stdout: string; status: number }).stdout;
      expect((e as { status: number }).status).toBe(1);
    }
    expect(JSON.parse(out).findings).toEqual([
      { line: 1, column: 7, phrase: 'streetwise', suggestion: expect.any(String), rule: 'streetwise-mature' },
    ]);
    const clean = execFileSync(tsx, ['scripts/language-check.ts', 'package.json'], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(clean)).toEqual({ file: 'package.json', findings: [] });
  });
});
