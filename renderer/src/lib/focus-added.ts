/**
 * After an "Add a line / option / first call" button adds a row, the new row's first field
 * takes the focus, where its typing starts. Left on the button, keys typed next went nowhere,
 * and every Space pressed it again: "Loading dock B, Mercy General" typed there added four
 * empty lines. `label` is the new field's accessible name; it is looked for in the form (or
 * dialog) around `button` once React has drawn the row. A field already holding text gets the
 * caret at its end (the decision's options go back to the one above by Backspace).
 */
export function focusAdded(button: EventTarget | null, label: string): void {
  const scope = button instanceof Element ? button.closest('form, [role="dialog"], [data-save-scope]') : null;
  const selector = `[aria-label="${label.replace(/["\\]/g, '\\$&')}"]`;
  requestAnimationFrame(() => {
    const field = (scope ?? document).querySelector<HTMLElement>(selector);
    field?.focus();
    // Not every input has a caret to place (a number or email field has none: selectionStart is null).
    if ((field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) && field.selectionStart !== null) field.setSelectionRange(field.value.length, field.value.length);
  });
}
