/** The pack's inline style sheet: screen and print (A4; the running header and footer are html.ts's @page rule). */
export const STYLE = `
:root { --ink: #1b1b1b; --muted: #555; --rule: #d0d0d0; --accent: #1f5fa8; --mark: #b00020; }
* { box-sizing: border-box; }
body { font-family: Helvetica, Arial, sans-serif; color: var(--ink); margin: 0; font-size: 10.5pt; line-height: 1.4; }
main { max-width: 190mm; margin: 0 auto; padding: 14mm 0; }
h1 { font-size: 20pt; margin: 0 0 4pt; color: var(--accent); }
h2 { font-size: 14pt; margin: 18pt 0 6pt; color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: 2pt; break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; }
p, li { margin: 3pt 0; }
.marking { color: var(--mark); font-weight: bold; letter-spacing: 0.05em; text-align: center; }
.meta { display: grid; grid-template-columns: 35mm 1fr; gap: 1pt 8pt; margin: 8pt 0; font-size: 9.5pt; }
.meta dt { color: var(--muted); } .meta dd { margin: 0; }
.edition { display: inline-block; padding: 1pt 6pt; border: 1px solid var(--mark); color: var(--mark); font-weight: bold; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 9pt; break-inside: auto; }
caption { text-align: left; font-weight: bold; padding: 2pt 0; caption-side: top; }
th, td { border: 1px solid var(--rule); padding: 2pt 5pt; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
td.text, th.text { text-align: left; }
thead th { background: #eef2f7; }
tr.total td { font-weight: bold; background: #f6f6f6; }
td.c { color: var(--muted); font-style: italic; }
tr { break-inside: avoid; }
table.keep { break-inside: avoid; }
td:first-child { white-space: nowrap; }
.judgement { border-left: 4px solid var(--accent); padding: 3pt 8pt; margin: 5pt 0; background: #f4f7fb; break-inside: avoid; }
.judgement .term { font-weight: bold; text-transform: uppercase; font-size: 8.5pt; color: var(--accent); }
.basis { color: var(--muted); font-size: 9pt; }
.yardstick-block { break-inside: avoid; }
.yardstick { display: flex; font-size: 7.5pt; margin: 6pt 0 10pt; }
.yardstick div { flex: 1; border: 1px solid var(--rule); padding: 2pt; text-align: center; background: #fafafa; }
.figure { margin: 6pt 0 10pt; break-inside: avoid; }
.figure figcaption { font-size: 8.5pt; color: var(--muted); }
.networks { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8pt; }
.networks figure { margin: 0; break-inside: avoid; font-size: 8.5pt; }
.note { font-size: 8.5pt; color: var(--muted); }
section { break-inside: auto; }
@media print {
  main { padding: 0; max-width: none; }
  /* Printed, every page carries the marking in its margins: the closing one would only add a page. */
  main > p.marking:last-child { display: none; }
  h2 { break-before: auto; }
  section.newpage { break-before: page; }
}
`;
