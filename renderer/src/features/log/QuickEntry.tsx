import { useEffect, useRef, useState } from 'react';
import { useShortcuts } from '../../lib/shortcuts';
import { onOpenQuickEntry } from './quick-entry-bus';
import { QuickEntryForm } from './QuickEntryForm';
import { FormModal } from '../../components/FormModal';

/** Ctrl+L from any screen: one line into the operator's activity log, no mouse needed. */
export function QuickEntry() {
  const [opened, setOpened] = useState(false);
  const [category, setCategory] = useState('General');
  const returnTo = useRef<HTMLElement | null>(null);
  const open = () => {
    if (!opened) returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpened(true);
  };
  const close = () => {
    setOpened(false);
    // Give focus back only if nothing took it meanwhile: a quick Ctrl+L right after saving
    // must not lose its first keystrokes to a delayed focus return.
    requestAnimationFrame(() => {
      if (document.activeElement === document.body) returnTo.current?.focus();
    });
  };
  useShortcuts([{ id: 'log.quick', keys: 'mod+L', label: 'Quick log entry', group: 'Log', run: open }]);
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  });
  useEffect(() => onOpenQuickEntry(() => openRef.current()), []);
  return (
    <FormModal opened={opened} onClose={close} returnFocus={false} title="Quick log entry" size={900} yOffset="8vh" transitionProps={{ duration: 0 }}>
      {opened && (
        <QuickEntryForm
          initialCategory={category}
          onSaved={(c) => {
            setCategory(c);
            close();
          }}
        />
      )}
    </FormModal>
  );
}
