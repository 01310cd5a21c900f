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
  // The first thing done in an activation: from any screen, without the mouse.
  { id: 'incident.new', keys: 'alt+shift+I', label: 'New incident or exercise', group: 'Incidents', to: '/incidents?do=new' },
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

/**
 * Keys that are not actions of their own but work in a place: in any form, in a list field,
 * over any dialog. Listed with the others (the palette, "?"), never bound on the window: a
 * binding would take Ctrl+Enter or "?" from the field where they are typed.
 */
export interface PlaceKey {
  readonly id: string;
  readonly keys: string;
  readonly label: string;
}

export const PLACE_KEYS: readonly PlaceKey[] = [
  { id: 'keys.list', keys: '?', label: 'List every shortcut (outside a text field; Esc goes back)' },
  { id: 'keys.palette', keys: 'mod+K', label: 'Command palette: every action by name' },
  { id: 'form.save', keys: 'mod+Enter', label: 'Save the form from any field (a dialog, the 213RR, a status request, the status entry and grid); in a form with a multi-line field, Enter saves nothing' },
  { id: 'form.close', keys: 'Esc', label: 'Close the dialog or list (asks first when text was typed)' },
  { id: 'list.first', keys: 'Enter', label: 'In a list field: take the first option found (Tab keeps the option the text names)' },
  { id: 'options.next', keys: 'Enter', label: "In a decision's option: go to the next option, a new one after the last (Backspace in an empty option removes it)" },
];
