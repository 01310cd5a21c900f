/** How a field is named to people: its label without the required mark, else its accessible name. */
export function fieldName(el: HTMLElement): string {
  const byId = (ids: string | null) =>
    (ids ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
  const label = (el as HTMLInputElement).labels?.[0]?.textContent || el.getAttribute('aria-label') || byId(el.getAttribute('aria-labelledby')) || el.getAttribute('placeholder') || '';
  return label.replace(/\s*\*\s*$/, '').trim() || 'a field without a name';
}
