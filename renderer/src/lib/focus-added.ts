/**
 * After an "Add a line / option / first call" button adds a row, the new row's first field
 * takes the focus, where its typing starts. Left on the button, keys typed next went nowhere,
 * and every Space pressed it again: "Loading dock B, Mercy General" typed there added four
 * empty lines. `label` is the new field's accessible name; it is looked for in the form (or
 * dialog) around `button` once React has drawn the row.
 */
export function focusAdded(button: EventTarget | null, label: string): void {
  const scope = button instanceof Element ? button.closest('form, [role="dialog"], [data-save-scope]') : null;
  const selector = `[aria-label="${label.replace(/["\\]/g, '\\$&')}"]`;
  requestAnimationFrame(() => (scope ?? document).querySelector<HTMLElement>(selector)?.focus());
}
