/**
 * Event tags share one small shape and differ only by colour, so each tag's colour must be told
 * apart from every other colour in the legend, and stand out on the white canvas.
 */
import { EVENT_COLOURS, VISUALS } from '../kinds';

const channels = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
  .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
const luminanceOf = ([r, g, b]: number[]): number => 0.2126 * r + 0.7152 * g + 0.0722 * b;
const luminance = (hex: string): number => luminanceOf(channels(hex));

/** CIE L*a*b* (D65) of an sRGB colour. */
function lab(hex: string): [number, number, number] {
  const rgb = channels(hex);
  const [r, g, b] = rgb;
  const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, luminanceOf(rgb), (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  const [fx, fy, fz] = xyz.map((v) => (v > 216 / 24389 ? Math.cbrt(v) : (24389 / 27 * v + 16) / 116));
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
/** CIE76 colour difference: about 2 is just noticeable; under 8 two small tags read as the same colour. */
const deltaE = (a: string, b: string): number => {
  const [la, lb] = [lab(a), lab(b)];
  return Math.hypot(...la.map((v, i) => v - lb[i]));
};
/** WCAG contrast against white. */
const contrastOnWhite = (hex: string): number => 1.05 / (luminance(hex) + 0.05);

describe('legend colours', () => {
  it('measures colour difference and contrast as worked by hand', () => {
    expect(deltaE('#000000', '#ffffff')).toBeCloseTo(100, 1);
    expect(deltaE('#7b3fa0', '#7b3fa0')).toBe(0);
    expect(contrastOnWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastOnWhite('#ffffff')).toBeCloseTo(1, 5);
  });

  it('tells every event tag apart from the other tags and from every kind of node', () => {
    const legend = [
      ...Object.entries(VISUALS).map(([cls, v]) => [`node ${cls}`, v.colour] as const),
      ...Object.entries(EVENT_COLOURS).map(([kind, colour]) => [`event ${kind}`, colour] as const),
    ];
    const tooClose = Object.entries(EVENT_COLOURS).flatMap(([kind, colour]) => legend
      .filter(([name, other]) => name !== `event ${kind}` && deltaE(colour, other) < 8)
      .map(([name, other]) => `event ${kind} ${colour} ~ ${name} ${other}: ΔE ${deltaE(colour, other).toFixed(1)}`));
    expect(tooClose).toEqual([]);
  });

  it('gives every event tag at least 3:1 contrast on the white canvas (WCAG 1.4.11, graphics)', () => {
    const faint = Object.entries(EVENT_COLOURS).filter(([, c]) => contrastOnWhite(c) < 3).map(([k, c]) => `${k} ${c}`);
    expect(faint).toEqual([]);
  });
});
