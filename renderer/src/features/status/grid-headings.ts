import type { StatusType } from '../../../../shared/contract';

/** A column's heading: short words on screen, the whole name for a screen reader and as a title. */
export interface ColumnHeading {
  id: string;
  short: string;
  full: string;
}

/** Neighbouring columns under one heading that says once what they share ("Beds available"), or one column alone (label null). */
export interface HeadingGroup {
  label: string | null;
  columns: ColumnHeading[];
}

/**
 * The short forms hospital status boards use (HAvBED, EMResource), so that a column of
 * numbers is as narrow as its field. "Med/surg" may break after its slash.
 */
const SHORT: Readonly<Record<string, string>> = {
  'Medical/surgical': 'Med/\u200bsurg',
  Pediatrics: 'Peds',
  'Pediatric ICU': 'PICU',
  'Neonatal ICU': 'NICU',
  'Adult psychiatric': 'Adult psych',
  'Negative-pressure isolation': 'Neg. pressure',
  'Ventilators available': 'Vents',
};

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Whether the words already say the unit ("Adult ICU beds available" says beds). */
const saysUnit = (label: string, unit: string | null | undefined) => !unit || words(label.toLowerCase()).includes(unit.toLowerCase());

/** The unit is said only where the full name does not already say it ("Adult ICU beds available", not "… (beds)"). */
function withUnit(shown: string, label: string, unit: string | null | undefined): string {
  return saysUnit(label, unit) ? shown : `${shown} (${unit})`;
}

/** The full name of a field, its unit included where its words do not say it. */
export function fullHeading(t: StatusType): string {
  return withUnit(t.label, t.label, t.unit);
}

/** How many of the trailing words `tail` has the label ends with too, leaving it at least one word of its own. */
function sharedTail(tail: string[], label: string[]): string[] {
  let n = 0;
  while (n < tail.length && n < label.length - 1 && tail[tail.length - 1 - n]!.toLowerCase() === label[label.length - 1 - n]!.toLowerCase()) n++;
  return tail.slice(tail.length - n);
}

/**
 * The grid's headings, in column order: neighbouring number columns of the same unit whose
 * names end alike ("Adult ICU beds available", "Pediatrics beds available") go under one
 * heading that says the shared words once ("Beds available"), each column keeping what
 * sets it apart ("Adult ICU", "Peds"). A column whose type is unknown keeps its id.
 */
export function gridHeadings(columns: readonly string[], types: ReadonlyMap<string, StatusType>): HeadingGroup[] {
  const groups: HeadingGroup[] = [];
  let i = 0;
  while (i < columns.length) {
    const first = types.get(columns[i]!);
    // The words every label of the run ends with; the first label keeps at least one of its own.
    let tail: string[] = first?.kind === 'number' ? words(first.label).slice(1) : [];
    let j = i + 1;
    for (; first && j < columns.length; j++) {
      const next = types.get(columns[j]!);
      if (!next || next.kind !== 'number' || next.unit !== first.unit) break;
      const shared = sharedTail(tail, words(next.label));
      if (!shared.length) break;
      tail = shared;
    }
    if (first && j - i >= 2) {
      // The unit is the same along the run: said once, over it, unless its words say it.
      const said = capital(tail.join(' '));
      const label = withUnit(said, said, first.unit);
      groups.push({
        label,
        columns: columns.slice(i, j).map((id) => {
          const t = types.get(id)!;
          const own = words(t.label).slice(0, -tail.length).join(' ');
          return { id, short: SHORT[own] ?? own, full: fullHeading(t) };
        }),
      });
      i = j;
      continue;
    }
    const id = columns[i]!;
    groups.push({ label: null, columns: [first ? { id, short: withUnit(SHORT[first.label] ?? first.label, first.label, first.unit), full: fullHeading(first) } : { id, short: id, full: id }] });
    i++;
  }
  return groups;
}
