/**
 * Time window: two monthly sliders over the data span (2024-10 … 2026-09) and playback that
 * slides a three-month window forward. Filters events by occurredAt and links by validFrom.
 */
import { refresh } from '../graph/actions';
import { state } from '../state';
import { $, $input } from '../ui/dom';

const START = { y: 2024, m: 10 };
const MONTHS = 24;
let playTimer: number | undefined;

const monthAt = (i: number): { y: number; m: number } => {
  const t = START.y * 12 + (START.m - 1) + i;
  return { y: Math.floor(t / 12), m: (t % 12) + 1 };
};
const pad = (n: number): string => String(n).padStart(2, '0');
export const monthStart = (i: number): string => { const { y, m } = monthAt(i); return `${y}-${pad(m)}-01`; };
export const monthEnd = (i: number): string => {
  const { y, m } = monthAt(i);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${pad(m)}-${pad(last)}`;
};
const monthName = (i: number): string => {
  const { y, m } = monthAt(i);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
};

/** Set the window by month indexes (0 = Oct 2024) and apply it. */
export function setWindow(from: number, to: number): void {
  const f = $input('time-from');
  const t = $input('time-to');
  f.value = String(Math.max(0, Math.min(from, MONTHS - 1)));
  t.value = String(Math.max(Number(f.value), Math.min(to, MONTHS - 1)));
  apply();
}

function apply(): void {
  const from = Number($input('time-from').value);
  const to = Number($input('time-to').value);
  const full = from === 0 && to === MONTHS - 1;
  state.filters.from = full ? undefined : monthStart(from);
  state.filters.to = full ? undefined : monthEnd(to);
  $('time-label').textContent = `${monthName(from)} – ${monthName(to)}${full ? ' (all)' : ''}`;
  refresh();
}

export function stopPlayback(): void {
  window.clearInterval(playTimer);
  playTimer = undefined;
  $('btn-play').setAttribute('aria-pressed', 'false');
  $('btn-play').textContent = 'Play';
}

function togglePlayback(): void {
  if (playTimer) return stopPlayback();
  let start = 0;
  setWindow(start, start + 2);
  $('btn-play').setAttribute('aria-pressed', 'true');
  $('btn-play').textContent = 'Pause';
  playTimer = window.setInterval(() => {
    start++;
    if (start + 2 >= MONTHS) { stopPlayback(); return; }
    setWindow(start, start + 2);
  }, 900);
}

export function initTimebar(): void {
  for (const id of ['time-from', 'time-to']) {
    const s = $input(id);
    s.min = '0';
    s.max = String(MONTHS - 1);
    s.step = '1';
    s.addEventListener('input', () => {
      const f = $input('time-from');
      const t = $input('time-to');
      if (Number(f.value) > Number(t.value)) (id === 'time-from' ? t : f).value = (id === 'time-from' ? f : t).value;
      apply();
    });
  }
  $input('time-from').value = '0';
  $input('time-to').value = String(MONTHS - 1);
  $('btn-play').addEventListener('click', togglePlayback);
  apply();
}

export const windowIndexes = (): [number, number] => [Number($input('time-from').value), Number($input('time-to').value)];
