/**
 * The fields of the "Record an event" form that depend on the event type, built from the one
 * model (server/model): a select for each code list, a number or date input, and a text area for
 * each free-text field (checked for child-first language as you type). A list field takes one
 * item a line.
 */
import { NODE_KINDS, PROVENANCE, type PropSpec } from '../../server/model/model';
import { DISRUPTION_TACTIC, EXPLOITATION_TYPE, REFERRAL_TYPE, SUPPORT_OUTCOME, SUPPORT_PROGRAMME } from '../../server/model/enums';
import { attachLanguageCheck } from './language/live-check';
import { el } from './ui/dom';

/** Fields the form asks for elsewhere (provenance, time, summary) or that are made for the user. */
const ASKED_ELSEWHERE = new Set([...Object.keys(PROVENANCE), 'id', 'source', 'sharedWith', 'borough', 'occurredAt', 'summary']);

/** Code lists whose codes have words in the model: the option shows the words, the value stays the code. */
const CODE_WORDS: Record<string, Readonly<Record<string, string>>> = {
  programme: SUPPORT_PROGRAMME, supportOutcome: SUPPORT_OUTCOME, tactic: DISRUPTION_TACTIC, exploitationType: EXPLOITATION_TYPE, referralType: REFERRAL_TYPE,
};

const words = (field: string): string => field.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

export const eventFields = (label: string): Array<[string, PropSpec]> =>
  Object.entries(NODE_KINDS.find((k) => k.label === label)?.props ?? {}).filter(([f]) => !ASKED_ELSEWHERE.has(f));

function control(id: string, field: string, spec: PropSpec): HTMLElement {
  const req: Record<string, string> = spec.required ? { required: '' } : {};
  switch (spec.type) {
    case 'enum':
      return el('select', { id, ...req }, ...(spec.required ? [] : [el('option', { value: '' }, '—')]),
        ...(spec.values ?? []).map((v) => el('option', { value: v }, CODE_WORDS[field]?.[v] ?? v.replace(/_/g, ' '))));
    case 'bool':
      return el('select', { id, ...req }, el('option', { value: '' }, '—'), el('option', { value: 'yes' }, 'Yes'), el('option', { value: 'no' }, 'No'));
    case 'int': case 'float':
      return el('input', { id, type: 'number', step: spec.type === 'int' ? '1' : 'any', ...req });
    case 'date':
      return el('input', { id, type: 'date', ...req });
    case 'datetime':
      return el('input', { id, type: 'datetime-local', ...req });
    default:
      return el('textarea', { id, rows: spec.type === 'string[]' ? '3' : '2', ...req });
  }
}

/** Renders the type's fields into `box`; free-text ones get the language check. */
export function renderEventFields(box: HTMLElement, label: string): void {
  box.replaceChildren();
  for (const [field, spec] of eventFields(label)) {
    const id = `rec-f-${field}`;
    const hint = spec.type === 'string[]' ? ' (one a line)' : '';
    box.append(el('label', { for: id }, `${words(field)}${hint}${spec.required ? ' (required)' : ''}`), control(id, field, spec));
    const c = box.querySelector<HTMLTextAreaElement>(`textarea#${id}`);
    if (c) attachLanguageCheck(c);
  }
}

/** The filled-in fields as the API's FieldValue list (a list field joined with "|"). */
export function eventFieldValues(box: HTMLElement, label: string): Array<{ field: string; value: string }> {
  const out: Array<{ field: string; value: string }> = [];
  for (const [field, spec] of eventFields(label)) {
    const c = box.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`#rec-f-${field}`);
    const raw = c?.value.trim() ?? '';
    if (!raw) continue;
    const value = spec.type === 'string[]' ? raw.split('\n').map((s) => s.trim()).filter(Boolean).join('|')
      : spec.type === 'datetime' ? new Date(raw).toISOString() : raw;
    out.push({ field, value });
  }
  return out;
}
