import { useSyncExternalStore } from 'react';
import { dropTypeAhead } from '../../lib/type-ahead';

/**
 * Whether this window is locked. The lock is a cover over the console, not a sign-out:
 * every screen, dialog and typed text stays open underneath until the operator unlocks.
 */
let locked = false;
const listeners = new Set<() => void>();

/**
 * While locked, the console's shortcuts (Ctrl, Alt or Meta with a key, and "?", the list of
 * shortcuts whose entries run) reach nothing underneath. "?" typed in the PIN field is still
 * typed: only its keydown is held, not its default.
 */
function holdShortcuts(e: KeyboardEvent): void {
  if (e.ctrlKey || e.altKey || e.metaKey || e.key === '?') e.stopPropagation();
}

export function setLocked(value: boolean): void {
  if (locked === value) return;
  locked = value;
  // Keys held for a screen's field are not for the PIN field.
  if (value) dropTypeAhead();
  if (value) window.addEventListener('keydown', holdShortcuts, true);
  else window.removeEventListener('keydown', holdShortcuts, true);
  for (const l of listeners) l();
}

export function useLocked(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => locked,
  );
}
