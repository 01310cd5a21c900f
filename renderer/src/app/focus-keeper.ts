import { useEffect } from 'react';

/**
 * Keyboard focus is never left on the page body, where it is invisible and Tab starts
 * over from the top: when an element that had focus goes away (a dialog or the palette
 * closes, a row re-renders) and nothing else takes focus, the screen's main region takes it.
 */
export function useFocusKeeper(): void {
  useEffect(() => {
    // The console just opened (after sign-in, whose form is gone, or a reload): unless a
    // screen took focus itself, the main region has it, so Tab starts in the screen.
    if (!document.activeElement || document.activeElement === document.body) document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onFocusOut = (e: FocusEvent) => {
      if (e.relatedTarget) return;
      clearTimeout(timer);
      // Later than Mantine's own focus return at the end of a closing transition.
      timer = setTimeout(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        if (document.querySelector('[role="dialog"]')) return;
        document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
      }, 400);
    };
    document.addEventListener('focusout', onFocusOut);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);
}
