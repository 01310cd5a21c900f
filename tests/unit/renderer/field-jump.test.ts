import { describe, expect, it } from 'vitest';
import { rankTargets } from '../../../renderer/src/lib/field-jump';

const form = [
  { name: 'Reported by (at the facility)', section: null },
  { name: 'Adult ICU beds available (beds)', section: 'Beds' },
  { name: 'Adult ICU beds baseline (beds)', section: 'Beds' },
  { name: 'Pediatric ICU beds available (beds)', section: 'Beds' },
  { name: 'Medical/surgical beds available (beds)', section: 'Beds' },
  { name: 'Medical/surgical beds baseline (beds)', section: 'Beds' },
  { name: 'Diversion reason', section: 'Emergency department' },
  { name: 'ED status', section: 'Emergency department' },
];
const names = (q: string) => rankTargets(form, q).map((t) => t.name);

describe('jumping to a field by typing part of its name', () => {
  it('finds a field from the starts of its words, in any case', () => {
    expect(names('med surg av')).toEqual(['Medical/surgical beds available (beds)']);
    expect(names('MED SURG')[0]).toBe('Medical/surgical beds available (beds)');
  });

  it('puts a name that starts with what was typed first, then word starts, then anywhere; ties in the form’s order', () => {
    expect(names('ed')[0]).toBe('ED status');
    expect(names('ed').slice(1, 3)).toEqual(['Reported by (at the facility)', 'Adult ICU beds available (beds)']);
    expect(names('av med')).toEqual(['Medical/surgical beds available (beds)']);
    expect(names('base')).toEqual(['Adult ICU beds baseline (beds)', 'Medical/surgical beds baseline (beds)']);
    expect(names('icu')).toEqual(['Adult ICU beds available (beds)', 'Adult ICU beds baseline (beds)', 'Pediatric ICU beds available (beds)']);
  });

  it('matches the heading a field sits under', () => {
    expect(names('emergency reason')).toEqual(['Diversion reason']);
  });

  it('lists every field, in order, before anything is typed; nothing when no name holds a typed word', () => {
    expect(names('  ')).toEqual(form.map((f) => f.name));
    expect(names('ventilator')).toEqual([]);
  });
});
