/**
 * Keys typed while the console moves to another screen reach the field that screen gives
 * the focus to, instead of being lost. An operator presses Alt+Shift+S and types the
 * hospital's name at once; the Status screen takes 100-200 ms (more on a busy workstation)
 * to load, mount and focus its search field, and every key typed in that gap went to the
 * page: typed fast after the console opened, "Apple Orchard" arrived as "d".
 *
 * After a move (holdTypeAhead), printable keys, Backspace and Enter typed outside any text
 * field are held (not "?", which lists the shortcuts there) for at most HOLD_MS. When a
 * text field that was not the focused one before the move takes the focus, they are typed
 * into it in order (Enter as a key press in it); when anything else takes the focus, a key
 * with a modifier is pressed, or the time runs out, the held keys are dropped, as they were
 * before (they were typed at nothing).
 */
import { PLACE_KEYS } from './shortcut-catalogue';
import { isTextField } from './typed-text';

const HOLD_MS = 3000;

/** Keys that do something by themselves outside a text field ("?" lists the shortcuts): never held. */
const OWN_KEYS = new Set(PLACE_KEYS.filter((k) => k.keys.length === 1).map((k) => k.keys));

interface Hold {
  /** Keys held, oldest first, not yet typed. */
  readonly keys: string[];
  readonly until: number;
  /** What had the focus when the move began: a field of the screen being left is not the one the keys were meant for. */
  readonly before: Element | null;
  /** The field the held keys are being typed into: keys typed meanwhile queue behind them, in order. */
  into: HTMLInputElement | HTMLTextAreaElement | null;
}

let hold: Hold | null = null;
let installed = false;

/**
 * How soon a move that left the focus where it was lets the keys held go to it: Ctrl+F from
 * the timeline's own search, Alt+Shift+B with the board's row already focused. By then a
 * screen being left is gone, or hidden while the next one loads.
 */
const STAYED_MS = 150;

/**
 * Holds what is typed from now until a field of the next screen takes the focus. `focusMoves`:
 * the caller knows the focus will leave the field it is in (Enter on a facility opens its
 * form), so keys typed there meanwhile are never for it.
 */
export function holdTypeAhead(opts: { focusMoves?: boolean } = {}): void {
  install();
  const h: Hold = { keys: [], until: performance.now() + HOLD_MS, before: document.activeElement, into: null };
  hold = h;
  if (!opts.focusMoves) setTimeout(() => stayed(h), STAYED_MS);
}

/** The move kept the focus on the element inside the screen it was on: the keys held are for it. */
function stayed(h: Hold): void {
  const el = h.before;
  const main = document.querySelector('main');
  if (hold !== h || h.into || !(el instanceof HTMLElement) || document.activeElement !== el) return;
  // Not the frame around the screens (a screen is still coming into it) nor the rail.
  if (!el.isConnected || !el.getClientRects().length || !main || el === main || !main.contains(el)) return;
  if (isTextField(el)) return release(h, el);
  hold = null;
  void pressInto(el, h.keys);
}

/** Keys held for an element that is not a text field (a board row): pressed on it, in turns; an Enter nothing took clicks it. */
async function pressInto(el: HTMLElement, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    if (document.activeElement !== el) return;
    const untaken = el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    if (untaken && key === 'Enter') el.click();
    await new Promise((done) => setTimeout(done, 0));
  }
}

/** Drops any keys held (the console locked: what was typed is not for the PIN field). */
export function dropTypeAhead(): void {
  hold = null;
}

function live(): Hold | null {
  if (hold && !hold.into && performance.now() > hold.until) hold = null;
  return hold;
}

const replayable = (key: string) => (key.length === 1 && !OWN_KEYS.has(key)) || key === 'Backspace' || key === 'Enter';

/** A key pressed with Ctrl, Alt or Meta (not AltGr, which types characters on some layouts): a shortcut. */
const isShortcut = (e: KeyboardEvent) => (e.ctrlKey || e.altKey || e.metaKey) && !e.getModifierState('AltGraph');

function onKeyDown(e: KeyboardEvent): void {
  const h = live();
  if (!h || !e.isTrusted || e.isComposing) return;
  if (h.into) {
    // Still typing the held keys: a key typed now into a field goes after them.
    if (isTextField(e.target) && !isShortcut(e) && replayable(e.key)) {
      e.preventDefault();
      e.stopImmediatePropagation();
      h.keys.push(e.key);
    }
    return;
  }
  if (isTextField(e.target) && e.target !== h.before) return; // a field of the new screen already has it
  if (isShortcut(e)) {
    hold = null; // another shortcut: the operator has moved on
    return;
  }
  if (!replayable(e.key)) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  h.keys.push(e.key);
}

function onFocusIn(e: FocusEvent): void {
  const h = live();
  // The frame around the screens (given the focus as a move leaves a rail link, or by the
  // focus keeper) is not a field of the next screen: the keys wait on for one.
  if (!h || h.into || e.target === h.before || (e.target instanceof HTMLElement && e.target.tagName === 'MAIN')) return;
  if (!isTextField(e.target) || !h.keys.length) {
    hold = null;
    return;
  }
  release(h, e.target);
}

function release(h: Hold, field: HTMLInputElement | HTMLTextAreaElement): void {
  if (!h.keys.length) {
    hold = null;
    return;
  }
  h.into = field;
  // After the focus event has run its course, so the field's own handlers (what it held when
  // focused, which a form compares against to know text was typed) see it before the keys.
  setTimeout(() => void typeInto(h), 0);
}

/**
 * Types the held keys into the focused field, and any typed meanwhile after them: text through
 * the browser's own editing (input events, caret, undo, as typed keys), each Enter or
 * Backspace in its own turn after the screen has taken in the text before it (an Enter that
 * opens the facility found must see the list filtered by the name typed before it).
 */
async function typeInto(h: Hold): Promise<void> {
  const turn = () => new Promise((done) => setTimeout(done, 0));
  try {
    // An Enter that opens a form moves the focus to its first field: the keys after it go there.
    while (h.keys.length && hold === h && isTextField(document.activeElement)) {
      const field = document.activeElement;
      h.into = field;
      let text = '';
      while (h.keys.length && h.keys[0]!.length === 1) text += h.keys.shift();
      // insertText goes through the browser's own editing, as typed keys do.
      if (text) document.execCommand('insertText', false, text);
      const key = h.keys.shift();
      if (!key) break;
      await turn();
      if (document.activeElement !== field || hold !== h) continue;
      if (key === 'Backspace') document.execCommand('delete');
      else pressEnter(field);
      await turn();
      // The Enter began a move of its own (a facility's form opening): the keys after it wait for that form's field.
      if (hold !== h && hold) hold.keys.unshift(...h.keys.splice(0));
    }
  } finally {
    if (hold === h) hold = null;
  }
}

/**
 * Enter as a typed one is: first to the screen's own handlers (the facility search opens the
 * one found); if none took it, what the browser does with it: a new line in a multi-line
 * field, else the form sent, unless it is a long form where Enter sends nothing (save-keys.ts).
 */
function pressEnter(field: HTMLInputElement | HTMLTextAreaElement): void {
  const untaken = field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
  if (!untaken) return;
  if (field instanceof HTMLTextAreaElement) document.execCommand('insertText', false, '\n');
  else field.form?.requestSubmit();
}

function install(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('keydown', onKeyDown, true);
  document.addEventListener('focusin', onFocusIn, true);
}
