/**
 * Justifications (DPA 2018 s.62): why person-level data is consulted or disclosed. Two headers:
 *
 *   x-justification-purpose: one code of the configured list (JUSTIFICATION_PURPOSES)
 *   x-justification:         a case reference (CASE-2025-0042, MASH/25/117: letters, digits and
 *                            - / _ . with at least one digit) or a reason of at least
 *                            MIN_REASON_VISIBLE visible characters
 *
 * Header values are UTF-8. A client that cannot send UTF-8 bytes in a header (a browser's fetch
 * sends Latin-1) sends RFC 8187's form instead: `UTF-8''` and the percent-encoded UTF-8 bytes.
 * Control characters and characters that show nothing (zero-width, bidirectional controls,
 * fillers) are refused: an entry must read to an auditor exactly as it was typed. The access log
 * keeps `<purpose>: <reference or reason>`.
 */
import type { RequestContext } from './context';
import { config } from './config';
import { AppError } from './errors';

export const JUSTIFICATION_HEADER = 'x-justification';
export const PURPOSE_HEADER = 'x-justification-purpose';
export const MIN_REASON_VISIBLE = 10;
export const MAX_JUSTIFICATION = 500;

/** Letters, digits and - / _ . (4-40 characters) with at least one digit: a case or log reference. */
const CASE_REFERENCE = /^(?=[^\d]*\d)[A-Za-z0-9][A-Za-z0-9/_.-]{3,39}$/;
const RFC8187 = /^utf-8''/i;
/** Characters counted as visible: letters, numbers, punctuation and symbols (not spaces or marks alone). */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/gu;
/** Controls, format characters (zero-width, bidirectional controls, soft hyphen…), private use, unassigned, separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\u115F\u1160\u180E\u2800\u3164\uFFA0\uFFFC]/u;

const NAMES: Record<number, string> = {
  0x00ad: 'soft hyphen', 0x061c: 'Arabic letter mark', 0x180e: 'Mongolian vowel separator',
  0x200b: 'zero width space', 0x200c: 'zero width non-joiner', 0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark', 0x200f: 'right-to-left mark', 0x2028: 'line separator', 0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding', 0x202b: 'right-to-left embedding', 0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override', 0x202e: 'right-to-left override', 0x2060: 'word joiner',
  0x2066: 'left-to-right isolate', 0x2067: 'right-to-left isolate', 0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate', 0x2800: 'braille blank', 0x3164: 'Hangul filler', 0xfeff: 'zero width no-break space',
};

const codePoint = (c: number): string => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A header value as Node hands it over (each byte one Latin-1 character) → text, read as UTF-8
 * (or as RFC 8187 `UTF-8''…`). Bytes that are not UTF-8 become U+FFFD, which checkJustification
 * refuses by name.
 */
export function decodeHeaderValue(raw: string | undefined | null): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const bytes = RFC8187.test(raw) ? percentDecode(raw.slice(7)) : Buffer.from(raw, 'latin1');
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}

function percentDecode(s: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && /^[0-9a-f]{2}$/i.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      // Not ASCII (or a lone %): left for the UTF-8 check to refuse.
      out.push(c > 0x7f ? 0xff : c);
    }
  }
  return Buffer.from(out);
}

const refused = (header: string, reason: string): AppError =>
  new AppError('BAD_USER_INPUT', `${header}: ${reason}`, { field: header });

/** Text of one header, normalised (NFC, runs of spaces as one), or an error naming the header. */
function cleanText(header: string, value: string): string {
  if (value.includes('\uFFFD')) {
    throw refused(header, "not valid UTF-8: send the header's bytes as UTF-8, or as UTF-8'' followed by the percent-encoded UTF-8");
  }
  const text = value.normalize('NFC');
  let position = 0;
  for (const ch of text) {
    position++;
    if (INVISIBLE.test(ch)) {
      const c = ch.codePointAt(0)!;
      const what = /\p{Cc}/u.test(ch) ? 'a control character' : 'an invisible character';
      throw refused(header, `${what} (${codePoint(c)}${NAMES[c] ? ` ${NAMES[c]}` : ''}) at character ${position} is not allowed: type the text again without it`);
    }
  }
  return text.replace(/\s+/gu, ' ').trim();
}

export interface JustificationHeaders {
  /** x-justification-purpose, decoded. */
  purpose?: string;
  /** x-justification, decoded. */
  text?: string;
}

/**
 * The justification of a person-level read or a disclosure, as the access log keeps it:
 * `<purpose>: <reference or reason>`. Missing → JUSTIFICATION_REQUIRED; present but not
 * acceptable → BAD_USER_INPUT naming the header.
 */
export function checkJustification(given: JustificationHeaders, purposes: readonly string[]): string {
  const text = given.text === undefined ? '' : cleanText(JUSTIFICATION_HEADER, given.text);
  const purpose = given.purpose === undefined ? '' : cleanText(PURPOSE_HEADER, given.purpose).toLowerCase();
  if (!text || !purpose) {
    throw new AppError('JUSTIFICATION_REQUIRED',
      `Person-level data needs a justification: send ${PURPOSE_HEADER} (one of ${purposes.join(', ')}) and ${JUSTIFICATION_HEADER} (a case reference, or a reason of at least ${MIN_REASON_VISIBLE} characters)`,
      { purposes: [...purposes] });
  }
  if (!purposes.includes(purpose)) throw refused(PURPOSE_HEADER, `must be one of ${purposes.join(', ')}`);
  if (text.length > MAX_JUSTIFICATION) throw refused(JUSTIFICATION_HEADER, `at most ${MAX_JUSTIFICATION} characters`);
  const visible = text.match(VISIBLE)?.length ?? 0;
  if (!CASE_REFERENCE.test(text) && visible < MIN_REASON_VISIBLE) {
    throw refused(JUSTIFICATION_HEADER,
      `give a case reference (letters and digits such as CASE-2025-0042) or a reason of at least ${MIN_REASON_VISIBLE} visible characters (this has ${visible})`);
  }
  return `${purpose}: ${text}`;
}

/** DPA 2018 s.62: the request's justification, checked against the configured purposes. */
export function requireJustification(ctx: Pick<RequestContext, 'justification' | 'purpose'>): string {
  return checkJustification({ purpose: ctx.purpose, text: ctx.justification }, config().JUSTIFICATION_PURPOSES);
}

/** "safeguarding-enquiry" → "Safeguarding enquiry": how a purpose code reads in the workspace. */
export const purposeLabel = (code: string): string => {
  const words = code.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};
