import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { activationContentInput } from '../../../shared/contract/activation';
import { BackendError } from '../../../renderer/src/backend';
import { validationError } from '../../../electron/backend/validation';
import { sheetFieldErrors } from '../../../renderer/src/features/activation/sheet-errors';

/** The refusal the backend sends for `content`, as the renderer receives it. */
function refusal(content: unknown): BackendError {
  const r = z.object({ content: activationContentInput }).safeParse({ content });
  if (r.success) throw new Error('expected a refusal');
  const e = validationError(r.error, 'activation.save');
  return new BackendError({ code: 'validation', message: e.message, details: e.details } as ConstructorParameters<typeof BackendError>[0]);
}

const sheet = {
  title: 'How to activate the region',
  whoMayActivate: ['Duty officer'],
  levels: [{ name: 'Level 1', trigger: 'Any hospital on diversion' }],
  firstCalls: [{ label: 'Public health', contactId: null, phone: '413-555-0100' }],
  coordinationCenter: { location: 'Springfield EOC', howToOpen: 'Key at the desk', alternate: null },
  firstActions: ['Open the log'],
};

describe('an activation sheet refused, on the form’s fields', () => {
  it('puts a first call’s bad number on the row it was typed in, not the row it was sent as', () => {
    // Rows 0 and 2 on screen were blank and not sent: the second sent is row 3 on screen.
    const e = refusal({ ...sheet, firstCalls: [sheet.firstCalls[0], { label: 'Fire', contactId: null, phone: '413 555 01' }] });
    const errors = sheetFieldErrors(e, [1, 3]);
    expect(Object.keys(errors)).toEqual(['firstCalls.3.phone']);
    expect(errors['firstCalls.3.phone']).toMatch(/^Phone has 8 digits/);
  });

  it('marks the contact of a row with neither a contact nor a number, and the sheet’s other fields by their form names', () => {
    const e = refusal({ ...sheet, title: '', firstCalls: [{ label: 'Fire', contactId: null, phone: null }], coordinationCenter: { ...sheet.coordinationCenter, location: '' } });
    const errors = sheetFieldErrors(e, [2]);
    expect(errors).toHaveProperty('title');
    expect(errors).toHaveProperty('location');
    expect(errors['firstCalls.2.contactId']).toMatch(/contact from the directory or a phone number/);
  });

  it('puts an empty list on its first row, and leaves anything but a validation refusal alone', () => {
    expect(Object.keys(sheetFieldErrors(refusal({ ...sheet, firstCalls: [] }), []))).toEqual(['firstCalls.0.label']);
    expect(sheetFieldErrors(new BackendError({ code: 'conflict', message: 'Changed meanwhile' } as ConstructorParameters<typeof BackendError>[0]), [0])).toEqual({});
    expect(sheetFieldErrors(new Error('socket closed'), [0])).toEqual({});
  });
});
