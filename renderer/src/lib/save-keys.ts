import { useEffect } from 'react';
import { flushSync } from 'react-dom';

/**
 * Ctrl+Enter (Cmd+Enter) saves the form around the focus, from any field of any form: a
 * dialog's, a page's (the ICS 213RR, a status request), a multi-line field where Enter
 * starts a new line, and a list field (a select, a multi-select) where Enter picks an option.
 * One pair of listeners on the window for the whole console, so no form can be left out.
 */
export function useSaveKeys(): void {
  useEffect(() => {
    window.addEventListener('keydown', leaveListFieldFirst, true);
    window.addEventListener('keydown', saveFormOnModEnter);
    return () => {
      window.removeEventListener('keydown', leaveListFieldFirst, true);
      window.removeEventListener('keydown', saveFormOnModEnter);
    };
  }, []);
}

export function isModEnter(e: KeyboardEvent): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.isComposing;
}

/**
 * After every handler has seen the key: a form that handles Ctrl+Enter itself (the status
 * entry, the grid, the transcription) prevents the default and is left alone.
 * As Enter does, not while the form keeps its Save disabled (nothing changed, not ready).
 * A save in flight (Save loading) is not checked here: this sees it only after the next
 * render, later than a fast second press; the command's own synchronous guard
 * (useSingleCommand) is the one place a second press is refused.
 */
function saveFormOnModEnter(e: KeyboardEvent): void {
  if (!isModEnter(e) || e.defaultPrevented) return;
  const form = e.target instanceof Element ? e.target.closest('form') : null;
  if (!form) return;
  const save = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (save?.disabled && !save.hasAttribute('data-loading')) return;
  e.preventDefault();
  form.requestSubmit(save);
}

/**
 * Before anything else sees it: Ctrl+Enter in a list field (Mantine's Select, MultiSelect,
 * Autocomplete, TagsInput) would pick the highlighted option (Mantine takes Enter with any
 * modifier) and stop there, so the save never came. Instead the field is left as Tab leaves
 * it, without moving the focus: the text typed is kept when it names one option (see
 * components/Select), the list closes; then the key goes on to the form from the field's
 * frame, as if pressed there, and saves it. flushSync: the form re-renders with what the
 * field kept before it submits.
 */
function leaveListFieldFirst(e: KeyboardEvent): void {
  if (!isModEnter(e)) return;
  const field = e.target;
  if (!(field instanceof HTMLInputElement) || field.getAttribute('aria-haspopup') !== 'listbox') return;
  e.stopPropagation();
  e.preventDefault();
  flushSync(() => {
    field.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
  const from = field.parentElement ?? field.form;
  from?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: e.ctrlKey, metaKey: e.metaKey, bubbles: true, cancelable: true }));
}
