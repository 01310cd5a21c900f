import { useSyncExternalStore, type ReactNode } from 'react';
import { FormModal, keepFocusOnScreen, type FormModalProps } from '../components/FormModal';

type Options = Omit<FormModalProps, 'opened' | 'onClose' | 'children'> & { onClose?: () => void };

interface Entry {
  id: string;
  options: Options;
  content: ReactNode;
  once?: string;
  /** What had focus when it opened (the button the operator pressed): focus goes back there. */
  returnTo: Element | null;
}

let entries: readonly Entry[] = [];
let opened = 0;
const listeners = new Set<() => void>();
const set = (next: readonly Entry[]) => {
  entries = next;
  listeners.forEach((l) => l());
};

/**
 * Opens a dialog whose content is a fresh component tree, shown by the ModalHost inside
 * the shell (so it sees the shell's context) as a FormModal: Esc asks before discarding
 * typed text, as in every dialog. Dialogs stack and each keeps its state while another is
 * on top. With `once`, a second opening while that one is open is ignored: a double click
 * on "Source" must not stack two forms that would allocate the same stock twice.
 * Returns the dialog's id; `content` receives it to close itself with closeModal.
 */
export function openModal(options: Options, content: (id: string) => ReactNode, once?: string): string {
  const already = once && entries.find((e) => e.once === once);
  if (already) return already.id;
  const id = `modal-${++opened}`;
  set([...entries, { id, options, content: content(id), once, returnTo: document.activeElement }]);
  return id;
}

/** Closes a dialog opened with openModal, without asking (after a save). */
export function closeModal(id: string): void {
  const e = entries.find((x) => x.id === id);
  if (!e) return;
  set(entries.filter((x) => x.id !== id));
  e.options.onClose?.();
  returnFocus(e.returnTo);
}

/**
 * A dialog opened here is mounted already open and unmounted on closing, so Mantine's own
 * focus return (which records focus when `opened` changes and restores it after the closing
 * transition) never runs: focus would fall to the page body, where the keyboard is lost.
 * It goes back to the opener once the dialog has gone, or to the screen when the opener has
 * gone too (a save that replaced the row or button).
 */
function returnFocus(to: Element | null): void {
  requestAnimationFrame(() => {
    const a = document.activeElement;
    // Something else took focus on purpose (a dialog below, a field the save opened).
    if (a && a !== document.body) return;
    if (to instanceof HTMLElement && to.isConnected && to !== document.body) to.focus({ preventScroll: true });
    // Gone, or no longer focusable (disabled while its save runs).
    if (document.activeElement === document.body || !document.activeElement) keepFocusOnScreen();
  });
}

export function ModalHost() {
  const list = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => entries,
  );
  return (
    <>
      {list.map(({ id, options: { onClose: _onClose, ...props }, content }) => (
        <FormModal key={id} opened onClose={() => closeModal(id)} {...props}>
          {content}
        </FormModal>
      ))}
    </>
  );
}
