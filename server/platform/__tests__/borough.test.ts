/** The borough file: the shipped synthetic one reads, and a wrong one is refused naming the field. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readBorough, readWards, borough, resetBorough } from '../borough';
import { resetConfig } from '../config';
import { BOROUGH } from '../../../fixtures/generator/names';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'borough-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: unknown): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
const SHIPPED = path.resolve(__dirname, '..', '..', '..', 'config', 'borough.json');

describe('the borough file', () => {
  it('the shipped file is the synthetic borough the generator makes, with a sourced comparator', () => {
    const b = readBorough(SHIPPED);
    expect(b).toMatchObject({ name: BOROUGH, synthetic: true });
    const c = b.comparators.returnInterviewsCompletedWithin72Hours!;
    expect(c.value).toBeGreaterThan(0);
    expect(c.source.length).toBeGreaterThan(10);
    expect(c.year).toMatch(/^\d{4}/);
  });

  it('reads the ward boundaries the file names, relative to it', () => {
    const wards = readBorough(SHIPPED).wards;
    expect(wards).toHaveLength(20);
    expect(wards[0].name).toBe('Ash Ward');
    const [lon, lat] = wards[0].polygons[0][0][0];
    expect(lat).toBeGreaterThan(50);
    expect(Math.abs(lon)).toBeLessThan(1);
    expect(readBorough(write('nowards.json', { name: 'A', synthetic: false })).wards).toEqual([]);
  });

  it('refuses ward boundaries that are not named polygons in longitude and latitude', () => {
    const square = (ring: number[][]) => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'North' }, geometry: { type: 'Polygon', coordinates: [ring] } }] });
    const ok = [[-0.1, 51.5], [0, 51.5], [0, 51.6], [-0.1, 51.5]];
    expect(readWards(write('ok.geojson', square(ok)))[0]).toEqual({ name: 'North', polygons: [[ok]] });
    const multi = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Isles', code: 'E05000001' }, geometry: { type: 'MultiPolygon', coordinates: [[ok], [ok]] } }] };
    expect(readWards(write('multi.geojson', multi))[0].polygons).toHaveLength(2);
    expect(() => readWards(write('bng.geojson', square([[530000, 180000], [531000, 180000], [531000, 181000], [530000, 180000]])))).toThrow(/North.*British National Grid/);
    expect(() => readWards(write('point.geojson', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'P' }, geometry: { type: 'Point', coordinates: [0, 51] } }] }))).toThrow(/geometry/);
    expect(() => readWards(write('noname.geojson', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ok] } }] }))).toThrow(/name/);
    expect(() => readBorough(write('missing-wards.json', { name: 'A', synthetic: false, wardBoundaries: 'nowhere.geojson' }))).toThrow(/nowhere\.geojson.*cannot read/);
  });

  it('is the file BOROUGH_CONFIG names, read once', () => {
    const saved = process.env.BOROUGH_CONFIG;
    try {
      process.env.BOROUGH_CONFIG = write('other.json', { name: 'Elsewhere', synthetic: false });
      resetConfig(); resetBorough();
      expect(borough()).toMatchObject({ name: 'Elsewhere', synthetic: false });
    } finally {
      if (saved === undefined) delete process.env.BOROUGH_CONFIG; else process.env.BOROUGH_CONFIG = saved;
      resetConfig(); resetBorough();
    }
    expect(borough().name).toBe(BOROUGH);
  });

  it('a comparator left out, or null, is none', () => {
    expect(readBorough(write('none.json', { name: 'A', synthetic: false })).comparators.returnInterviewsCompletedWithin72Hours).toBeNull();
    expect(readBorough(write('null.json', { name: 'A', synthetic: false, comparators: { returnInterviewsCompletedWithin72Hours: null } }))
      .comparators.returnInterviewsCompletedWithin72Hours).toBeNull();
  });

  it('refuses a comparator without its source or year, a share above 1, an unknown field, and a file that is not there', () => {
    const comparator = (c: unknown) => write('c.json', { name: 'A', synthetic: false, comparators: { returnInterviewsCompletedWithin72Hours: c } });
    expect(() => readBorough(comparator({ value: 0.63 }))).toThrow(/returnInterviewsCompletedWithin72Hours\.source/);
    expect(() => readBorough(comparator({ value: 0.63, source: 'A survey' }))).toThrow(/returnInterviewsCompletedWithin72Hours\.year/);
    expect(() => readBorough(comparator({ value: 63, source: 'A survey', year: 2024 }))).toThrow(/value/);
    expect(readBorough(comparator({ value: 0.5, source: 'A survey', year: 2024 })).comparators.returnInterviewsCompletedWithin72Hours!.year).toBe('2024');
    expect(() => readBorough(write('typo.json', { name: 'A', synthetic: false, comparator: {} }))).toThrow(/comparator/);
    expect(() => readBorough(write('noname.json', { synthetic: false }))).toThrow(/name/);
    expect(() => readBorough(write('nosyn.json', { name: 'A' }))).toThrow(/synthetic/);
    expect(() => readBorough(write('bad.json', '{ name'))).toThrow(/not JSON/);
    expect(() => readBorough(path.join(dir, 'absent.json'))).toThrow(/absent\.json.*cannot read/);
  });
});
