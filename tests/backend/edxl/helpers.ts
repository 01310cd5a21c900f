import { XMLParser } from 'fast-xml-parser';

/** The element tree in document order: [name, children] pairs, namespace prefixes dropped. */
export interface El {
  name: string;
  text: string | null;
  children: El[];
}

const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false });

function toEl(node: Record<string, unknown>): El | null {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (!name || name === '#text' || name.startsWith('?')) return null;
  const kids = node[name] as Record<string, unknown>[];
  const text = kids.find((k) => '#text' in k)?.['#text'];
  return { name, text: text === undefined ? null : String(text), children: kids.map(toEl).filter((x): x is El => x !== null) };
}

export function tree(xml: string): El {
  const nodes = ordered.parse(xml) as Record<string, unknown>[];
  return nodes.map(toEl).find((x) => x !== null)!;
}

export const names = (e: El) => e.children.map((c) => c.name);
export const child = (e: El, name: string) => e.children.find((c) => c.name === name);
export const all = (e: El, name: string) => e.children.filter((c) => c.name === name);

/** True when `seq` follows `order` (each name's first index never goes backwards). */
export function inOrder(seq: string[], order: readonly string[]): boolean {
  let last = -1;
  for (const n of seq) {
    const i = order.indexOf(n);
    if (i < last || i === -1) return false;
    last = i;
  }
  return true;
}
