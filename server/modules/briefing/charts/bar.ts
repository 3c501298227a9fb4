/** Horizontal bar chart; a suppressed value is drawn as an empty outline labelled "c". */
import { esc, niceScale, PALETTE, r1, svg } from './svg';

export function barChart(title: string, labels: string[], values: Array<number | 'c'>, w = 640, colour = PALETTE[0]): string {
  const rowH = 20;
  const m = { l: 230, r: 50, t: 8, b: 8 };
  const h = m.t + m.b + labels.length * rowH;
  const pw = w - m.l - m.r;
  const max = Math.max(0, ...values.filter((v): v is number => typeof v === 'number'));
  const { top } = niceScale(max);
  let body = '';
  labels.forEach((l, i) => {
    const y = m.t + i * rowH;
    const v = values[i];
    const text = l.length > 38 ? `${l.slice(0, 37)}…` : l;
    body += `<text x="${m.l - 6}" y="${y + 14}" text-anchor="end">${esc(text)}</text>`;
    if (v === 'c') {
      body += `<rect x="${m.l}" y="${y + 3}" width="24" height="${rowH - 6}" fill="none" stroke="#999" stroke-dasharray="3,2"/><text x="${m.l + 30}" y="${y + 14}" fill="#555">c</text>`;
    } else {
      const bw = (v / top) * pw;
      body += `<rect x="${m.l}" y="${y + 3}" width="${r1(bw)}" height="${rowH - 6}" fill="${colour}"/><text x="${r1(m.l + bw + 4)}" y="${y + 14}" fill="#333">${v.toLocaleString('en-GB', { maximumFractionDigits: 0 })}</text>`;
    }
  });
  return svg(w, h, title, body);
}
