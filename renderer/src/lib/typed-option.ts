import { getParsedComboboxData, type ComboboxData, type ComboboxItem, type ComboboxParsedItem } from '@mantine/core';

type Primitive = string | number | boolean;

function flatten<V extends Primitive>(items: ComboboxParsedItem<V>[]): ComboboxItem<V>[] {
  return items.flatMap((i) => ('group' in i ? flatten<V>(i.items as ComboboxParsedItem<V>[]) : [i]));
}

const options = <V extends Primitive>(data: ComboboxData<V> | undefined) => flatten<V>(getParsedComboboxData<V>(data));

/**
 * The option that what the operator typed into a searchable select names: the one whose
 * label or value is exactly that text (ignoring case), or else the only one whose label
 * contains it. Null when the text names none or several, or is the current option's label.
 */
export function typedOption<V extends Primitive>(data: ComboboxData<V> | undefined, typed: string, currentLabel: string | null): ComboboxItem<V> | null {
  const q = typed.trim().toLowerCase();
  if (!q || q === currentLabel?.trim().toLowerCase()) return null;
  const enabled = options(data).filter((o) => !o.disabled);
  const exact = enabled.find((o) => o.label.toLowerCase() === q || `${o.value}`.toLowerCase() === q);
  if (exact) return exact;
  const containing = enabled.filter((o) => o.label.toLowerCase().includes(q));
  return containing.length === 1 ? containing[0]! : null;
}

export function labelOf<V extends Primitive>(data: ComboboxData<V> | undefined, value: V | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return options(data).find((o) => `${o.value}` === `${value}`)?.label ?? null;
}
