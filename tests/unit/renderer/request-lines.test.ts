import { describe, expect, it } from 'vitest';
import { BackendError } from '../../../renderer/src/backend';
import { initialValues, newLine, sentLines, skipsLine, toInput, type RequestValues } from '../../../renderer/src/features/request/form/form-values';
import { pathErrors } from '../../../renderer/src/features/request/form/path-errors';

const TZ = 'America/New_York';

function values(lines: Partial<ReturnType<typeof newLine>>[]): RequestValues {
  return { ...initialValues(null, 'inc', TZ), requestingOrganisationId: 'org', requestedByName: 'Lee Park', deliveryLocation: 'Dock B', lines: lines.map((l) => ({ ...newLine(), ...l })) };
}

describe('213RR lines added and never filled in', () => {
  it('are neither sent nor checked, and the lines sent say which line on screen each is', () => {
    // A Space typed on "Add a line" twice: lines 2 and 3 blank, line 4 filled.
    const v = values([{ quantity: 500, kind: 'N95 respirator' }, {}, {}, { quantity: 2, kind: 'Ventilator', description: 'Adult' }]);
    expect(sentLines(v)).toEqual([0, 3]);
    expect([0, 1, 2, 3].map((i) => skipsLine(v, i))).toEqual([false, true, true, false]);
    expect(toInput(v, TZ).lines.map((l) => [l.quantity, l.kind, l.description])).toEqual([
      [500, 'N95 respirator', null],
      [2, 'Ventilator', 'Adult'],
    ]);
  });

  it('a line with anything typed in it is sent and checked, and with every line blank the first is checked', () => {
    const v = values([{ quantity: 500, kind: 'N95 respirator' }, { description: 'spare' }, { unit: 'box' }]);
    expect(sentLines(v)).toEqual([0, 1, 2]);
    const none = values([{}, {}]);
    expect(sentLines(none)).toEqual([0]);
    expect(skipsLine(none, 0)).toBe(false);
  });

  it('a saved line left blank is kept, never dropped: removing one is the bin’s job', () => {
    const v = values([{ quantity: 500, kind: 'N95 respirator' }, { id: 'line-2' }]);
    expect(sentLines(v)).toEqual([0, 1]);
    expect(toInput(v, TZ).lines[1]).toMatchObject({ id: 'line-2', quantity: 0, kind: '' });
  });

  it('a refusal of the second line sent marks the line it is about on screen', () => {
    const e = new BackendError({
      code: 'validation',
      message: 'Kind is required',
      details: { issues: [{ path: ['lines', 1, 'kind'], message: 'Kind is required' }, { path: ['deliveryLocation'], message: 'Location is required' }] },
    } as ConstructorParameters<typeof BackendError>[0]);
    expect(pathErrors(e, [0, 3])).toEqual({ 'lines.3.kind': 'Kind is required', deliveryLocation: 'Location is required' });
    expect(pathErrors(e)).toHaveProperty(['lines.1.kind']);
  });
});
