/** Small DOM helpers: typed lookup, safe text, toast, downloads. */

export function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`Missing element #${id}`);
  return el;
}
export const $input = (id: string): HTMLInputElement => $(id) as HTMLInputElement;
export const $select = (id: string): HTMLSelectElement => $(id) as HTMLSelectElement;

/** Create an element with text content only (never innerHTML for data). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs: Record<string, string> = {}, ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c != null) e.append(c);
  return e;
}

let toastTimer: number | undefined;
export function toast(message: string, ms = 3000): void {
  const t = $('toast');
  t.textContent = message;
  t.classList.add('show');
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => t.classList.remove('show'), ms);
}

export function download(filename: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = el('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

export function fmtDate(v: unknown): string {
  if (v == null || v === '') return '—';
  const s = String(v);
  return s.length > 16 ? s.slice(0, 16).replace('T', ' ') : s;
}
