/**
 * Exports: the canvas as PNG, the visible elements as CSV or JSON. Each is logged first as a
 * disclosure through the API (recordExport); no log entry, no file. A busy place's group node is
 * one row (its count and months), and it discloses its events: the log names each of them and
 * its link to the place.
 */
import { shown } from './graph/visible';
import { canvas } from './graph/canvas';
import { recordExport } from './api/queries';
import { ApiError } from './api/client';
import { gradingText } from './panels/detail';
import { state } from './state';
import { download, toast } from './ui/dom';

const stamp = (): string => new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
const base = (): string => (state.investigation?.name ?? 'network').replace(/[^\w-]+/g, '_').slice(0, 60);

/** The records an element on the map stands for: itself, or a group node's events and their links to its place. */
function recordIds(id: string): string[] {
  const cy = canvas();
  const e = cy.getElementById(id);
  if (!e.hasClass('aggregate')) return [id];
  if (!e.isNode()) return [];
  const context = e.data('context') as string;
  return (e.data('members') as string[]).flatMap((m) => [m, ...cy.getElementById(m).connectedEdges()
    .filter((l) => l.source().id() === context || l.target().id() === context).map((l) => l.id())]);
}

function visibleIds(): string[] {
  return shown(canvas()).map((e) => e.id()).flatMap(recordIds);
}

async function logged(format: 'PNG' | 'CSV' | 'JSON', ids: string[]): Promise<boolean> {
  try {
    await recordExport(format, ids, state.investigation?.id);
    return true;
  } catch (e) {
    toast(`Export not made: ${e instanceof ApiError ? e.message : 'the disclosure could not be logged'}`);
    return false;
  }
}

export async function exportPng(): Promise<void> {
  const cy = canvas();
  if (!shown(cy).length) { toast('Nothing on the map to export'); return; }
  if (!(await logged('PNG', visibleIds()))) return;
  const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 }) as unknown as Blob;
  download(`${base()}-${stamp()}.png`, blob);
  toast('PNG exported (logged as a disclosure)');
}

const csvCell = (v: unknown): string => {
  const s = v == null ? '' : Array.isArray(v) ? v.join('; ') : String(v);
  // Guard against spreadsheet formula injection as well as quoting.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** A group's first and last event days as an ISO interval ('2017-03-04/2017-11-11'). */
const span = (first?: string, last?: string): string => (first && last ? `${first.slice(0, 10)}/${last.slice(0, 10)}` : '');

export function visibleRows(): Record<string, unknown>[] {
  const cy = canvas();
  const nodes = shown(cy).nodes().map((n) => ({
    element: n.hasClass('aggregate') ? 'group' : 'node', id: n.id(), kind: n.data('kind'), name: n.data('name'), source: '', target: '', type: '',
    status: n.data('status') ?? '', grading: gradingText(n.data()), time: n.data('time') ?? span(n.data('first'), n.data('last')), reviewBy: n.data('reviewBy') ?? '',
  }));
  const edges = shown(cy).edges().map((e) => ({
    element: 'relationship', id: e.id(), kind: '', name: '', source: e.data('source'), target: e.data('target'), type: e.data('type'),
    status: e.data('status') ?? '', grading: gradingText(e.data()), time: e.data('time') ?? '', reviewBy: e.data('reviewBy') ?? '',
  }));
  return [...nodes, ...edges];
}

export async function exportTable(format: 'CSV' | 'JSON'): Promise<void> {
  const rows = visibleRows();
  if (!rows.length) { toast('Nothing on the map to export'); return; }
  if (!(await logged(format, rows.map((r) => String(r.id)).flatMap(recordIds)))) return;
  const marking = 'OFFICIAL-SENSITIVE';
  if (format === 'JSON') {
    const doc = { marking, exportedAt: new Date().toISOString(), exportedBy: state.viewer?.id, investigation: state.investigation?.name ?? null, elements: rows };
    download(`${base()}-${stamp()}.json`, new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
  } else {
    const cols = Object.keys(rows[0]);
    const text = [`# ${marking}`, cols.join(','), ...rows.map((r) => cols.map((c) => csvCell(r[c])).join(','))].join('\n');
    download(`${base()}-${stamp()}.csv`, new Blob([text], { type: 'text/csv' }));
  }
  toast(`${format} exported (logged as a disclosure)`);
}
