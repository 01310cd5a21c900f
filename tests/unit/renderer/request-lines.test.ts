import { describe, expect, it } from 'vitest';
import { BackendError } from '../../../renderer/src/backend';
import { initialValues, newLine, sentLines, skipsLine, toInput, type RequestValues } from '../../../renderer/src/features/request/form/form-values';
import { pathErrors } from '../../../renderer/src/features/request/form/path-errors';
import { requestCreateInput } from '../../../shared/contract';
import { validationError } from '../../../electron/backend/validation';

const input = {
  incidentId: '0190a0a0-0000-7000-8000-000000000001',
  requestingOrganisationId: '0190a0a0-0000-7000-8000-000000000002',
  requestedByName: 'Lee Park',
  priority: 'routine',
  deliveryLocation: 'Dock B',
  lines: [{ quantity: 500, kind: 'N95 respirator' }],
};

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

  it('a refusal of the second line sent marks the line it is about on screen, with the backend’s own paths', () => {
    // As the backend sends it: validationError makes every path segment a string.
    const r = requestCreateInput.safeParse({ ...input, lines: [input.lines[0], { quantity: 0, kind: 'Ventilator', costCents: -5 }] });
    if (r.success) throw new Error('expected a refusal');
    const v = validationError(r.error, 'request.create');
    const e = new BackendError({ code: 'validation', message: v.message, details: v.details } as ConstructorParameters<typeof BackendError>[0]);
    const { fields, unsaid } = pathErrors(e, [0, 3]);
    expect(Object.keys(fields).sort()).toEqual(['lines.3.cost', 'lines.3.quantity']);
    expect(unsaid).toEqual([]);
    // The type refusal records.ts makes itself ("Line 2: …" among the lines sent).
    const typeRefusal = new BackendError({
      code: 'validation',
      message: 'Line 2: Type 5 is not a NIMS type',
      details: { issues: [{ path: ['lines', '1', 'type'], message: 'Type 5 is not a NIMS type' }] },
    } as ConstructorParameters<typeof BackendError>[0]);
    expect(pathErrors(typeRefusal, [0, 3]).fields).toEqual({ 'lines.3.type': 'Type 5 is not a NIMS type' });
    // An issue about the list itself has no field: it is said in words.
    const none = requestCreateInput.safeParse({ ...input, lines: [] });
    if (none.success) throw new Error('expected a refusal');
    const n = validationError(none.error, 'request.create');
    const refusal = pathErrors(new BackendError({ code: 'validation', message: n.message, details: n.details } as ConstructorParameters<typeof BackendError>[0]), []);
    expect(refusal.fields).toEqual({});
    expect(refusal.unsaid).toEqual(['Add at least one line: quantity, kind and description']);
  });
});
