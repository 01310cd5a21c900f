import { Kbd } from '@mantine/core';
import { Spotlight, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { formatKeys, useShortcutList } from '../lib/shortcuts';

/** Every registered shortcut, searchable: nobody has to remember the keys. */
export function CommandPalette() {
  const list = useShortcutList();
  const groups = new Map<string, SpotlightActionGroupData>();
  for (const s of list) {
    const g = groups.get(s.group) ?? { group: s.group, actions: [] };
    g.actions.push({ id: s.id, label: s.label, onClick: s.run, rightSection: <Kbd size="xs">{formatKeys(s.keys)}</Kbd> });
    groups.set(s.group, g);
  }
  return (
    <Spotlight
      actions={[...groups.values()]}
      shortcut={['mod + K', 'mod + P']}
      nothingFound="No command matches"
      highlightQuery
      limit={50}
      searchProps={{ leftSection: <IconSearch size={18} />, placeholder: 'Type a command…', 'aria-label': 'Command' }}
    />
  );
}
