/**
 * Every keyboard shortcut of the console that is not a screen of the rail (those come from
 * the routes). Global actions work from any screen: they open their screen with an intent
 * in the address (`?do=record`) that the screen carries out. Shortcuts that only mean
 * something in one place (a request's next step) say where they work when pressed elsewhere.
 * The command palette lists all of them, wherever the operator is.
 */
export interface CatalogueShortcut {
  readonly id: string;
  readonly keys: string;
  readonly label: string;
  readonly group: string;
  /** Where a global action goes. */
  readonly to?: string;
  /** Where a contextual shortcut works, in words. */
  readonly where?: string;
}

export const SHORTCUT_CATALOGUE: readonly CatalogueShortcut[] = [
  { id: 'decision.record', keys: 'mod+shift+D', label: 'Record a decision', group: 'Decisions', to: '/decisions?do=record' },
  { id: 'message.record', keys: 'mod+shift+M', label: 'Record a message (ICS 213)', group: 'Messages', to: '/messages?do=record' },
  { id: 'request.new', keys: 'alt+shift+N', label: 'New resource request (ICS 213RR)', group: 'Requests', to: '/requests?new=1' },
  { id: 'requests.board.focus', keys: 'alt+shift+B', label: 'Focus the request board (then arrows and Enter)', group: 'Requests', to: '/requests?do=focus-board' },
  { id: 'requests.board.search', keys: 'alt+shift+F', label: 'Search the request board', group: 'Requests', to: '/requests?do=search-board' },
  { id: 'timeline.search', keys: 'mod+F', label: 'Search the timeline', group: 'Timeline', to: '/timeline?do=search' },
  // Not Ctrl+Shift+T: browsers keep that one (reopen a closed tab), so the browser host would never see it.
  { id: 'log.transcribe', keys: 'alt+shift+T', label: 'Transcribe a paper or radio log', group: 'Log', to: '/log?do=transcribe' },
  { id: 'request.next', keys: 'alt+Enter', label: 'Take the next step on this request', group: 'Requests', where: 'on an open request (Requests, then a request)' },
  { id: 'request.back', keys: 'alt+Backspace', label: 'Back to the request board', group: 'Requests', where: 'on an open request' },
];

export function catalogueShortcut(id: string): CatalogueShortcut {
  const s = SHORTCUT_CATALOGUE.find((x) => x.id === id);
  if (!s) throw new Error(`No shortcut ${id} in the catalogue`);
  return s;
}
