import { useEffect } from 'react';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * Keyboard focus is never left on the page body, where it is invisible and Tab starts
 * over from the top: a button that lost it while its action ran (disabled meanwhile) takes
 * it back; when the element that had focus goes away (a dialog or the palette closes, a row
 * re-renders) and nothing else takes focus, the screen's main region takes it.
 */
export function useFocusKeeper(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The control that lost the focus with nothing taking it: a button disabled while its
    // action runs (an export, Accept, a save on a page) drops the focus to the body, and the
    // operator would Tab from the top of the screen again. It takes the focus back once done.
    let lost: HTMLElement | null = null;
    // Later than Mantine's own focus return at the end of a closing transition. A dialog
    // still in the page with the focus on the body is one still closing (the lock screen
    // after unlocking, on a busy machine slower than 400 ms): looked at again, for a while.
    const check = (tries: number) => {
      timer = setTimeout(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        const dialogs = document.querySelectorAll<HTMLElement>('[role="dialog"]');
        if (dialogs.length) {
          if (tries < 10) check(tries + 1);
          // Still open after all that: a dialog that lost the focus (a list closed over it as
          // the console locked). Its first control takes it, so the keyboard is not lost.
          else dialogs[dialogs.length - 1]!.querySelector<HTMLElement>(FOCUSABLE)?.focus();
          return;
        }
        if (lost?.isConnected && lost.getClientRects().length) {
          // Still busy with its action (Mantine marks a loading button): looked at again, for up to 10 s.
          if (lost.hasAttribute('data-loading') || lost.getAttribute('aria-busy') === 'true') {
            if (tries < 25) check(tries + 1);
            else document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
            return;
          }
          // Disabled for good once done (a Save with nothing left to save): the screen takes it.
          if (!lost.matches(':disabled')) {
            lost.focus({ preventScroll: true });
            if (document.activeElement === lost) return;
          }
        }
        document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
      }, 400);
    };
    const onFocusOut = (e: FocusEvent) => {
      if (e.relatedTarget) return;
      // Not a dialog's own buttons: a dialog gives the focus back itself as it closes.
      const t = e.target;
      lost = t instanceof HTMLElement && t.matches('button, [role="button"], a[href]') && !t.closest('[role="dialog"]') ? t : null;
      clearTimeout(timer);
      check(0);
    };
    document.addEventListener('focusout', onFocusOut);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);
}

/**
 * When the console's frame is first drawn (after sign-in, whose form is gone, or a reload),
 * unless a screen took focus itself, the main region has it, so Tab starts in the screen.
 */
export function useFocusOnOpen(drawn: boolean): void {
  useEffect(() => {
    if (drawn && (!document.activeElement || document.activeElement === document.body)) document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
  }, [drawn]);
}
