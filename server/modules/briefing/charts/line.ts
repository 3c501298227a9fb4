/** Multi-series line chart over quarters; suppressed points (null) leave a gap marked "c". */
import { esc, niceScale, PALETTE, r1, svg } from './svg';

export interface Series { name: string; values: Array<number | null> }

export function lineChart(title: string, xLabels: string[], series: Series[], w = 640, h = 260): string {
  const m = { l: 44, r: 160, t: 16, b: 34 };
  const pw = w - m.l - m.r;
  const ph = h - m.t - m.b;
  const max = Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const { top, step } = niceScale(max);
  const x = (i: number) => m.l + (xLabels.length <= 1 ? pw / 2 : (i * pw) / (xLabels.length - 1));
  const y = (v: number) => m.t + ph - (v / top) * ph;
  let body = '';
  for (let v = 0; v <= top + 1e-9; v += step) {
    body += `<line x1="${m.l}" x2="${m.l + pw}" y1="${r1(y(v))}" y2="${r1(y(v))}" stroke="#ddd"/>`;
    body += `<text x="${m.l - 6}" y="${r1(y(v) + 4)}" text-anchor="end" fill="#555">${Math.round(v * 100) / 100}</text>`;
  }
  xLabels.forEach((q, i) => { body += `<text x="${r1(x(i))}" y="${h - m.b + 16}" text-anchor="middle" fill="#555">${esc(q)}</text>`; });
  series.forEach((s, k) => {
    const colour = PALETTE[k % PALETTE.length];
    let path = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        body += `<text x="${r1(x(i))}" y="${r1(m.t + ph - 4)}" text-anchor="middle" fill="${colour}" font-size="9">c</text>`;
        return;
      }
      path += `${pen ? 'L' : 'M'}${r1(x(i))},${r1(y(v))}`;
      pen = true;
      body += `<circle cx="${r1(x(i))}" cy="${r1(y(v))}" r="2.5" fill="${colour}"/>`;
    });
    body += `<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"/>`;
    const ly = m.t + 8 + k * 16;
    body += `<rect x="${w - m.r + 12}" y="${ly - 8}" width="10" height="10" fill="${colour}"/><text x="${w - m.r + 27}" y="${ly + 1}">${esc(s.name)}</text>`;
  });
  body += `<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${m.t + ph}" stroke="#888"/><line x1="${m.l}" x2="${m.l + pw}" y1="${m.t + ph}" y2="${m.t + ph}" stroke="#888"/>`;
  return svg(w, h, title, body);
}
