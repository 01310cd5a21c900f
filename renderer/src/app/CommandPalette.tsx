import { Kbd } from '@mantine/core';
import { Spotlight, spotlight, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { PLACE_KEYS } from '../lib/shortcut-catalogue';
import { holdTypeAhead } from '../lib/type-ahead';
import { closeFieldJump } from '../components/FieldJump';
import { useLocked } from './lock/lock-state';
import { formatKeys, useShortcutList } from '../lib/shortcuts';

/** A field where "?" is a character typed, not a request for the list. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(target.type);
  return ['textbox', 'combobox', 'searchbox', 'spinbutton'].includes(target.getAttribute('role') ?? '');
}

/**
 * Every registered shortcut, searchable: nobody has to remember the keys. Ctrl+K opens it
 * to find a command; "?" outside a text field opens it as the list of every shortcut,
 * those of forms and lists too (Ctrl+Enter, Esc, Enter in a list). Esc closes it and the
 * focus goes back where it was.
 */
export function CommandPalette() {
  const list = useShortcutList();
  const [asList, setAsList] = useState(false);
  // Locking closes the lists: nothing of them above the lock, and the focus stays with it.
  const locked = useLocked();
  useEffect(() => {
    if (!locked) return;
    spotlight.close();
    closeFieldJump();
  }, [locked]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented || e.isComposing || typingIn(e.target)) return;
      e.preventDefault();
      setAsList(true);
      spotlight.open();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const groups = new Map<string, SpotlightActionGroupData>();
  for (const s of list) {
    const g = groups.get(s.group) ?? { group: s.group, actions: [] };
    g.actions.push({ id: s.id, label: s.label, onClick: s.run, rightSection: <Kbd size="xs">{formatKeys(s.keys)}</Kbd> });
    groups.set(s.group, g);
  }
  // Listed to be known, not run: choosing one closes the list. In one group with any
  // shortcut registered under the same name (Ctrl+J, jump to a field).
  const placeGroup = 'In forms and lists';
  const place: SpotlightActionGroupData = groups.get(placeGroup) ?? { group: placeGroup, actions: [] };
  groups.delete(placeGroup);
  place.actions.push(...PLACE_KEYS.map((k) => ({ id: k.id, label: k.label, rightSection: <Kbd size="xs">{formatKeys(k.keys)}</Kbd> })));
  return (
    <Spotlight
      actions={[...groups.values(), place]}
      shortcut={['mod + K', 'mod + P']}
      nothingFound="No command matches"
      highlightQuery
      // Every shortcut fits: the list is the whole catalogue, never cut short.
      limit={500}
      // However it opens ("?", Ctrl+K): "?" then "form" at once, the f reaches the filter.
      onSpotlightOpen={() => holdTypeAhead({ focusMoves: true })}
      returnFocus={!locked}
      onSpotlightClose={() => setAsList(false)}
      searchProps={{
        leftSection: <IconSearch size={18} />,
        placeholder: asList ? 'Every shortcut: type to filter' : 'Type a command…',
        'aria-label': asList ? 'Filter the shortcuts' : 'Command',
      }}
      data-testid="command-palette"
      data-mode={asList ? 'shortcuts' : 'commands'}
    />
  );
}
