/** Legend generated from the same visual table as the canvas style. */
import { VISUALS, EVENT_COLOURS, type VisualClass } from '../graph/kinds';
import { stackIcon } from '../graph/style';
import { GATHER_ABOVE } from '../graph/busy';
import { $, el } from '../ui/dom';

const SHAPE_RADIUS: Partial<Record<string, string>> = { ellipse: '50%', 'round-rectangle': '4px', barrel: '6px' };

export function renderLegend(): void {
  const rows: HTMLElement[] = [];
  for (const [cls, v] of Object.entries(VISUALS) as [VisualClass, (typeof VISUALS)[VisualClass]][]) {
    if (cls === 'event') continue;
    const sw = el('span', { class: 'legend-swatch', 'aria-hidden': 'true' });
    sw.style.background = v.colour;
    sw.style.borderColor = v.border;
    sw.style.borderRadius = SHAPE_RADIUS[v.shape] ?? '0';
    if (v.shape === 'diamond') sw.style.transform = 'rotate(45deg) scale(.8)';
    if (cls === 'child' || cls === 'young-adult') sw.style.borderStyle = 'double';
    rows.push(el('div', { class: 'legend-row', title: v.description }, sw, `${v.label} (${v.shape.replace('round-', 'rounded ')})`));
  }
  for (const [kind, colour] of Object.entries(EVENT_COLOURS)) {
    const sw = el('span', { class: 'legend-swatch', 'aria-hidden': 'true' });
    sw.style.cssText = `background:${colour};border-color:${colour};width:10px;height:10px;border-radius:2px`;
    rows.push(el('div', { class: 'legend-row' }, sw, `${kind.replace(/([a-z])([A-Z])/g, '$1 $2')} (event)`));
  }
  const stack = el('span', { class: 'legend-swatch', 'aria-hidden': 'true' });
  stack.style.cssText = `background:url("${stackIcon(VISUALS.event.colour)}") center/contain no-repeat;border:0;width:20px;height:15px`;
  rows.push(el('div', { class: 'legend-row' }, stack, `Group of events at one place (more than ${GATHER_ABOVE} of one kind; Enter or double-click shows them)`));
  const line = (style: string, width: number, colour: string, text: string): HTMLElement => {
    const l = el('span', { class: 'legend-line', 'aria-hidden': 'true' });
    l.style.borderTop = `${width}px ${style} ${colour}`;
    return el('div', { class: 'legend-row' }, l, text);
  };
  rows.push(
    line('solid', 3, '#34495e', 'Confirmed link'), line('dashed', 3, '#34495e', 'Hypothesis (unconfirmed)'), line('dotted', 3, '#8f9aa5', 'Expired'),
    line('solid', 4, '#1b2631', 'Source A (reliable): thick'), line('solid', 1.5, '#8f9aa5', 'Source C / assessment 4–5: thin, pale'),
    line('solid', 3, '#2e7d32', 'Protective link'),
    el('p', { class: 'muted small' }, 'Node size: the score chosen under Layout (harm, hotspot score, connections).'),
  );
  $('legend').replaceChildren(...rows);
}
