import { fieldName } from './field-name';

/** A field Ctrl+J can jump to: its name as people read it and the heading it sits under. */
export interface JumpTarget {
  readonly id: string;
  readonly name: string;
  readonly section: string | null;
  readonly el: HTMLElement;
}

const FIELDS = 'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]):not([type=image]), select, textarea';
const HEADINGS = 'h1, h2, h3, h4, legend';
const UNNAMED = 'a field without a name';

/** Where Ctrl+J looks: the dialog or side drawer on top (the last opened), else the screen. */
export function jumpScope(doc: Document = document): HTMLElement | null {
  const layers = [...doc.querySelectorAll<HTMLElement>('.mantine-Modal-content, .mantine-Drawer-content')].filter((el) => el.getClientRects().length > 0);
  return layers.at(-1) ?? doc.querySelector<HTMLElement>('main');
}

/** The named, shown, enabled fields of a form, in the order Tab reaches them, each with its heading. */
export function jumpTargets(scope: HTMLElement): JumpTarget[] {
  const out: JumpTarget[] = [];
  let section: string | null = null;
  for (const el of scope.querySelectorAll<HTMLElement>(`${HEADINGS}, ${FIELDS}`)) {
    if (el.matches(HEADINGS)) {
      section = el.textContent?.trim() || null;
      continue;
    }
    if ((el as HTMLInputElement).disabled || el.getClientRects().length === 0) continue;
    const name = fieldName(el);
    if (name === UNNAMED) continue;
    out.push({ id: `jump-${out.length}`, name, section, el });
  }
  return out;
}

const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The fields whose name (or heading) holds every word typed, best first: a name starting
 * with what was typed, then names where each typed word starts a word ("med surg av" finds
 * "Medical/surgical beds available"), then the rest; ties keep the form's order.
 */
export function rankTargets<T extends { name: string; section: string | null }>(targets: readonly T[], query: string): T[] {
  const typed = words(query);
  if (!typed.length) return [...targets];
  const scored: { t: T; score: number; i: number }[] = [];
  targets.forEach((t, i) => {
    const name = words(t.name);
    const all = [...name, ...words(t.section ?? '')];
    if (!typed.every((w) => all.some((n) => n.includes(w)))) return;
    const score = name.join(' ').startsWith(typed.join(' ')) ? 0 : typed.every((w) => name.some((n) => n.startsWith(w))) ? 1 : 2;
    scored.push({ t, score, i });
  });
  return scored.sort((a, b) => a.score - b.score || a.i - b.i).map((s) => s.t);
}
