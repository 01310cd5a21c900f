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

export function holdTypeAhead(): void {
  install();
  hold = { keys: [], until: performance.now() + HOLD_MS, before: document.activeElement, into: null };
}

function live(): Hold | null {
  if (hold && !hold.into && performance.now() > hold.until) hold = null;
  return hold;
}

const replayable = (key: string) => (key.length === 1 && !OWN_KEYS.has(key)) || key === 'Backspace' || key === 'Enter';

function onKeyDown(e: KeyboardEvent): void {
  const h = live();
  if (!h || !e.isTrusted) return;
  if (h.into) {
    // Still typing the held keys: a key typed now into a field goes after them.
    if (isTextField(e.target) && !e.ctrlKey && !e.altKey && !e.metaKey && replayable(e.key)) {
      e.preventDefault();
      e.stopImmediatePropagation();
      h.keys.push(e.key);
    }
    return;
  }
  if (isTextField(e.target) && e.target !== h.before) return; // a field of the new screen already has it
  if (e.ctrlKey || e.altKey || e.metaKey) {
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
  if (!h || h.into || e.target === h.before) return;
  const field = e.target;
  if (!isTextField(field) || !h.keys.length) {
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
    while (h.keys.length && isTextField(document.activeElement)) {
      const field = document.activeElement;
      h.into = field;
      let text = '';
      while (h.keys.length && h.keys[0]!.length === 1) text += h.keys.shift();
      // insertText goes through the browser's own editing, as typed keys do.
      if (text) document.execCommand('insertText', false, text);
      const key = h.keys.shift();
      if (!key) break;
      await turn();
      if (document.activeElement !== field) continue;
      if (key === 'Backspace') document.execCommand('delete');
      else field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
      await turn();
    }
  } finally {
    if (hold === h) hold = null;
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('keydown', onKeyDown, true);
  document.addEventListener('focusin', onFocusIn, true);
}
