import { modals } from '@mantine/modals';
import { Fragment, type ReactNode } from 'react';

type Options = Omit<Parameters<typeof modals.open>[0], 'modalId' | 'children'>;

let opened = 0;

/**
 * Opens a modal whose content is a fresh component tree. The modal manager shows every modal
 * in one frame; content of the same type opened while the previous modal is still closing
 * would otherwise keep that modal's state (a form for item B showing item A's values).
 * Returns the modal's id; `content` receives it to close itself.
 */
export function openModal(options: Options, content: (id: string) => ReactNode): string {
  const id = `modal-${++opened}`;
  modals.open({ ...options, modalId: id, children: <Fragment key={id}>{content(id)}</Fragment> });
  return id;
}
