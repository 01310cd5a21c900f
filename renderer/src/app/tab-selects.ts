import { useEffect } from 'react';

/**
 * The inputs whose value the browser's own Tab selects (not a multi-line field: its caret goes
 * to the start), and a one-line value in a field that wraps it (aria-multiline="false": who a
 * first call of the activation sheet is) selected as they are.
 */
const SELECTED_ON_TAB = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'number']);

/**
 * Tab into a filled field selects its value, in a dialog as on a page, so what is typed
 * replaces it. A dialog's focus trap (Mantine's) moves the focus itself on every Tab, and a
 * focus moved by script selects nothing: a 24/7 number corrected by Tab and typing was saved
 * as both numbers end to end. Told apart by the Tab key just pressed: a click, or a focus a
 * screen gives, leaves the caret where it puts it.
 */
export function useTabSelects(): void {
  useEffect(() => {
    let tabbing = false;
    let reset: ReturnType<typeof setTimeout> | undefined;
    // Capturing on the window: before the trap's own handler on the document moves the focus.
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey) return;
      tabbing = true;
      clearTimeout(reset);
      reset = setTimeout(() => (tabbing = false));
    };
    const onFocusIn = (e: FocusEvent) => {
      const t = e.target;
      const oneLine = (t instanceof HTMLInputElement && SELECTED_ON_TAB.has(t.type)) || (t instanceof HTMLTextAreaElement && t.getAttribute('aria-multiline') === 'false');
      if (tabbing && oneLine && t.value) t.select();
    };
    window.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('focusin', onFocusIn, true);
    return () => {
      clearTimeout(reset);
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('focusin', onFocusIn, true);
    };
  }, []);
}
