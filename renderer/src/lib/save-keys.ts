import { useEffect } from 'react';
import { flushSync } from 'react-dom';
import { notifications } from '@mantine/notifications';
import { fieldName } from './field-name';

/**
 * Ctrl+Enter (Cmd+Enter) saves the form around the focus, from any field of any form: a
 * dialog's, a page's (the ICS 213RR, a status request), a multi-line field where Enter
 * starts a new line, and a list field (a select, a multi-select) where Enter picks an option.
 * One pair of listeners on the window for the whole console, so no form can be left out.
 */
export function useSaveKeys(): void {
  useEffect(() => {
    window.addEventListener('keydown', notePointing, true);
    window.addEventListener('keydown', leaveListFieldFirst, true);
    window.addEventListener('keydown', saveFormOnModEnter);
    window.addEventListener('keydown', keepEnterInLongForm);
    return () => {
      window.removeEventListener('keydown', notePointing, true);
      window.removeEventListener('keydown', leaveListFieldFirst, true);
      window.removeEventListener('keydown', saveFormOnModEnter);
      window.removeEventListener('keydown', keepEnterInLongForm);
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
 * Enter in a one-line field of a long form saves nothing. A long form is one with a
 * multi-line field (a decision, a message, the ICS 213RR, a status request): there Enter
 * starts a new line, so Ctrl+Enter is already the save key, and it is the only one, from
 * every field of that form alike. Before, Enter in its first field (a title) sent it
 * half-filled: recorded, or refused with the focus thrown to a field further down.
 * Short forms with no multi-line field (the quick log entry, sign-in, a holder, who
 * acknowledged a call) still save on Enter, as a browser form does. After every handler:
 * a list field that takes Enter to pick an option has already prevented the default.
 */
function keepEnterInLongForm(e: KeyboardEvent): void {
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.isComposing || e.defaultPrevented) return;
  const field = e.target;
  if (!(field instanceof HTMLInputElement) || NOT_TYPED_INTO.has(field.type) || !field.form) return;
  if (!field.form.querySelector('textarea')) return;
  e.preventDefault();
  // Said once per form, the first time Enter does nothing there: so it is not taken for a dead key.
  if (told.has(field.form)) return;
  told.add(field.form);
  notifications.show({ id: 'enter-in-long-form', color: 'blue', title: 'Enter does not save this form', message: 'Ctrl+Enter saves it, from any field.' });
}

/** The long forms already told that Ctrl+Enter, not Enter, saves them. */
const told = new WeakSet<HTMLFormElement>();

/** Inputs that are buttons or files: Enter there is theirs, not the form's. */
const NOT_TYPED_INTO = new Set(['button', 'submit', 'reset', 'image', 'file']);

/** The list field whose highlighted option the operator last moved with the arrow keys (not one the list opened on). */
let pointed: EventTarget | null = null;

function notePointing(e: KeyboardEvent): void {
  if (isListField(e.target) && ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp'].includes(e.key)) pointed = e.target;
  else if (e.target !== pointed) pointed = null;
}

/** Mantine's Autocomplete, by the class Mantine gives its input: its list only suggests. */
function takesFreeText(field: HTMLInputElement): boolean {
  return field.classList.contains('mantine-Autocomplete-input');
}

function isListField(t: EventTarget | null): t is HTMLInputElement {
  return t instanceof HTMLInputElement && t.getAttribute('aria-haspopup') === 'listbox';
}

/**
 * What Ctrl+Enter in a list field would leave behind unsaid, if it saved at once: an option
 * the operator moved to with the arrows but has not taken, or typed text that names no
 * option or several (see typedOption: its exact label or value, or the only label holding
 * it). Read from the open list: its options are the ones the typed text found.
 */
function pendingChoice(field: HTMLInputElement): 'pointed' | 'typed' | null {
  const listId = field.getAttribute('aria-controls');
  const list = listId && field.getAttribute('aria-expanded') === 'true' ? document.getElementById(listId) : null;
  if (!list) return null;
  const highlighted = list.querySelector('[data-combobox-selected]');
  if (pointed === field && highlighted && !highlighted.hasAttribute('data-checked')) return 'pointed';
  const typed = field.value.trim().toLowerCase();
  // Free text (an Autocomplete: a kind of resource, an authority) is an answer in itself,
  // kept exactly as typed: its list only offers near entries, it never asks for one.
  if (!typed || takesFreeText(field)) return null;
  const labels = [...list.querySelectorAll('[role="option"]')].map((o) => (o.textContent ?? '').trim().toLowerCase());
  // A single choice showing its own label, or typed text that names exactly one option.
  if (labels.filter((l) => l === typed).length === 1) return null;
  return labels.filter((l) => l.includes(typed)).length === 1 ? null : 'typed';
}

/**
 * Before anything else sees it: Ctrl+Enter in a list field (Mantine's Select, MultiSelect,
 * Autocomplete, TagsInput) would pick the highlighted option (Mantine takes Enter with any
 * modifier) and stop there, so the save never came. Instead the field is left as Tab leaves
 * it, without moving the focus: the text typed is kept when it names one option (see
 * components/Select), the list closes; then the key goes on to the form from the field's
 * frame, as if pressed there, and saves it. flushSync: the form re-renders with what the
 * field kept before it submits.
 * Never at the cost of a choice the operator was making: an option moved to with the arrows
 * is taken as Enter takes it, and text that names no option or several stays in the field
 * (in a field of free text, an Autocomplete, the text typed is kept as typed and saved),
 * and in both cases nothing is saved yet: the operator sees the field as it will be saved,
 * and Ctrl+Enter again saves. A record of fact is never written without what was typed.
 */
function leaveListFieldFirst(e: KeyboardEvent): void {
  if (!isModEnter(e)) return;
  const field = e.target;
  if (!isListField(field)) return;
  e.stopPropagation();
  e.preventDefault();
  const pending = pendingChoice(field);
  if (pending === 'pointed') {
    pointed = null;
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
    return;
  }
  if (pending === 'typed') {
    sayNotSaved(field);
    return;
  }
  flushSync(() => {
    field.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
  const from = field.parentElement ?? field.form;
  from?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: e.ctrlKey, metaKey: e.metaKey, bubbles: true, cancelable: true }));
}

/** Why Ctrl+Enter saved nothing, in words: the text typed in the field chooses no option, or several. */
function sayNotSaved(field: HTMLInputElement): void {
  const label = fieldName(field);
  const typed = field.value.trim();
  const found = field.getAttribute('aria-controls') ? document.getElementById(field.getAttribute('aria-controls')!)?.querySelectorAll('[role="option"]').length ?? 0 : 0;
  notifications.show({
    id: 'list-field-not-saved',
    color: 'yellow',
    title: 'Not saved yet',
    message: `“${typed}” in ${label} ${found ? `matches ${found} choices: pick one with the arrow keys and Enter` : 'matches no choice'}, or clear it; then Ctrl+Enter saves.`,
  });
}
