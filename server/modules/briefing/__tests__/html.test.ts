/** The printed page's running header and footer: from the pack's metadata, in CSS margin boxes. */
import { renderHtml, PackMeta } from '../html';

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
