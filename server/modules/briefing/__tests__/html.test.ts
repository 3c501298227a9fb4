/** The printed page (running header and footer, in CSS margin boxes) and how a table is printed. */
import { renderHtml, tableHtml, PackMeta } from '../html';
import { SUPPRESSED as c, Published } from '../disclosure';
import type { PackTable } from '../tables';

const meta = (title: string): PackMeta => ({
  title, marking: 'OFFICIAL-SENSITIVE', edition: 'partner', quarter: '2025-Q3', periodText: '2025-Q3 (1 July 2025 to 30 September 2025)',
  author: 'Lee Lead (lead)', created: '2025-10-20T09:00:00Z', reviewBy: '2026-01-20', sources: [], caveats: [],
});
const empty = { judgements: [], changes: [], sections: {}, recommendations: [], statements: [] };

describe('the printed page', () => {
  it('puts marking, title, period, edition, author, dates and page numbers in the page margins', () => {
    const html = renderHtml(meta('Briefing: Testbridge'), empty, []);
    const page = /@page \{[\s\S]*?\n\}/.exec(html)![0];
    expect(page).toMatch(/@top-left \{ content: "OFFICIAL-SENSITIVE";/);
    expect(page).toContain('@top-right { content: "Briefing: Testbridge · 2025-Q3 (1 July 2025 to 30 September 2025) · partner edition";');
    expect(page).toContain('@bottom-center { content: "Author Lee Lead (lead) · Created 20 October 2025 · Review by 20 January 2026";');
    expect(page).toContain('"Page " counter(page) " of " counter(pages)');
    expect(html).not.toMatch(/position:\s*fixed/);
  });

  it('a name from configuration cannot end the CSS string or the style element', () => {
    const html = renderHtml(meta('Briefing: North "Ward" \\ </style><script>x</script>'), empty, []);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    expect(style).toContain('content: "Briefing: North \\22 Ward\\22  \\5c  \\3c /style\\3e \\3c script\\3e x\\3c /script\\3e  · 2025-Q3');
    expect(html).not.toContain('<script>');
  });
});

describe('a table printed with its counts hidden', () => {
  const table = (cells: Published[][], colTotals: Published[]): PackTable => ({
    id: 'outcomes', title: 'Actions by outcome', unit: 'actions', rowHeader: 'Outcome', rows: ['Charged', 'Not known'], cols: ['2026-Q3', '2026-Q2'],
    cells, colTotals, keys: { cells: [['a', 'b'], ['c', 'd']], colTotals: ['e', 'f'] }, extra: [],
  });
  const why = /so that no count of 0 to 4 can be worked out/;

  it('says why when every count inside is "c", naming the count columns and the totals printed', () => {
    expect(tableHtml(table([[c, c], [c, c]], [598, 581])))
      .toContain('<p class="note">Every figure in the “2026-Q3” and “2026-Q2” columns is shown as "c", except the totals, so that no count of 0 to 4 can be worked out.</p>');
  });

  it('speaks of the one total printed as one', () => {
    expect(tableHtml({ ...table([[c, c], [c, c]], [c, c]), grandTotal: 26, keys: { cells: [['a', 'b'], ['c', 'd']], colTotals: ['e', 'f'], grandTotal: 'g' } }))
      .toContain('columns is shown as "c", except the total, so that');
  });

  it('does not claim printed totals when none is printed', () => {
    const html = tableHtml(table([[c, c], [c, c]], [c, c]));
    expect(html).toContain('Every figure in the “2026-Q3” and “2026-Q2” columns is shown as "c" so that');
    expect(html).not.toContain('except');
  });

  it('adds nothing when some count inside is printed', () => {
    expect(tableHtml(table([[40, c], [c, c]], [598, 581]))).not.toMatch(why);
  });
});
