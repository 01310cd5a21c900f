import { Alert, type MantineSpacing } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { fieldName } from '../lib/field-name';

/** The event a form that is not a `<form>` (the status entry) sends on its scope when a save is tried. */
const SAVE_TRIED = 'eoc:save-tried';

/** Tells the FieldAttention inside `scope` (an element marked `data-save-scope`) that a save was tried. */
export function saveTried(scope: Element | null): void {
  scope?.dispatchEvent(new Event(SAVE_TRIED));
}


/**
 * The fields of `scope` that show an error: those marked aria-invalid (every Mantine input
 * with an error), and radio groups whose wrapper shows one (Mantine marks no radio of them).
 */
export function invalidFields(scope: Element): HTMLElement[] {
  return [...scope.querySelectorAll<HTMLElement>('[aria-invalid="true"], [data-error="true"] > [role="radiogroup"]')].filter((el) => el.getClientRects().length > 0);
}

/** Where the focus goes for a field: a radio group's chosen radio, or its first. */
const focusable = (el: HTMLElement): HTMLElement =>
  el.getAttribute('role') === 'radiogroup' ? (el.querySelector<HTMLElement>('input:checked') ?? el.querySelector<HTMLElement>('input') ?? el) : el;

/** "2 fields need attention: Beds available, Time reported (EST)". */
export function attentionWords(names: readonly string[]): string {
  const shown = names.length > 6 ? [...names.slice(0, 5), `and ${names.length - 5} more`] : names;
  return `${names.length === 1 ? 'One field needs' : `${names.length} fields need`} attention: ${shown.join(', ')}`;
}

/**
 * Placed beside a form's save button. When a save is refused because fields are invalid
 * (marked aria-invalid, as every Mantine field with an error is), whether by the form's own
 * check or by the backend's answer, the focus goes to the first of them, scrolled into view
 * (a field far up a long form gave no visible sign), and this says in words which ones they
 * are; it follows the fields as they are corrected and is gone when none is left. Its form
 * is the `<form>` around it (a save tried is a submit), or the element marked
 * `data-save-scope` around it, which calls saveTried.
 */
export function FieldAttention({ mt }: { mt?: MantineSpacing }) {
  const ref = useRef<HTMLDivElement>(null);
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    const scope = ref.current?.parentElement?.closest<HTMLElement>('form, [data-save-scope]');
    if (!scope) return;
    // Words only once a save was tried; the focus moves only for the try it answers (typing since means the operator has moved on).
    let tried = false;
    let answering = false;
    let frame = 0;
    const check = () => {
      if (!tried) return;
      const invalid = invalidFields(scope);
      const next = invalid.map(fieldName);
      setNames((prev) => (prev.length === next.length && prev.every((n, i) => n === next[i]) ? prev : next));
      const first = invalid[0];
      if (answering && first) {
        answering = false;
        focusable(first).focus({ preventScroll: true });
        first.scrollIntoView({ block: 'center' });
      }
    };
    const onTry = () => {
      tried = true;
      answering = true;
      cancelAnimationFrame(frame);
      // After the form has rendered its errors.
      frame = requestAnimationFrame(check);
    };
    const onType = () => {
      answering = false;
    };
    const observer = new MutationObserver(check);
    observer.observe(scope, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-invalid'] });
    scope.addEventListener('submit', onTry);
    scope.addEventListener(SAVE_TRIED, onTry);
    scope.addEventListener('input', onType);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      scope.removeEventListener('submit', onTry);
      scope.removeEventListener(SAVE_TRIED, onTry);
      scope.removeEventListener('input', onType);
    };
  }, []);
  return (
    // No box of its own: an empty one would still take a gap in the form's stack.
    <div ref={ref} style={{ display: 'contents' }}>
      {names.length > 0 && (
        <Alert color="red" role="alert" data-testid="field-attention" title="Not saved" mt={mt}>
          {attentionWords(names)}
        </Alert>
      )}
    </div>
  );
}
