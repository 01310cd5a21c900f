import { modals } from '@mantine/modals';
import { Fragment, type ReactNode } from 'react';

type Options = Omit<Parameters<typeof modals.open>[0], 'modalId' | 'children'>;

let opened = 0;
const openOnce = new Map<string, string>();

/**
 * Opens a modal whose content is a fresh component tree. The modal manager shows every modal
 * in one frame; content of the same type opened while the previous modal is still closing
 * would otherwise keep that modal's state (a form for item B showing item A's values).
 * With `once`, a second opening while that one is open is ignored: a double click on
 * "Source" must not stack two forms that would allocate the same stock twice.
 * Returns the modal's id; `content` receives it to close itself.
 */
export function openModal(options: Options, content: (id: string) => ReactNode, once?: string): string {
  const already = once && openOnce.get(once);
  if (already) return already;
  const id = `modal-${++opened}`;
  if (once) openOnce.set(once, id);
  modals.open({
    ...options,
    modalId: id,
    onClose: () => {
      if (once && openOnce.get(once) === id) openOnce.delete(once);
      options.onClose?.();
    },
    children: <Fragment key={id}>{content(id)}</Fragment>,
  });
  return id;
}
