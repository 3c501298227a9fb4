/**
 * Child-first language as you type: the same checker the server runs (server/language), run in
 * the browser on a text field. Each phrase is highlighted behind the text and listed below the
 * field with what to say instead; the list is the field's description (aria-describedby) and a
 * polite live region, so screen-reader users hear it when the findings change. "Show" selects
 * the phrase in the field, so keyboard users can go straight to it.
 */
import { checkLanguage, type Finding } from '../../../server/language/check';
import { el } from '../ui/dom';

export type TextField = HTMLTextAreaElement | HTMLInputElement;
const DELAY_MS = 300;

/** Character offset of each finding in the field's text. */
function offsets(text: string, findings: Finding[]): Array<{ start: number; end: number; finding: Finding }> {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  return findings.map((f) => {
    const start = lineStarts[f.line - 1] + f.column - 1;
    return { start, end: start + f.phrase.length, finding: f };
  });
}

function renderBackdrop(backdrop: HTMLElement, text: string, findings: Finding[]): void {
  const parts: Node[] = [];
  let at = 0;
  for (const { start, end, finding } of offsets(text, findings)) {
    parts.push(document.createTextNode(text.slice(at, start)));
    parts.push(el('mark', { class: finding.quoted ? 'lc-quoted' : 'lc-flag' }, text.slice(start, end)));
    at = end;
  }
  // A trailing newline needs a character after it to take up its line in the backdrop.
  parts.push(document.createTextNode(`${text.slice(at)}\u200b`));
  backdrop.replaceChildren(...parts);
}

function describe(f: Finding): string {
  return f.quoted
    ? ` is in quoted speech: keep the words as said, and record the harm from others.`
    : ` — say instead: ${f.suggestion}.`;
}

function renderList(list: HTMLElement, field: TextField, findings: Finding[]): void {
  if (!findings.length) {
    list.replaceChildren(el('p', { class: 'lc-ok' }, 'No phrases to reconsider.'));
    return;
  }
  const spans = offsets(field.value, findings);
  const items = spans.map(({ start, end, finding }) => {
    const show = el('button', { type: 'button', class: 'lc-show' }, 'Show');
    show.setAttribute('aria-label', `Show “${finding.phrase}” in the text`);
    show.addEventListener('click', () => { field.focus(); field.setSelectionRange(start, end); });
    return el('li', { 'data-rule': finding.rule }, show, ' ', el('span', { class: 'lc-phrase' }, `“${finding.phrase}”`), describe(finding));
  });
  const flagged = findings.filter((f) => !f.quoted).length;
  const heading = `${flagged} phrase${flagged === 1 ? '' : 's'} to reconsider (child-first language)${findings.length > flagged ? `; ${findings.length - flagged} in quoted speech` : ''}`;
  list.replaceChildren(el('p', { class: 'lc-heading' }, heading), el('ul', {}, ...items));
}

/**
 * Wraps `field` so its findings are highlighted and listed below it. Returns a function that
 * checks the current text at once (e.g. after the field is filled in by code).
 */
export function attachLanguageCheck(field: TextField): () => Finding[] {
  const wrap = el('div', { class: 'lc-wrap' });
  const backdrop = el('div', { class: 'lc-backdrop', 'aria-hidden': 'true' });
  const list = el('div', { id: `${field.id}-language`, class: 'lc-findings', role: 'status', 'aria-live': 'polite' });
  field.replaceWith(wrap);
  wrap.append(backdrop, field);
  wrap.after(list);
  const described = field.getAttribute('aria-describedby');
  field.setAttribute('aria-describedby', described ? `${described} ${list.id}` : list.id);
  field.classList.add('lc-field');

  let shown = '';
  let timer: number | undefined;
  const run = (): Finding[] => {
    window.clearTimeout(timer);
    const findings = checkLanguage(field.value);
    renderBackdrop(backdrop, field.value, findings);
    // The live region changes only when the findings do, so typing elsewhere is not announced.
    const key = JSON.stringify(findings.map((f) => [f.rule, f.phrase, f.quoted]));
    if (key !== shown) { shown = key; renderList(list, field, findings); }
    return findings;
  };
  field.addEventListener('input', () => {
    renderBackdrop(backdrop, field.value, []);
    window.clearTimeout(timer);
    timer = window.setTimeout(run, DELAY_MS);
  });
  field.addEventListener('scroll', () => { backdrop.scrollTop = field.scrollTop; });
  run();
  return run;
}
