/** Renders the pack as one self-contained HTML document (inline CSS and SVG; no scripts, no links out). */
import { SUPPRESSED, Published } from './disclosure';
import { esc } from './charts/svg';
import { STYLE } from './style';
import type { PackTable } from './tables';
import type { Judgement, Narrative } from './narrative';
import { PHIA } from './narrative';
import { dateText } from './labels';

export interface PackMeta {
  title: string;
  marking: string;
  edition: 'restricted' | 'partner';
  quarter: string;
  periodText: string;
  author: string;
  created: string;
  reviewBy: string;
  sources: string[];
  caveats: string[];
}

export interface PackSection { id: string; title: string; paragraphs: string[]; tables: string[]; figures: Array<{ svg: string; caption: string }>; html?: string; newPage?: boolean }

const td = (v: Published | string, cls = ''): string =>
  v === SUPPRESSED ? '<td class="c">c</td>' : `<td${cls ? ` class="${cls}"` : ''}>${esc(typeof v === 'number' ? v.toLocaleString('en-GB') : v)}</td>`;

export function tableHtml(t: PackTable): string {
  const before = t.extra.filter((e) => e.before);
  const after = t.extra.filter((e) => !e.before);
  const head = [`<th class="text">${esc(t.rowHeader)}</th>`, ...before.map((e) => `<th class="text">${esc(e.header)}</th>`),
    ...t.cols.map((c) => `<th>${esc(c)}</th>`), ...(t.rowTotals ? ['<th>Total</th>'] : []), ...after.map((e) => `<th${e.text ? ' class="text"' : ''}>${esc(e.header)}</th>`)];
  const rows = t.rows.map((r, i) => `<tr><td>${esc(r)}</td>${before.map((e) => td(e.values[i], 'text')).join('')}${t.cells[i].map((v) => td(v)).join('')}`
    + `${t.rowTotals ? td(t.rowTotals[i]) : ''}${after.map((e) => td(e.values[i], e.text ? 'text' : '')).join('')}</tr>`);
  if (t.colTotals) {
    rows.push(`<tr class="total"><td>Total</td>${before.map(() => '<td></td>').join('')}${t.colTotals.map((v) => td(v)).join('')}`
      + `${t.rowTotals ? td(t.grandTotal ?? '') : ''}${after.map(() => '<td></td>').join('')}</tr>`);
  } else if (t.grandTotal !== undefined && !t.rowTotals) {
    rows.push(`<tr class="total"><td>Total</td><td colspan="${t.cols.length + t.extra.length}">${t.grandTotal}</td></tr>`);
  }
  const empty = t.rows.length === 0 ? `<tr><td colspan="${head.length}" class="text">None recorded this quarter.</td></tr>` : '';
  const keep = t.rows.length <= 14 ? ' class="keep"' : '';
  return `<table id="t-${esc(t.id)}"${keep}><caption>${esc(t.title)} <span class="note">(${esc(t.unit)})</span></caption><thead><tr>${head.join('')}</tr></thead>`
    + `<tbody>${rows.join('')}${empty}</tbody></table>${allHiddenNote(t)}${t.note ? `<p class="note">${esc(t.note)}</p>` : ''}`;
}

/**
 * A table whose every count inside is "c" says why, so that it is not read as missing data. It
 * names the count columns (other columns, such as a population, are printed). The sentence follows
 * from the published pattern alone and tells a reader nothing more.
 */
function allHiddenNote(t: PackTable): string {
  const inside = t.cells.flat();
  if (inside.length === 0 || inside.some((v) => v !== SUPPRESSED)) return '';
  const totals = [...(t.rowTotals ?? []), ...(t.colTotals ?? []), ...(t.grandTotal === undefined ? [] : [t.grandTotal])];
  const names = t.cols.map((c) => `“${c}”`);
  const columns = names.length === 1 ? `the ${names[0]} column` : `the ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} columns`;
  const printed = totals.filter((v) => v !== SUPPRESSED).length;
  const except = printed === 0 ? '' : printed === 1 ? ', except the total,' : ', except the totals,';
  return `<p class="note">Every figure in ${esc(columns)} is shown as "c"${except} so that no count of 0 to 4 can be worked out.</p>`;
}

function judgementHtml(j: Judgement): string {
  return `<div class="judgement"><span class="term">${esc(j.likelihood)}</span><p>It is ${esc(j.likelihood)} ${esc(j.text)}.</p><p class="basis">Basis: ${esc(j.basis)}</p></div>`;
}

/** A CSS string: quotes, backslashes, line breaks and angle brackets as hex escapes (nothing can end the style element). */
const cssString = (s: string): string => `"${s.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

/**
 * The printed page: A4, with the marking, title, period and edition at the top and the marking,
 * author, dates and page number at the bottom of every page, in the page margins (CSS margin
 * boxes), so they never sit over the content. The PDF printer and a browser's print use the same.
 */
function pageRule(meta: PackMeta): string {
  const box = (content: string, style = '') => `{ content: ${content}; font: 7pt Helvetica, Arial, sans-serif; color: #333; ${style} }`;
  const mark = 'color: #b00020; font-weight: bold;';
  return `@page { size: A4; margin: 18mm 12mm;
  @top-left ${box(cssString(meta.marking), `${mark} width: 35mm;`)}
  @top-right ${box(cssString(`${meta.title} · ${meta.periodText} · ${meta.edition} edition`), 'text-align: right;')}
  @bottom-left ${box(cssString(meta.marking), `${mark} width: 35mm;`)}
  @bottom-center ${box(cssString(`Author ${meta.author} · Created ${dateText(meta.created)} · Review by ${dateText(meta.reviewBy)}`))}
  @bottom-right ${box('"Page " counter(page) " of " counter(pages)', 'text-align: right; width: 25mm;')}
}`;
}

export function renderHtml(meta: PackMeta, narrative: Narrative, sections: PackSection[]): string {
  const header = `<header>
<p class="marking">${esc(meta.marking)}</p>
<h1>${esc(meta.title)}</h1>
<p><span class="edition">${meta.edition === 'partner' ? 'PARTNER EDITION: disclosure-controlled, no names' : 'RESTRICTED EDITION: need to know'}</span></p>
<dl class="meta">
<dt>Period</dt><dd>${esc(meta.periodText)}</dd>
<dt>Author</dt><dd>${esc(meta.author)}</dd>
<dt>Created</dt><dd>${esc(dateText(meta.created))}</dd>
<dt>Review by</dt><dd>${esc(dateText(meta.reviewBy))}</dd>
<dt>Data sources</dt><dd>${esc(meta.sources.join('; ') || 'none')}</dd>
<dt>Caveats</dt><dd>${meta.caveats.map(esc).join(' ')}</dd>
</dl></header>`;
  const yardstick = `<div class="yardstick">${PHIA.map((p) => `<div><b>${esc(p.term)}</b><br>${esc(p.range)}</div>`).join('')}</div>`;
  const body = [
    `<section id="key-judgements"><h2>Key judgements</h2>${narrative.judgements.map(judgementHtml).join('') || '<p>No judgements: too little data this quarter.</p>'}`
      + `<div class="yardstick-block"><p class="note">Probability yardstick (PHIA):</p>${yardstick}</div></section>`,
    `<section id="what-changed"><h2>What changed since last quarter</h2><ul>${narrative.changes.map((c) => `<li>${esc(c)}</li>`).join('')}</ul></section>`,
    ...sections.map((s) => `<section id="${esc(s.id)}"${s.newPage ? ' class="newpage"' : ''}><h2>${esc(s.title)}</h2>${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}`
      + `${s.figures.map((f) => `<figure class="figure">${f.svg}<figcaption>${esc(f.caption)}</figcaption></figure>`).join('')}${s.tables.join('')}${s.html ?? ''}</section>`),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${esc(`${meta.marking} – ${meta.title} – ${meta.periodText}`)}</title>
<style>${STYLE}${pageRule(meta)}</style></head>
<body>
<main>${header}${body}
<p class="marking">${esc(meta.marking)}</p></main></body></html>`;
}
