import { Spotlight, createSpotlight, type SpotlightActionData } from '@mantine/spotlight';
import { notifications } from '@mantine/notifications';
import { IconForms } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { jumpScope, jumpTargets, rankTargets, type JumpTarget } from '../lib/field-jump';
import { useShortcuts } from '../lib/shortcuts';
import { holdTypeAhead } from '../lib/type-ahead';
import { isTextField } from '../lib/typed-text';

const [store, jump] = createSpotlight();

/** Set while the list closes because the console locked: the focus then stays with the lock. */
let closingForLock = false;

/** Closes the list as the console locks (the lock screen calls it): nothing left open above the lock. */
export function closeFieldJump(): void {
  if (!store.getState().opened) return;
  closingForLock = true;
  jump.close();
}

/**
 * Ctrl+J: jump to a field of the form in front (the open dialog, else the screen) by typing
 * part of its name, instead of tabbing through it. A phoned-in "medical/surgical 40" is
 * Ctrl+J, "med surg av", Enter, 40, where Tab took sixteen presses on a hospital's status
 * form. Esc goes back to the field the operator was in.
 */
export function FieldJump() {
  const [targets, setTargets] = useState<JumpTarget[]>([]);
  const [query, setQuery] = useState('');
  const from = useRef<HTMLElement | null>(null);
  const picked = useRef<HTMLElement | null>(null);
  useShortcuts([
    {
      id: 'form.jump',
      keys: 'mod+J',
      label: 'Jump to a field of this form by typing part of its name',
      group: 'In forms and lists',
      run: () => {
        const scope = jumpScope();
        const found = scope ? jumpTargets(scope) : [];
        if (!found.length) {
          notifications.show({ id: 'field-jump', color: 'blue', title: 'No field to jump to', message: 'Ctrl+J jumps to a field of the form or dialog in front; this screen has none.' });
          return;
        }
        from.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        picked.current = null;
        setTargets(found);
        setQuery(''); // each jump starts from nothing typed
        holdTypeAhead({ focusMoves: true }); // the letters typed at once go to the list, not the field being left
        jump.open();
      },
    },
  ]);
  const actions: SpotlightActionData[] = targets.map((t) => ({
    id: t.id,
    label: t.name,
    description: t.section ?? undefined,
    onClick: () => {
      picked.current = t.el;
      // The value typed at once after Enter goes to the field picked, not the list closing.
      holdTypeAhead({ focusMoves: true });
    },
  }));
  return (
    <Spotlight
      store={store}
      actions={actions}
      query={query}
      onQueryChange={setQuery}
      filter={(query, list) => rankTargets((list as SpotlightActionData[]).map((a) => ({ ...a, name: a.label ?? '', section: a.description ?? null })), query)}
      shortcut={null}
      nothingFound="No field of this form has that in its name"
      highlightQuery
      limit={12}
      returnFocus={false}
      onSpotlightClose={() => {
        if (closingForLock) {
          closingForLock = false;
          return;
        }
        const to = picked.current ?? from.current;
        // After the list has let go of the focus: the field picked, or back where the operator was.
        setTimeout(() => {
          if (!to?.isConnected) return;
          to.focus();
          if (!picked.current) return;
          to.scrollIntoView({ block: 'center' });
          // As Tab arrives in a field: its text selected, so what is typed replaces it (40 corrected to 35, not 4035).
          if (isTextField(to)) to.select();
        }, 0);
      }}
      searchProps={{ leftSection: <IconForms size={18} />, placeholder: 'Jump to a field: type part of its name', 'aria-label': 'Jump to a field' }}
      data-testid="field-jump"
    />
  );
}
