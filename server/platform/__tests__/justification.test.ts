/** Justifications: purpose from the list, a case reference or a 10-character reason, UTF-8, nothing invisible. */
import { checkJustification, decodeHeaderValue } from '../justification';

const PURPOSES = ['safeguarding-enquiry', 'audit'];
const check = (text?: string, purpose: string | undefined = 'safeguarding-enquiry') => checkJustification({ purpose, text }, PURPOSES);
const codeOf = (f: () => unknown): unknown => {
  try { f(); } catch (e) { return (e as { extensions?: { code?: string; field?: string } }).extensions; }
  return undefined;
};
/** What curl sends for UTF-8 text: the bytes, which Node hands over one Latin-1 character each. */
const asHeaderBytes = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

it('keeps the purpose and a case reference or a reason', () => {
  expect(check('CASE-1')).toBe('safeguarding-enquiry: CASE-1');
  expect(check('MASH/2025/0042')).toBe('safeguarding-enquiry: MASH/2025/0042');
  expect(check('  strategy   meeting today ', 'Audit')).toBe('audit: strategy meeting today');
});

it('asks for a justification when either part is missing', () => {
  expect(codeOf(() => check(undefined))).toMatchObject({ code: 'JUSTIFICATION_REQUIRED' });
  expect(codeOf(() => check('   '))).toMatchObject({ code: 'JUSTIFICATION_REQUIRED' });
  expect(codeOf(() => checkJustification({ text: 'CASE-1' }, PURPOSES))).toMatchObject({ code: 'JUSTIFICATION_REQUIRED' });
});

it('refuses a purpose not on the list, naming the header', () => {
  expect(() => check('CASE-1', 'curiosity')).toThrow(/^x-justification-purpose: must be one of safeguarding-enquiry, audit$/);
  expect(codeOf(() => check('CASE-1', 'curiosity'))).toEqual({ code: 'BAD_USER_INPUT', field: 'x-justification-purpose' });
});

it.each([
  ['three characters', 'abc'],
  ['a word without digits', 'LOOKING'],
  ['nine visible characters with spaces', 'a b c d e f g h i'],
  ['a reference with nothing but spaces around few characters', 'x-check'],
])('refuses %s: neither a case reference nor 10 visible characters', (_n, text) => {
  expect(() => check(text)).toThrow(/^x-justification: give a case reference .* or a reason of at least 10 visible characters/);
});

it.each([
  ['zero width space', 'CASE-\u200B1 enquiry', /U\+200B zero width space\) at character 6/],
  ['right-to-left override', '\u202Eevil reason here', /U\+202E right-to-left override/],
  ['byte order mark', 'reason\uFEFF for the enquiry', /U\+FEFF/],
  ['Hangul filler', '\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164', /U\+3164 Hangul filler/],
  ['a tab', 'reason\tfor the enquiry', /a control character \(U\+0009\)/],
  ['a NUL', 'CASE-1\u0000', /a control character \(U\+0000\)/],
])('refuses %s, naming the header and the character', (_n, text, why) => {
  expect(() => check(text)).toThrow(why);
  expect(codeOf(() => check(text))).toEqual({ code: 'BAD_USER_INPUT', field: 'x-justification' });
});

it('refuses invisible characters in the purpose too', () => {
  expect(() => check('CASE-1', 'audit\u200D')).toThrow(/^x-justification-purpose: an invisible character \(U\+200D zero width joiner\)/);
});

it('reads header bytes as UTF-8, and the RFC 8187 form', () => {
  expect(decodeHeaderValue(asHeaderBytes('Référence 2025/07 — Łódź'))).toBe('Référence 2025/07 — Łódź');
  expect(decodeHeaderValue(`UTF-8''${encodeURIComponent('Référence à vérifier')}`)).toBe('Référence à vérifier');
  expect(decodeHeaderValue("utf-8''CASE%2D1")).toBe('CASE-1');
  expect(decodeHeaderValue(undefined)).toBeUndefined();
  expect(check(decodeHeaderValue(asHeaderBytes('Référence école')))).toBe('safeguarding-enquiry: Référence école');
});

it('refuses bytes that are not UTF-8 (a Latin-1 é), naming the header', () => {
  const latin1 = decodeHeaderValue('R\u00e9f\u00e9rence de cas');
  expect(() => check(latin1)).toThrow(/^x-justification: not valid UTF-8/);
  expect(() => check(decodeHeaderValue("UTF-8''%E9t%E9 enquiry"))).toThrow(/not valid UTF-8/);
});

it('normalises to NFC and counts letters with accents once', () => {
  expect(check('e\u0301cole visit ok')).toBe('safeguarding-enquiry: école visit ok');
});

it('refuses more than 500 characters', () => {
  expect(() => check('x'.repeat(501))).toThrow(/^x-justification: at most 500 characters/);
});
