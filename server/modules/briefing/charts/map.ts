/**
 * The borough map: the wards' boundaries (when the borough configures them) with their names,
 * every place and school as a faint dot at its coordinates (equirectangular, x scaled by
 * cos(latitude)), hotspots as circles sized by harm score and numbered by rank.
 */
import type { Ward } from '../../../platform/borough';
import { esc, r1, svg } from './svg';

export interface MapPoint { lat: number; lon: number; kind: string }
export interface MapHotspot { lat: number; lon: number; rank: number; score: number; name: string }

type Xy = [number, number];

/** The centroid of a ring (shoelace), or the mean of its points when it has no area. */
function centroid(ring: Xy[]): Xy {
  let a = 0; let cx = 0; let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i]; const [x1, y1] = ring[i + 1];
    const f = x0 * y1 - x1 * y0;
    a += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
  }
  if (Math.abs(a) < 1e-9) return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
  return [cx / (3 * a), cy / (3 * a)];
}

export function boroughMap(title: string, points: MapPoint[], hotspots: MapHotspot[], wards: Ward[] = [], w = 640, h = 420): string {
  const all = [...points, ...hotspots, ...wards.flatMap((wd) => wd.polygons.flat(2).map(([lon, lat]) => ({ lat, lon })))];
  if (all.length === 0) return svg(w, 40, title, '<text x="10" y="24">No places with coordinates.</text>');
  const lats = all.map((p) => p.lat);
  const lons = all.map((p) => p.lon);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const k = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  const spanX = Math.max(1e-6, (maxLon - minLon) * k);
  const spanY = Math.max(1e-6, maxLat - minLat);
  const pad = 24;
  const scale = Math.min((w - 2 * pad) / spanX, (h - 2 * pad - 20) / spanY);
  const ox = (w - spanX * scale) / 2;
  const oy = (h - 20 - spanY * scale) / 2;
  const px = (lon: number) => ox + (lon - minLon) * k * scale;
  const py = (lat: number) => oy + (maxLat - lat) * scale;
  let body = `<rect x="0.5" y="0.5" width="${w - 1}" height="${h - 1}" fill="#f7f7f4" stroke="#ccc"/>`;
  const labels: string[] = [];
  for (const ward of wards) {
    const rings = ward.polygons.flatMap((poly) => poly.map((ring) => ring.map(([lon, lat]): Xy => [px(lon), py(lat)])));
    body += `<path d="${rings.map((r) => `M${r.map(([x, y]) => `${r1(x)} ${r1(y)}`).join('L')}Z`).join('')}" fill="#fff" stroke="#b4b4a8" stroke-width="0.8" fill-rule="evenodd"><title>${esc(ward.name)}</title></path>`;
    // The name at the centre of the ward's largest outer ring.
    const outer = ward.polygons.map((poly) => poly[0].map(([lon, lat]): Xy => [px(lon), py(lat)]));
    const area = (r: Xy[]) => Math.abs(r.reduce((s, p, i) => s + (i ? r[i - 1][0] * p[1] - p[0] * r[i - 1][1] : 0), 0));
    const [cx, cy] = centroid(outer.reduce((a, b) => (area(b) > area(a) ? b : a)));
    labels.push(`<text x="${r1(cx)}" y="${r1(cy + 3)}" text-anchor="middle" font-size="8" fill="#9c9c90">${esc(ward.name)}</text>`);
  }
  body += labels.join('');
  // Drawn in a fixed order, so the same places give the same picture whatever order they came in.
  const inOrder = [...points].sort((a, b) => String(a.kind).localeCompare(String(b.kind)) || a.lat - b.lat || a.lon - b.lon);
  for (const p of inOrder) {
    body += p.kind === 'school'
      ? `<rect x="${r1(px(p.lon) - 2.5)}" y="${r1(py(p.lat) - 2.5)}" width="5" height="5" fill="#8fa9c9"/>`
      : `<circle cx="${r1(px(p.lon))}" cy="${r1(py(p.lat))}" r="1.8" fill="#b5b5b5"/>`;
  }
  const maxScore = Math.max(1, ...hotspots.map((s) => s.score));
  for (const s of [...hotspots].sort((a, b) => b.rank - a.rank)) {
    const r = 6 + 14 * Math.sqrt(s.score / maxScore);
    body += `<circle cx="${r1(px(s.lon))}" cy="${r1(py(s.lat))}" r="${r1(r)}" fill="#c4501b" fill-opacity="0.55" stroke="#7a2e0c"><title>${esc(`${s.rank}. ${s.name}`)}</title></circle>`;
    body += `<text x="${r1(px(s.lon))}" y="${r1(py(s.lat) + 4)}" text-anchor="middle" font-weight="bold" fill="#fff">${s.rank}</text>`;
  }
  // Scale bar: 1 km.
  const km = (1 / 111.32) * k * scale;
  body += `<line x1="${pad}" x2="${r1(pad + km)}" y1="${h - 14}" y2="${h - 14}" stroke="#333" stroke-width="2"/><text x="${r1(pad + km + 6)}" y="${h - 10}">1 km</text>`;
  body += `<text x="${w - pad}" y="${h - 10}" text-anchor="end" fill="#555">${wards.length ? 'outlines: wards · ' : ''}grey dots: places · blue squares: schools · orange: hotspots by rank</text>`;
  return svg(w, h, title, body);
}
