/** Sign-in screen, sign-out, and the justification dialog (asked once per investigation). */
import { signIn, setToken, onJustificationNeeded, setJustification, type Justification } from './api/client';
import { me } from './api/queries';
import { state, type Viewer } from './state';
import { $, $input, $select, el } from './ui/dom';

export function showSignIn(message = ''): void {
  $('app').hidden = true;
  $('signin').hidden = false;
  $('signin-error').textContent = message;
  $input('signin-user').focus();
}

export function initSignIn(onSignedIn: (v: Viewer) => void): void {
  $('signin-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('signin-error').textContent = '';
    try {
      await signIn($input('signin-user').value.trim(), $input('signin-password').value);
      const v = await me();
      onSignedIn(v);
    } catch (e) {
      $('signin-error').textContent = (e as Error).message;
    }
  });
  $('btn-signout').addEventListener('click', () => {
    setToken(null);
    setJustification(undefined);
    state.viewer = undefined;
    location.hash = '';
    location.reload();
  });
}

/** The server's rule (server/platform/justification.ts): a case reference, or a reason of 10 visible characters. */
const CASE_REFERENCE = /^(?=[^\d]*\d)[A-Za-z0-9][A-Za-z0-9/_.-]{3,39}$/;
const visibleCount = (s: string): number => s.match(/[\p{L}\p{N}\p{P}\p{S}]/gu)?.length ?? 0;

/** What is wrong with the text typed, or '' when the server will take it (it checks again). */
export function justificationTextProblem(text: string): string {
  if (!text) return 'Give a case reference or a reason.';
  if (CASE_REFERENCE.test(text) || visibleCount(text) >= 10) return '';
  return 'Give a case reference (such as CASE-2025-0042) or at least 10 characters saying why.';
}

function fillPurposes(select: HTMLSelectElement): void {
  const purposes = state.viewer?.justificationPurposes ?? [];
  const keep = select.value;
  select.replaceChildren(el('option', { value: '' }, 'Choose a purpose…'), ...purposes.map((p) => el('option', { value: p.code }, p.label)));
  if (purposes.some((p) => p.code === keep)) select.value = keep;
}

/** Ask for the access justification; resolves undefined if the user cancels. `problem`: the server's refusal of the last one. */
export function askJustification(problem?: string): Promise<Justification | undefined> {
  const dlg = $('dlg-justification') as HTMLDialogElement;
  const purpose = $select('just-purpose');
  const input = $input('just-input');
  const error = $('just-error');
  fillPurposes(purpose);
  input.value = '';
  error.textContent = problem ?? '';
  const invalid = (field: HTMLElement, bad: boolean): void => { field.setAttribute('aria-invalid', String(bad)); };
  invalid(purpose, false);
  invalid(input, Boolean(problem));
  return new Promise((resolve) => {
    const done = (v: Justification | undefined): void => {
      $('just-form').removeEventListener('submit', submit);
      $('just-cancel').removeEventListener('click', cancel);
      dlg.removeEventListener('cancel', cancel);
      dlg.close();
      resolve(v);
    };
    const submit = (ev: Event): void => {
      ev.preventDefault();
      const text = input.value.replace(/\s+/g, ' ').trim();
      const textProblem = justificationTextProblem(text);
      invalid(purpose, !purpose.value);
      invalid(input, Boolean(textProblem));
      if (!purpose.value) { error.textContent = 'Choose a purpose.'; purpose.focus(); return; }
      if (textProblem) { error.textContent = textProblem; input.focus(); return; }
      done({ purpose: purpose.value, text });
    };
    const cancel = (): void => done(undefined);
    $('just-form').addEventListener('submit', submit);
    $('just-cancel').addEventListener('click', cancel);
    dlg.addEventListener('cancel', cancel);
    if (!dlg.open) dlg.showModal();
    (purpose.value ? input : purpose).focus();
  });
}

let pending: Promise<Justification | undefined> | undefined;
/** Several requests may need it at once: one dialog answers them all. */
export function initJustification(): void {
  onJustificationNeeded((problem) => {
    pending ??= askJustification(problem).finally(() => { pending = undefined; });
    return pending;
  });
}
