/** Tiny helpers for hand-written inline SVG (no scripts, no external references). */
export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const r1 = (n: number): string => (Math.round(n * 10) / 10).toString();
export const PALETTE = ['#1f5fa8', '#c4501b', '#2e8540', '#7a3e9d', '#b38600', '#00838f', '#6d4c41', '#c2185b'];
export const svg = (w: number, h: number, title: string, body: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(title)}" font-family="Helvetica, Arial, sans-serif" font-size="11"><title>${esc(title)}</title>${body}</svg>`;

/** "Nice" axis maximum and step for a data maximum. */
export function niceScale(max: number, ticks = 5): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  return { top: Math.ceil(max / step) * step, step };
}
