/** Sign-in screen, sign-out, and the justification dialog (asked once per investigation). */
import { signIn, setToken, onJustificationNeeded, setJustification } from './api/client';
import { me } from './api/queries';
import { state, type Viewer } from './state';
import { $, $input } from './ui/dom';

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

/** Ask for the access justification; resolves undefined if the user cancels. */
export function askJustification(): Promise<string | undefined> {
  const dlg = $('dlg-justification') as HTMLDialogElement;
  const input = $input('just-input');
  input.value = '';
  return new Promise((resolve) => {
    const done = (v: string | undefined): void => {
      $('just-form').removeEventListener('submit', submit);
      $('just-cancel').removeEventListener('click', cancel);
      dlg.close();
      resolve(v);
    };
    const submit = (ev: Event): void => { ev.preventDefault(); const v = input.value.trim(); if (v.length >= 3) done(v); };
    const cancel = (): void => done(undefined);
    $('just-form').addEventListener('submit', submit);
    $('just-cancel').addEventListener('click', cancel);
    if (!dlg.open) dlg.showModal();
    input.focus();
  });
}

let pending: Promise<string | undefined> | undefined;
/** Several requests may need it at once: one dialog answers them all. */
export function initJustification(): void {
  onJustificationNeeded(() => {
    pending ??= askJustification().finally(() => { pending = undefined; });
    return pending;
  });
}
