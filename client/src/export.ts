/**
 * Exports: the canvas as PNG, the visible elements as CSV or JSON. Each is logged first as a
 * disclosure through the API (recordExport); no log entry, no file.
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

function visibleIds(): string[] {
  return shown(canvas()).map((e) => e.id());
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

export function visibleRows(): Record<string, unknown>[] {
  const cy = canvas();
  const nodes = shown(cy).nodes().map((n) => ({
    element: 'node', id: n.id(), kind: n.data('kind'), name: n.data('name'), source: '', target: '', type: '',
    status: n.data('status') ?? '', grading: gradingText(n.data()), time: n.data('time') ?? '', reviewBy: n.data('reviewBy') ?? '',
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
  if (!(await logged(format, rows.map((r) => String(r.id))))) return;
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
