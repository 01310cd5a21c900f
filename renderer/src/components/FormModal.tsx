import { Modal, type ModalProps } from '@mantine/core';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { queryClient } from '../lib/query';
import { TypedText } from '../lib/typed-text';
import { DiscardPrompt } from './DiscardPrompt';
import { FieldAttention } from './FieldAttention';

const CloseCtx = createContext<(() => void) | null>(null);

/** Open dialogs, innermost last: Esc belongs to the innermost one only. */
const stack: object[] = [];

/**
 * The Cancel of a form inside a FormModal: asks first when text was typed, like Esc.
 * Outside a dialog (the same form on a page) it is `fallback`.
 */
export function useModalCancel(fallback: () => void = () => undefined): () => void {
  return useContext(CloseCtx) ?? fallback;
}

export type FormModalProps = Omit<ModalProps, 'closeOnEscape' | 'onKeyDown'> & { children: ReactNode };

/**
 * Every dialog of the console. Esc, the close button and Cancel close it at once when
 * nothing was typed; with typed text they ask first, inside the dialog (so the form stays
 * mounted and keeps its state), with "Keep editing" focused: Esc then Enter keeps the work.
 * When it closes, focus goes back where it was, or to the screen when that is gone.
 */
export function FormModal({ children, onClose, opened, ...props }: FormModalProps) {
  const typed = useRef(new TypedText());
  const [asking, setAsking] = useState(0);
  // A dialog that saves row by row (activation levels) holds saved text, not typed text.
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((e) => {
        if (e.type === 'updated' && e.action.type === 'success') typed.current.rebaseline();
      }),
    [],
  );
  // Where the operator was typing: "Keep editing" puts them back there.
  const wasIn = useRef<HTMLElement | null>(null);
  const keepEditing = () => {
    setAsking(0);
    requestAnimationFrame(() => wasIn.current?.focus());
  };
  const close = () => {
    typed.current.forget();
    setAsking(0);
    onClose();
  };
  const body = useRef<HTMLDivElement>(null);
  const requestCloseRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    if (!opened) return;
    const me = {};
    stack.push(me);
    // On the window, not the dialog: after a button that had focus re-renders, focus falls
    // to the page body and an Esc there must still reach the dialog on top.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.isComposing || e.defaultPrevented || stack.at(-1) !== me) return;
      const mine = body.current?.closest('[role="dialog"]');
      const theirs = e.target instanceof Element ? e.target.closest('[role="dialog"]') : null;
      if (theirs && theirs !== mine) return; // a confirmation on top answers its own Esc
      e.preventDefault();
      requestCloseRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      stack.splice(stack.indexOf(me), 1);
    };
  }, [opened]);
  const requestClose = () => {
    if (asking) return keepEditing();
    const n = typed.current.changedFields();
    if (n === 0) return close();
    wasIn.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setAsking(n);
  };
  useEffect(() => {
    requestCloseRef.current = requestClose;
  });
  return (
    <Modal
      opened={opened}
      onClose={requestClose}
      closeOnClickOutside={false}
      // Esc is handled above, for the innermost dialog only.
      closeOnEscape={false}
      closeButtonProps={{ 'aria-label': 'Close' }}
      onFocusCapture={(e) => typed.current.noteFocus(e.target)}
      {...props}
      // After Mantine has given focus back (at the end of the closing transition).
      onExitTransitionEnd={() => {
        props.onExitTransitionEnd?.();
        keepFocusOnScreen();
      }}
    >
      {asking > 0 && <DiscardPrompt fields={asking} onKeep={keepEditing} onDiscard={close} />}
      {/* Ctrl+Enter saves its form from any field: lib/save-keys, for every form of the console. */}
      <div ref={body} data-save-scope>
        <CloseCtx.Provider value={requestClose}>{children}</CloseCtx.Provider>
        {/* Under the form's own Save: a refused save names its fields and takes the focus to the first. */}
        <FieldAttention mt="md" />
      </div>
    </Modal>
  );
}

/**
 * After a dialog closes Mantine returns focus to what had it before; when that element has
 * gone (a row re-rendered, a form replaced) focus would fall to the page body, invisible.
 * It goes to the screen's main region instead.
 */
export function keepFocusOnScreen(): void {
  const check = (tries: number) =>
    requestAnimationFrame(() => {
      const a = document.activeElement;
      if (a && a !== document.body) return;
      if (tries > 0) return check(tries - 1);
      document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
    });
  check(3);
}
