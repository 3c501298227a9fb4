/**
 * "Briefing pack" (the generateBriefing mutation): a user holding an edition's capability (from
 * `me`) chooses quarter, edition and formats; the pack is logged as a disclosure by the server, then downloaded.
 */
import { gql, ApiError } from './api/client';
import { BriefingDocument, type BriefingEdition, type BriefingFormat, type BriefingMutation } from './api/generated/graphql';
import { quarters } from './panels/views';
import { can, state } from './state';
import { $, $input, $select, el, download } from './ui/dom';

type BriefingFile = BriefingMutation['generateBriefing']['files'][number];

/** Each edition of the pack is a capability of its own (server/platform/capabilities.ts). */
const EDITION_CAPABILITY: Record<string, string> = { RESTRICTED: 'briefing:restricted', PARTNER: 'briefing:partner' };
const editionsAllowed = (): string[] => Object.keys(EDITION_CAPABILITY).filter((e) => can(EDITION_CAPABILITY[e]));

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
  $('btn-briefing').addEventListener('click', () => {
    select.replaceChildren(...quarters().map((q) => el('option', { value: q }, q)));
    select.value = state.quarter;
    $('brief-status').textContent = '';
    ($('dlg-briefing') as HTMLDialogElement).showModal();
  });
  $('brief-cancel').addEventListener('click', () => ($('dlg-briefing') as HTMLDialogElement).close());
  $('brief-form').addEventListener('submit', (ev) => { ev.preventDefault(); void generate(); });
}

/** Offered only to a user holding an edition, with only the editions they hold. */
export function applyBriefingRole(): void {
  const allowed = editionsAllowed();
  $('btn-briefing').hidden = allowed.length === 0;
  const select = $select('brief-edition');
  for (const option of Array.from(select.options)) option.hidden = option.disabled = !allowed.includes(option.value);
  if (allowed.length) select.value = allowed.includes(select.value) ? select.value : allowed[0];
}
