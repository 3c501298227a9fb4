/**
 * "Briefing pack" (the generateBriefing mutation): leads and admin choose quarter,
 * edition and formats; the pack is logged as a disclosure by the server, then downloaded.
 */
import { gql, ApiError } from './api/client';
import { BriefingDocument, type BriefingEdition, type BriefingFormat, type BriefingMutation } from './api/generated/graphql';
import { quarters } from './panels/views';
import { state } from './state';
import { $, $input, $select, el, download } from './ui/dom';

type BriefingFile = BriefingMutation['generateBriefing']['files'][number];

const mayBrief = (): boolean => ['lead', 'admin'].includes(state.viewer?.role ?? '');

function toBlob(f: BriefingFile): Blob {
  if (f.encoding !== 'base64') return new Blob([f.content], { type: f.mediaType });
  const bin = atob(f.content);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: f.mediaType });
}

async function generate(): Promise<void> {
  const formats = ['brief-pdf', 'brief-html', 'brief-csv'].map((id) => $input(id)).filter((b) => b.checked).map((b) => b.value as BriefingFormat);
  const status = $('brief-status');
  if (!formats.length) { status.textContent = 'Choose at least one format.'; return; }
  status.textContent = 'Building the pack… (a PDF takes a few seconds)';
  ($('brief-ok') as HTMLButtonElement).disabled = true;
  try {
    const d = await gql(BriefingDocument,
      { input: { quarter: $select('brief-quarter').value, edition: $select('brief-edition').value as BriefingEdition, formats, recipient: $input('brief-recipient').value.trim() || undefined } });
    for (const f of d.generateBriefing.files) download(f.name.replace(/\//g, '_'), toBlob(f));
    status.textContent = `${d.generateBriefing.files.length} file(s) downloaded; logged as disclosure #${d.generateBriefing.accessLogSeq}.`;
  } catch (e) {
    status.textContent = e instanceof ApiError ? e.message : 'Could not build the pack';
  } finally {
    ($('brief-ok') as HTMLButtonElement).disabled = false;
  }
}

export function initBriefing(): void {
  const select = $select('brief-quarter');
  select.replaceChildren(...quarters().map((q) => el('option', { value: q }, q)));
  $('btn-briefing').addEventListener('click', () => {
    select.value = state.quarter;
    $('brief-status').textContent = '';
    ($('dlg-briefing') as HTMLDialogElement).showModal();
  });
  $('brief-cancel').addEventListener('click', () => ($('dlg-briefing') as HTMLDialogElement).close());
  $('brief-form').addEventListener('submit', (ev) => { ev.preventDefault(); void generate(); });
}

/** Offered only to the roles the mutation serves. */
export function applyBriefingRole(): void {
  $('btn-briefing').hidden = !mayBrief();
}
