/**
 * Time window over the data period (the months from the first to the last event the user may
 * see): two monthly sliders, and playback that slides a three-month window forward. The sliders
 * cover a range of at most MAX_SPAN_MONTHS, the whole period when it fits, else its most recent
 * months; two month inputs move or narrow that range. Filters events by occurredAt and links by
 * validFrom; at the two ends of the whole period nothing is filtered ("(all)").
 */
import { refresh } from '../graph/actions';
import { state } from '../state';
import { $, $input } from '../ui/dom';
import { clampSpan, defaultSpan, monthEnd, monthKey, monthName, monthStart, parseMonthKey, type Month, type MonthSpan } from '../period';

/** The most months the sliders offer at once: ten years, a few pixels a month on a laptop. */
export const MAX_SPAN_MONTHS = 120;
/** Playback's window, in months. */
const PLAY_MONTHS = 3;

let span: MonthSpan = { first: 0, last: 0 };
let playTimer: number | undefined;

const lastIndex = (): number => span.last - span.first;

/** Show the range on the sliders and in the month inputs, the sliders at its two ends. */
function setSpan(next: MonthSpan, from = next.first, to = next.last): void {
  span = next;
  for (const id of ['time-from', 'time-to']) $input(id).max = String(lastIndex());
  $input('span-from').value = monthKey(span.first);
  $input('span-to').value = monthKey(span.last);
  $input('time-from').value = String(Math.max(0, Math.min(from - span.first, lastIndex())));
  $input('time-to').value = String(Math.max(Number($input('time-from').value), Math.min(to - span.first, lastIndex())));
}

/** The months chosen on the sliders. */
const chosen = (): [Month, Month] => [span.first + Number($input('time-from').value), span.first + Number($input('time-to').value)];

function apply(): void {
  const [from, to] = chosen();
  const period = state.period;
  const full = from === period.first && to === period.last;
  state.filters.from = full ? undefined : monthStart(from);
  state.filters.to = full ? undefined : monthEnd(to);
  $('time-label').textContent = `${monthName(from)} – ${monthName(to)}${full ? ' (all)' : ''}`;
  refresh();
}

/**
 * Show the window from one month to another (inclusive) and apply it. The sliders' range moves
 * to hold it, within the period and MAX_SPAN_MONTHS.
 */
export function setWindow(from: Month, to: Month): void {
  const period = state.period;
  const f = Math.min(Math.max(from, period.first), period.last);
  const t = Math.min(Math.max(to, f), period.last);
  if (f < span.first || t > span.last) setSpan(clampSpan({ first: Math.min(f, span.first), last: Math.max(t, span.last) }, period, MAX_SPAN_MONTHS, t > span.last ? 'last' : 'first'), f, t);
  else setSpan(span, f, t);
  apply();
}

/** The whole period (or its most recent MAX_SPAN_MONTHS), nothing filtered when that is all of it. */
export function resetWindow(): void {
  stopPlayback();
  setSpan(defaultSpan(state.period, MAX_SPAN_MONTHS));
  apply();
}

/** The window as saved with an investigation: 'YYYY-MM' twice, or null for the whole period. */
export function windowMonths(): [string, string] | null {
  const [from, to] = chosen();
  return from === state.period.first && to === state.period.last ? null : [monthKey(from), monthKey(to)];
}

export function stopPlayback(): void {
  window.clearInterval(playTimer);
  playTimer = undefined;
  $('btn-play').setAttribute('aria-pressed', 'false');
  $('btn-play').textContent = 'Play';
}

function togglePlayback(): void {
  if (playTimer) return stopPlayback();
  let start = span.first;
  setWindow(start, start + PLAY_MONTHS - 1);
  $('btn-play').setAttribute('aria-pressed', 'true');
  $('btn-play').textContent = 'Pause';
  playTimer = window.setInterval(() => {
    start++;
    if (start + PLAY_MONTHS - 1 > span.last) { stopPlayback(); return; }
    setWindow(start, start + PLAY_MONTHS - 1);
  }, 900);
}

/** The reader typed or picked a month for one end of the sliders' range. */
function onSpanInput(end: 'first' | 'last'): void {
  const input = $input(end === 'first' ? 'span-from' : 'span-to');
  const month = parseMonthKey(input.value);
  if (month === undefined) return;
  stopPlayback();
  setSpan(clampSpan({ ...span, [end]: month }, state.period, MAX_SPAN_MONTHS, end));
  apply();
}

export function initTimebar(): void {
  for (const id of ['time-from', 'time-to']) {
    const s = $input(id);
    s.min = '0';
    s.step = '1';
    s.addEventListener('input', () => {
      const f = $input('time-from');
      const t = $input('time-to');
      if (Number(f.value) > Number(t.value)) (id === 'time-from' ? t : f).value = (id === 'time-from' ? f : t).value;
      apply();
    });
  }
  $input('span-from').addEventListener('change', () => onSpanInput('first'));
  $input('span-to').addEventListener('change', () => onSpanInput('last'));
  // A cleared or half-typed month goes back to the range shown.
  for (const id of ['span-from', 'span-to']) $input(id).addEventListener('blur', () => setSpan(span, ...chosen()));
  $('btn-play').addEventListener('click', togglePlayback);
}

/** The period the user may see changed (sign-in): its months on the sliders, the whole window. */
export function showPeriod(): void {
  for (const id of ['span-from', 'span-to']) {
    $input(id).min = monthKey(state.period.first);
    $input(id).max = monthKey(state.period.last);
  }
  resetWindow();
}
