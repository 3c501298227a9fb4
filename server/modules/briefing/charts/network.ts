/**
 * A small network picture (no names): children as circles, adults linked by alleged exploitation
 * as dark squares. Deterministic force layout (Fruchterman–Reingold, fixed start on a circle).
 */
import { r1, svg } from './svg';

export interface NetNode { id: string; adult: boolean }
export interface NetEdge { a: string; b: string; exploitation: boolean }

export function layout(nodes: NetNode[], edges: NetEdge[], size: number): Map<string, [number, number]> {
  const n = nodes.length;
  const pos = nodes.map((_, i) => [Math.cos((2 * Math.PI * i) / Math.max(1, n)) * size * 0.35, Math.sin((2 * Math.PI * i) / Math.max(1, n)) * size * 0.35]);
  const index = new Map(nodes.map((nd, i) => [nd.id, i]));
  const k = (size * 0.8) / Math.sqrt(Math.max(1, n));
  let temp = size / 8;
  for (let iter = 0; iter < 150; iter += 1) {
    const disp = pos.map(() => [0, 0]);
    for (let i = 0; i < n; i += 1) for (let j = i + 1; j < n; j += 1) {
      const dx = pos[i][0] - pos[j][0] || 0.01;
      const dy = pos[i][1] - pos[j][1] || 0.01;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const f = (k * k) / d;
      disp[i][0] += (dx / d) * f; disp[i][1] += (dy / d) * f;
      disp[j][0] -= (dx / d) * f; disp[j][1] -= (dy / d) * f;
    }
    for (const e of edges) {
      const i = index.get(e.a)!;
      const j = index.get(e.b)!;
      const dx = pos[i][0] - pos[j][0];
      const dy = pos[i][1] - pos[j][1];
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const f = (d * d) / k;
      disp[i][0] -= (dx / d) * f; disp[i][1] -= (dy / d) * f;
      disp[j][0] += (dx / d) * f; disp[j][1] += (dy / d) * f;
    }
    for (let i = 0; i < n; i += 1) {
      // Gravity keeps unlinked members in view.
      disp[i][0] -= pos[i][0] * 0.6; disp[i][1] -= pos[i][1] * 0.6;
      const d = Math.max(0.01, Math.hypot(disp[i][0], disp[i][1]));
      pos[i][0] += (disp[i][0] / d) * Math.min(d, temp);
      pos[i][1] += (disp[i][1] / d) * Math.min(d, temp);
    }
    temp *= 0.97;
  }
  return new Map(nodes.map((nd, i) => [nd.id, [pos[i][0], pos[i][1]] as [number, number]]));
}

const compare = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

export function networkPicture(title: string, anyOrderNodes: NetNode[], anyOrderEdges: NetEdge[], size = 200): string {
  // The layout sums forces in input order; a fixed order gives the same picture for the same network.
  const nodes = [...anyOrderNodes].sort((x, y) => compare(x.id, y.id));
  const edges = [...anyOrderEdges].sort((x, y) => compare(x.a, y.a) || compare(x.b, y.b));
  const pos = layout(nodes, edges, size);
  const xs = [...pos.values()].map((p) => p[0]);
  const ys = [...pos.values()].map((p) => p[1]);
  const pad = 10;
  const span = Math.max(1e-6, Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const s = (size - 2 * pad) / span;
  const X = (v: number) => pad + (v - Math.min(...xs)) * s;
  const Y = (v: number) => pad + (v - Math.min(...ys)) * s;
  let body = `<rect x="0.5" y="0.5" width="${size - 1}" height="${size - 1}" fill="#fbfbfb" stroke="#ddd"/>`;
  for (const e of edges) {
    const [a, b] = [pos.get(e.a)!, pos.get(e.b)!];
    body += `<line x1="${r1(X(a[0]))}" y1="${r1(Y(a[1]))}" x2="${r1(X(b[0]))}" y2="${r1(Y(b[1]))}" stroke="${e.exploitation ? '#7a2e0c' : '#8aa1bd'}" stroke-width="${e.exploitation ? 1.4 : 1}"${e.exploitation ? ' stroke-dasharray="4,2"' : ''}/>`;
  }
  for (const nd of nodes) {
    const [x, y] = pos.get(nd.id)!;
    body += nd.adult
      ? `<rect x="${r1(X(x) - 4.5)}" y="${r1(Y(y) - 4.5)}" width="9" height="9" fill="#3a3a3a"/>`
      : `<circle cx="${r1(X(x))}" cy="${r1(Y(y))}" r="4.5" fill="#1f5fa8"/>`;
  }
  return svg(size, size, title, body);
}
