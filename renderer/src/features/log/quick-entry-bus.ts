/** Lets any button open the quick entry that the shell owns, without prop chains. */
const bus = new EventTarget();

export function openQuickEntry(): void {
  bus.dispatchEvent(new Event('open'));
}

export function onOpenQuickEntry(listener: () => void): () => void {
  bus.addEventListener('open', listener);
  return () => bus.removeEventListener('open', listener);
}
