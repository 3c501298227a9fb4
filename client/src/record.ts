/**
 * "Record an event" (the API's recordEvent): the type's own fields from the model, a summary,
 * the person and place selected on the map, and source and grading. Every free-text field is
 * checked for child-first language as it is typed; the server checks again and its warnings are
 * shown after recording (a warning never blocks the record).
 */
import { EVENT_LABELS } from '../../server/model/model';
import { INVOLVEMENT_ROLE, AGENCY } from '../../server/model/enums';
import { gql, ApiError } from './api/client';
import { RecordDocument, type Agency, type EventType, type InvolvementRole, type RecordEventInput } from './api/generated/graphql';
import { canvas } from './graph/canvas';
import { attachLanguageCheck } from './language/live-check';
import { renderEventFields, eventFieldValues } from './record-fields';
import { can, state } from './state';
import { $, $input, $select, el, toast } from './ui/dom';


/** Whether the viewer's capabilities include recording events. */
export const mayRecord = (): boolean => can('recordEvent');

const dialog = (): HTMLDialogElement => $('dlg-record') as HTMLDialogElement;

/** The person and the place selected on the map, if any. */
function selected(): { person?: { id: string; name: string }; place?: { id: string; name: string } } {
  const out: ReturnType<typeof selected> = {};
  canvas().nodes(':selected').forEach((n) => {
    const labels = (n.data('labels') ?? []) as string[];
    const item = { id: n.id(), name: String(n.data('name') ?? n.id()) };
    if (labels.includes('Person')) out.person ??= item;
    else if (labels.includes('Context') || ['Location', 'School', 'OnlineSpace'].some((l) => labels.includes(l))) out.place ??= item;
  });
  return out;
}

function openForm(): void {
  const s = selected();
  $('rec-person').textContent = s.person ? `Person: ${s.person.name}` : 'No person selected on the map (select one first to link them).';
  $('rec-place').textContent = s.place ? `Where: ${s.place.name}` : 'No place selected on the map.';
  $('rec-role-row').hidden = !s.person;
  $('rec-source-row').hidden = !!state.viewer?.agency;
  $('rec-status').textContent = '';
  dialog().dataset.person = s.person?.id ?? '';
  dialog().dataset.place = s.place?.id ?? '';
  dialog().showModal();
  $select('rec-type').focus();
}

/** The form's values; select values are the model's codes, which the form's options come from. */
function input(): RecordEventInput {
  const type = $select('rec-type').value as EventType;
  const d = dialog().dataset;
  const opt = (id: string): string | undefined => $input(id).value.trim() || undefined;
  const summary = opt('rec-summary');
  return {
    type,
    occurredAt: new Date($input('rec-when').value).toISOString(),
    fields: [...eventFieldValues($('rec-fields'), type), ...(summary ? [{ field: 'summary', value: summary }] : [])],
    people: d.person ? [{ personId: d.person, role: $select('rec-role').value as InvolvementRole }] : [],
    placeId: d.place || undefined,
    provenance: {
      // Users of an agency record as that agency (the server sets it); others say which agency.
      source: state.viewer?.agency ? undefined : $select('rec-source').value as Agency,
      sourceRef: $input('rec-ref').value.trim(), sourceEval: $select('rec-eval').value, assessment: $select('rec-assessment').value,
      handling: $select('rec-handling').value, conditions: opt('rec-conditions'), reviewBy: $input('rec-review').value,
    },
  };
}

async function submit(): Promise<void> {
  const status = $('rec-status');
  status.textContent = 'Recording…';
  try {
    const r = (await gql(RecordDocument, { input: input() })).recordEvent;
    const flagged = r.warnings.filter((w) => !w.quoted);
    status.replaceChildren(`Recorded ${r.ids[0]}.`, ...(flagged.length ? [` ${flagged.length} phrase(s) to reconsider: `,
      el('ul', {}, ...flagged.map((w) => el('li', {}, `${w.field}: “${w.phrase}” — say instead: ${w.suggestion}`)))] : []));
    toast(`Recorded ${r.ids[0]}`);
  } catch (e) {
    status.textContent = e instanceof ApiError ? e.message : 'Could not record the event';
  }
}

export function initRecording(): void {
  $select('rec-type').replaceChildren(...EVENT_LABELS.map((l) => el('option', { value: l }, l.replace(/([a-z])([A-Z])/g, '$1 $2'))));
  $select('rec-source').replaceChildren(...Object.entries(AGENCY).map(([code, name]) => el('option', { value: code }, String(name))));
  $select('rec-role').replaceChildren(...INVOLVEMENT_ROLE.map((r) => el('option', { value: r }, r)));
  const render = (): void => {
    renderEventFields($('rec-fields'), $select('rec-type').value);
    // Support is offered to the person it is about; other events start from the victim role.
    $select('rec-role').value = $select('rec-type').value === 'Support' ? 'subject' : INVOLVEMENT_ROLE[0];
  };
  $select('rec-type').addEventListener('change', render);
  render();
  attachLanguageCheck($('rec-summary') as HTMLTextAreaElement);
  attachLanguageCheck($('rec-conditions') as HTMLTextAreaElement);
  $('btn-record').addEventListener('click', openForm);
  $('rec-cancel').addEventListener('click', () => dialog().close());
  $('rec-form').addEventListener('submit', (ev) => { ev.preventDefault(); void submit(); });
}

/** Offered only to the roles the mutation serves. */
export function applyRecordingRole(): void {
  $('btn-record').hidden = !mayRecord();
}
