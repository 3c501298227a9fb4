import { boroughMap } from '../map';

const square = (name: string, w: number, s: number, size = 0.01) => ({
  name, polygons: [[[[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]] as Array<[number, number]>]],
});
const numbers = (d: string): number[] => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

describe('the borough map', () => {
  it('draws each ward as an outline with its name under the places, and fits the wards in the frame', () => {
    const svg = boroughMap('Map', [{ lat: 51.505, lon: -0.095, kind: 'shop' }], [], [square('North Ward', -0.1, 51.5), square('South & Ward', -0.09, 51.49)]);
    const paths = [...svg.matchAll(/<path d="([^"]+)"[^>]*><title>([^<]+)<\/title><\/path>/g)];
    expect(paths.map((p) => p[2])).toEqual(['North Ward', 'South &amp; Ward']);
    for (const [, d] of paths) for (const v of numbers(d)) expect(v >= 0 && v <= 640).toBe(true);
    expect(svg).toContain('>North Ward</text>');
    expect(svg.indexOf('<path')).toBeLessThan(svg.indexOf('<circle'));
    expect(svg).toContain('outlines: wards');
  });

  it('draws no outline when the borough has no wards configured', () => {
    const svg = boroughMap('Map', [{ lat: 51.5, lon: -0.1, kind: 'shop' }, { lat: 51.51, lon: -0.09, kind: 'park' }], []);
    expect(svg).not.toContain('<path');
    expect(svg).not.toContain('outlines: wards');
  });
});
