/**
 * The borough map: every place and school as a faint dot at its coordinates (equirectangular,
 * x scaled by cos(latitude)), hotspots as circles sized by harm score and numbered by rank.
 */
import { esc, r1, svg } from './svg';

export interface MapPoint { lat: number; lon: number; kind: string }
export interface MapHotspot { lat: number; lon: number; rank: number; score: number; name: string }

export function boroughMap(title: string, points: MapPoint[], hotspots: MapHotspot[], w = 640, h = 420): string {
  const all = [...points, ...hotspots];
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
  body += `<text x="${w - pad}" y="${h - 10}" text-anchor="end" fill="#555">grey dots: places · blue squares: schools · orange: hotspots by rank</text>`;
  return svg(w, h, title, body);
}
