import { Modal } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useShortcuts } from '../../app/shortcuts';
import { onOpenQuickEntry } from './quick-entry-bus';
import { QuickEntryForm } from './QuickEntryForm';

/** Ctrl+L from any screen: one line into the operator's activity log, no mouse needed. */
export function QuickEntry() {
  const [opened, setOpened] = useState(false);
  const [category, setCategory] = useState('General');
  useShortcuts([{ id: 'log.quick', keys: 'mod+L', label: 'Quick log entry', group: 'Log', run: () => setOpened(true) }]);
  useEffect(() => onOpenQuickEntry(() => setOpened(true)), []);
  return (
    <Modal
      opened={opened}
      onClose={() => setOpened(false)}
      title="Quick log entry"
      size={900}
      yOffset="8vh"
      transitionProps={{ duration: 0 }}
      data-testid="quick-entry"
    >
      {opened && (
        <QuickEntryForm
          initialCategory={category}
          onSaved={(c) => {
            setCategory(c);
            setOpened(false);
          }}
        />
      )}
    </Modal>
  );
}
