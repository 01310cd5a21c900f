/**
 * Whether an operator has typed text into a form, read from the form itself: the value a
 * text field had when first focused is remembered, and a form "has typed text" when any
 * such field now holds something else. One rule for every form, with nothing for each form
 * to declare: a value filled in by the console (a default, a template) is not typed text,
 * and text typed then erased is not either.
 */
export class TypedText {
  private readonly initial = new Map<HTMLInputElement | HTMLTextAreaElement, string>();

  /** Call on `focusin` inside the form. */
  noteFocus(target: EventTarget | null): void {
    if (!isTextField(target) || this.initial.has(target)) return;
    this.initial.set(target, target.value);
  }

  /** How many fields hold text other than what they held when first focused. */
  changedFields(): number {
    let n = 0;
    for (const [el, before] of this.initial) {
      if (el.isConnected && el.value !== before && el.value.trim() !== '') n++;
    }
    return n;
  }

  /** After a save: what the fields hold now is saved, not typed text at risk. */
  rebaseline(): void {
    for (const el of this.initial.keys()) this.initial.set(el, el.value);
  }

  forget(): void {
    this.initial.clear();
  }
}

const TEXT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url', 'number', '']);

/** A field an operator types text into (not a list field shown read-only, not a button). */
export function isTextField(t: EventTarget | null): t is HTMLInputElement | HTMLTextAreaElement {
  if (t instanceof HTMLTextAreaElement) return !t.readOnly;
  return t instanceof HTMLInputElement && TEXT_TYPES.has(t.type) && !t.readOnly;
}
