import { describe, expect, it } from 'vitest';
import type { StatusType } from '../../../shared/contract';
import { gridHeadings } from '../../../renderer/src/features/status/grid-headings';

function type(id: string, label: string, kind: StatusType['kind'], unit: string | null = null): StatusType {
  return {
    id,
    code: id,
    label,
    group: 'Beds',
    ordinal: 0,
    kind,
    unit,
    min: null,
    max: null,
    choices: [],
    baselineTypeId: null,
    jumpShare: null,
    aggregate: 'none',
    intervals: {},
    defaultInterval: 60,
    intervalNow: 60,
    haveField: null,
    disciplines: ['hospital'],
  };
}

const types = new Map(
  [
    type('ops', 'Operating status', 'choice'),
    type('icu', 'Adult ICU beds available', 'number', 'beds'),
    type('medsurg', 'Medical/surgical beds available', 'number', 'beds'),
    type('peds', 'Pediatrics beds available', 'number', 'beds'),
    type('icuBase', 'Adult ICU beds baseline', 'number', 'beds'),
    type('vent', 'Ventilators available', 'number', 'ventilators'),
    type('fuel', 'Generator fuel', 'number', 'hours'),
    type('shifts', 'Extra shifts available', 'number', 'shifts'),
  ].map((t) => [t.id, t]),
);

describe('the status grid’s column headings', () => {
  it('says once, over them, the words and unit neighbouring bed columns share; each column keeps its own words, short, and its whole name', () => {
    const [ops, beds, vent] = gridHeadings(['ops', 'icu', 'medsurg', 'peds', 'vent'], types);
    expect(ops).toEqual({ label: null, columns: [{ id: 'ops', short: 'Operating status', full: 'Operating status' }] });
    expect(beds!.label).toBe('Beds available');
    expect(beds!.columns).toEqual([
      { id: 'icu', short: 'Adult ICU', full: 'Adult ICU beds available' },
      { id: 'medsurg', short: 'Med/\u200bsurg', full: 'Medical/surgical beds available' },
      { id: 'peds', short: 'Peds', full: 'Pediatrics beds available' },
    ]);
    // Its words say the unit: not "Vents (ventilators)".
    expect(vent).toEqual({ label: null, columns: [{ id: 'vent', short: 'Vents', full: 'Ventilators available' }] });
  });

  it('names the unit where the words do not, and groups no columns whose names end differently or whose units differ', () => {
    const groups = gridHeadings(['icu', 'icuBase', 'fuel', 'shifts'], types);
    expect(groups.map((g) => g.label)).toEqual([null, null, null, null]);
    expect(groups[2]!.columns[0]).toEqual({ id: 'fuel', short: 'Generator fuel (hours)', full: 'Generator fuel (hours)' });
  });

  it('keeps a run only as long as every name in it ends with the shared words', () => {
    const groups = gridHeadings(['vent', 'icu', 'peds'], types);
    expect(groups.map((g) => g.label)).toEqual([null, 'Beds available']);
    expect(gridHeadings(['unknown'], types)).toEqual([{ label: null, columns: [{ id: 'unknown', short: 'unknown', full: 'unknown' }] }]);
  });
});
