/** Workspace entry: sign in, then build the canvas and panels the role may use. */
import { getToken } from './api/client';
import { dataPeriod, me, wards } from './api/queries';
import { setWards } from './graph/wards';
import { createCanvas, canvas } from './graph/canvas';
import { refresh } from './graph/actions';
import { loadScores } from './graph/scores';
import { initCanvasUi } from './panels/canvas-ui';
import { initSearch } from './panels/search';
import { renderFilters } from './panels/filters-panel';
import { renderLegend } from './panels/legend';
import { initTimebar, showPeriod } from './panels/timebar';
import { initViews } from './panels/views';
import { initInvestigations, open, deepLinkId } from './investigations';
import { exportPng, exportTable } from './export';
import { initSignIn, showSignIn, initJustification } from './session';
import { initBriefing, applyBriefingRole } from './briefing';
import { initRecording, applyRecordingRole } from './record';
import { can, state, type Viewer } from './state';
import { periodMonths, quarterOfMonth } from './period';
import { $ } from './ui/dom';

let started = false;

function applyRole(v: Viewer): void {
  const data = can('search');
  $('user-badge').textContent = `${v.name} · ${v.role}${v.agency ? ` · ${v.agency}` : ''}${v.pseudonymised ? ' · pseudonymised' : ''}`;
  document.body.classList.toggle('no-map', !can('neighbourhood'));
  // What a role may not use is not offered (the API refuses it anyway).
  $('search-input').closest('.search')!.toggleAttribute('hidden', !data);
  for (const sel of ['.sidebar', '.toolbar', '.timebar', '#cy']) document.querySelector(sel)!.toggleAttribute('hidden', !can('neighbourhood'));
  $('btn-open-inv').hidden = !can('investigations');
  $('btn-save-inv').hidden = $('btn-new-inv').hidden = !can('saveInvestigation');
  (document.querySelector('#size-by option[value="harm"]') as HTMLOptionElement).hidden = !can('highHarmPersonsOfConcern');
  for (const id of ['export-label', 'btn-export-png', 'btn-export-csv', 'btn-export-json']) $(id).hidden = !can('recordExport');
}

async function start(v: Viewer): Promise<void> {
  state.viewer = v;
  // The quarters and months offered are those of the data this user may see (without an
  // answer, the year to this month).
  state.period = periodMonths(can('dataPeriod') ? await dataPeriod().catch(() => undefined) : undefined);
  state.quarter = quarterOfMonth(state.period.last);
  // Ward boundaries are drawn under the geographic layout; the map works without them.
  if (can('wards')) void wards().then(setWards, () => setWards([]));
  $('signin').hidden = true;
  $('app').hidden = false;
  if (!started) {
    started = true;
    createCanvas($('cy'));
    initCanvasUi();
    initSearch();
    renderLegend();
    renderFilters();
    initTimebar();
    initInvestigations();
    initBriefing();
    initRecording();
    $('btn-export-png').addEventListener('click', () => void exportPng());
    $('btn-export-csv').addEventListener('click', () => void exportTable('CSV'));
    $('btn-export-json').addEventListener('click', () => void exportTable('JSON'));
  }
  applyRole(v);
  showPeriod();
  applyBriefingRole();
  applyRecordingRole();
  initViews();
  canvas().resize();
  refresh();
  void loadScores(state.quarter).then((changed) => { if (changed) refresh(); });
  document.body.dataset.ready = 'true';
  const link = deepLinkId();
  if (link && can('investigations')) await open(link);
  $('search-input').focus();
}

async function boot(): Promise<void> {
  initJustification();
  initSignIn((v) => void start(v));
  if (getToken()) {
    try {
      await start(await me());
      return;
    } catch {
      // Expired or revoked token: sign in again.
    }
  }
  showSignIn();
}

void boot();
