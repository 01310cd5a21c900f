import { useHotkeys, type HotkeyItem } from '@mantine/hooks';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/** A keyboard action: bound to keys, listed in the command palette and the help. */
export interface Shortcut {
  readonly id: string;
  /** Mantine hotkey syntax, e.g. `mod+K`, `alt+1`. */
  readonly keys: string;
  readonly label: string;
  readonly group: string;
  readonly run: () => void;
  /**
   * Moves to another screen. Its keys do nothing while a dialog is open (the operator
   * finishes or closes it first): the screen would change under a dialog that stays open
   * over it. The command palette, itself a dialog, runs it all the same.
   */
  readonly navigates?: boolean;
}

interface Registry {
  list: Shortcut[];
  register(s: Shortcut): () => void;
}

const Ctx = createContext<Registry | null>(null);

/**
 * The shortcuts in force: for each id the one registered last. The shell registers a
 * fallback for every shortcut (so each works, or says where it works, from anywhere) and a
 * screen registers its own on top while it is mounted; unmounting uncovers the fallback.
 */
export function effectiveShortcuts(layers: readonly Shortcut[]): Shortcut[] {
  const byId = new Map<string, Shortcut>();
  for (const s of layers) {
    byId.delete(s.id);
    byId.set(s.id, s);
  }
  return [...byId.values()];
}

export function ShortcutProvider({ children }: { children: ReactNode }) {
  const [layers, setLayers] = useState<Shortcut[]>([]);
  const list = useMemo(() => effectiveShortcuts(layers), [layers]);
  const registry = useMemo<Registry>(
    () => ({
      list,
      register(s) {
        const mine = { ...s };
        setLayers((l) => [...l, mine]);
        return () => setLayers((l) => l.filter((x) => x !== mine));
      },
    }),
    [list],
  );
  // Bound everywhere, inputs included: every shortcut uses a modifier, so typing is safe.
  useHotkeys(
    list.map((s): HotkeyItem => [s.keys, (e) => (s.navigates && inModalDialog(e.target) ? undefined : s.run()), { preventDefault: true }]),
    [],
    true,
  );
  return <Ctx.Provider value={registry}>{children}</Ctx.Provider>;
}

/**
 * A key pressed in an open modal dialog (Mantine's Modal: a form, a confirmation, the lock
 * screen): keys that move to another screen wait until it is finished or closed, or the
 * screen would change under it. Told by the key's target, since a dialog's focus trap keeps
 * the focus inside while it is open and gives it back as it closes (a key pressed just after
 * a save still goes). Not the palette (it closes as it moves, and its focus can linger while
 * it fades out after Esc) nor a Drawer (a record beside the log or the timeline belongs to
 * its screen and closes with it).
 */
export function inModalDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.mantine-Modal-content') !== null;
}

export function useShortcutList(): Shortcut[] {
  return useContext(Ctx)?.list ?? [];
}

/** Registers shortcuts for as long as the calling component is mounted. */
export function useShortcuts(shortcuts: readonly Shortcut[]): void {
  const ctx = useContext(Ctx);
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  const key = shortcuts.map((s) => `${s.id}:${s.keys}`).join('|');
  const register = ctx?.register;
  useEffect(() => {
    if (!register) return;
    const offs = latest.current.map((s) => register({ ...s, run: () => latest.current.find((x) => x.id === s.id)?.run() }));
    return () => offs.forEach((off) => off());
    // Re-register only when the set of ids or keys changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}

/** `mod+K` → `Ctrl+K`, for showing keys to people. */
export function formatKeys(keys: string): string {
  return keys
    .split('+')
    .map((k) => (k === 'mod' ? 'Ctrl' : k.length === 1 ? k.toUpperCase() : k[0]!.toUpperCase() + k.slice(1)))
    .join('+');
}
