/**
 * Date formats of foreign exports ("DD/MM/YYYY", "D/M/YY HH:mm", "YYYY-MM-DD"…) turned into ISO
 * 8601 strings the model validator understands. Times without a zone are taken as UTC.
 */
const TOKENS: Record<string, { re: string; part: 'y' | 'y2' | 'mo' | 'd' | 'h' | 'mi' | 's' }> = {
  YYYY: { re: '(\\d{4})', part: 'y' },
  YY: { re: '(\\d{2})', part: 'y2' },
  MM: { re: '(\\d{2})', part: 'mo' },
  M: { re: '(\\d{1,2})', part: 'mo' },
  DD: { re: '(\\d{2})', part: 'd' },
  D: { re: '(\\d{1,2})', part: 'd' },
  HH: { re: '(\\d{2})', part: 'h' },
  H: { re: '(\\d{1,2})', part: 'h' },
  mm: { re: '(\\d{2})', part: 'mi' },
  ss: { re: '(\\d{2})', part: 's' },
};
const TOKEN_RE = /YYYY|YY|MM|M|DD|D|HH|H|mm|ss/g;

interface Compiled { re: RegExp; parts: string[] }
const cache = new Map<string, Compiled>();

function compile(format: string): Compiled {
  let c = cache.get(format);
  if (!c) {
    const parts: string[] = [];
    let src = '';
    let last = 0;
    for (const m of format.matchAll(TOKEN_RE)) {
      src += format.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      src += TOKENS[m[0]].re;
      parts.push(TOKENS[m[0]].part);
      last = m.index! + m[0].length;
    }
    src += format.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    c = { re: new RegExp(`^${src}$`), parts };
    cache.set(format, c);
  }
  return c;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * Parses text in the given format. Returns an ISO date (YYYY-MM-DD) or date-time
 * (YYYY-MM-DDTHH:mm:ssZ), or undefined when the text does not fit the format. Two-digit years
 * are taken as 20YY when that is not in the future, else 19YY.
 */
export function parseFormatted(text: string, format: string, want: 'date' | 'datetime', now = new Date()): string | undefined {
  const { re, parts } = compile(format);
  const m = re.exec(text.trim());
  if (!m) return undefined;
  const v: Record<string, number> = { y: 0, mo: 1, d: 1, h: 0, mi: 0, s: 0 };
  parts.forEach((p, i) => {
    const n = Number(m[i + 1]);
    if (p === 'y2') v.y = 2000 + n > now.getUTCFullYear() ? 1900 + n : 2000 + n;
    else v[p] = n;
  });
  const date = `${pad(v.y, 4)}-${pad(v.mo)}-${pad(v.d)}`;
  return want === 'date' ? date : `${date}T${pad(v.h)}:${pad(v.mi)}:${pad(v.s)}Z`;
}
