import { describe, expect, it } from 'vitest';
import { contactInput } from '../../../shared/contract';
import { isDialable, phoneProblem } from '../../../shared/domain/phone';

describe('a phone number someone can dial', () => {
  it('takes a North American number of 10 digits, with a leading 1 or not, however it is punctuated', () => {
    for (const n of ['413-555-0100', '(413) 555-0142', '413.555.0100', '413 555 0100', '4135550100', '1-413-555-0100', '1 (413) 555-0100', '+1 413 555 0100', ' 413-555-0100 ']) {
      expect(phoneProblem('24/7 phone', n), n).toBeNull();
    }
  });

  it('takes an extension written x, ext., ext:, # or extension, dashes pasted from a document, and the three-digit service numbers', () => {
    for (const n of ['413-555-0100 x204', '413-555-0100x204', '413-555-0100 ext. 204', '413-555-0100 ext 204', '413-555-0100 EXT.204', '413-555-0100 extension 204', '413-555-0100 #204', '413-555-0100 ext: 12', '413\u2013555\u20130100', '211', '911']) {
      expect(phoneProblem('24/7 phone', n), n).toBeNull();
    }
    expect(phoneProblem('24/7 phone', '413-555-0100 x')).toBe('24/7 phone has an extension that is not a number: write it as digits after x or ext., such as 413-555-0100 x204');
    expect(phoneProblem('24/7 phone', '413-555-0100 ext. front desk')).toMatch(/extension that is not a number/);
  });

  it('takes an international number: + and 8 to 15 digits, the country code included', () => {
    for (const n of ['+44 20 7946 0958', '+33 1 23 45 67 89', '+353 1 234 5678', '+49 (30) 1234-5678', '+22345678', '+223456789012345']) {
      expect(phoneProblem('Phone', n), n).toBeNull();
    }
    expect(phoneProblem('Phone', '+44 20 79')).toBe('Phone has 6 digits after the +: a number abroad has 8 to 15, its country code included, such as +44 20 7946 0958');
    expect(phoneProblem('Phone', '+44 20 7946 0958 1234 5')).toMatch(/^Phone has 17 digits after the \+/);
  });

  it('takes 011, the prefix dialled abroad from North America, in place of the +', () => {
    for (const n of ['011 44 20 7946 0958', '011-33-1-23-45-67-89', '01122345678']) expect(phoneProblem('Phone', n), n).toBeNull();
    expect(phoneProblem('Phone', '011 44 20 79')).toBe('Phone has 6 digits after 011: a number abroad has 8 to 15, its country code included, such as 011 44 20 7946 0958');
    // 011 then 1 is North American, as +1 is: its area code is checked.
    expect(phoneProblem('Phone', '011 1 413 555 0100')).toBeNull();
    expect(phoneProblem('Phone', '011 1 013 555 0100')).toMatch(/^Phone has the area code 013/);
    // Ten digits starting 011 are not a North American number either.
    expect(phoneProblem('Phone', '011-555-0100')).toMatch(/^Phone has 7 digits after 011/);
  });

  it('refuses a number a digit short or run together, saying how many digits it has and how many it needs', () => {
    expect(phoneProblem('24/7 phone', '413 555 01')).toBe('24/7 phone has 8 digits: a North American number has 10, such as 413-555-0100 (a number abroad starts with + and its country code)');
    expect(phoneProblem('24/7 phone', '413-555-0142413-555-0199')).toMatch(/^24\/7 phone has 20 digits: a North American number has 10/);
    expect(phoneProblem('24/7 phone', '555-0100')).toMatch(/^24\/7 phone has 7 digits/);
    expect(phoneProblem('24/7 phone', '2-413-555-0100')).toMatch(/^24\/7 phone has 11 digits/);
    expect(phoneProblem('24/7 phone', '+1 413 555 01')).toMatch(/^24\/7 phone has 9 digits: a North American number has 10/);
  });

  it('refuses an area code or local number no North American number has', () => {
    expect(phoneProblem('Other phone', '013-555-0100')).toBe('Other phone has the area code 013: no area code starts with 0, such as 413-555-0100');
    expect(phoneProblem('Other phone', '1-141-355-5010')).toMatch(/area code 141: no area code starts with 1/);
    expect(phoneProblem('Other phone', '413-155-0100')).toBe('Other phone has 155 after the area code: no local number starts with 1, such as 413-555-0100');
  });

  it('refuses letters and signs, and a + anywhere but the start', () => {
    for (const n of ['1-800-FLOWERS', '413-555-0100 or 0101', '413/555/0100', '413+555-0100', 'call the desk']) {
      expect(phoneProblem('24/7 phone', n), n).toMatch(/^24\/7 phone may hold only digits, spaces and - \. \( \), a \+ before a country code and an extension/);
    }
  });

  it('has nothing to say about an empty field: whether one is needed is the form’s to say', () => {
    expect(phoneProblem('24/7 phone', '')).toBeNull();
    expect(phoneProblem('24/7 phone', '   ')).toBeNull();
    expect(isDialable('')).toBe(false);
    expect(isDialable('413-555-0100')).toBe(true);
    expect(isDialable('413 555 01')).toBe(false);
  });

  it('is the contract’s rule: the backend refuses in the same words, naming the field', () => {
    const base = { organisationId: '00000000-0000-4000-8000-000000000001', name: 'ED charge nurse' };
    const bad = contactInput.safeParse({ ...base, phone24x7: '413 555 01' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['phone24x7', phoneProblem('24/7 phone', '413 555 01')]]);
    const other = contactInput.safeParse({ ...base, phone24x7: '413-555-0142', otherPhones: ['413-555-0110', '413 555'] });
    expect(other.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['otherPhones.1', phoneProblem('Other phone', '413 555')]]);
    expect(contactInput.safeParse({ ...base, phone24x7: ' (413) 555-0142 x12 ' }).data?.phone24x7).toBe('(413) 555-0142 x12');
  });
});
