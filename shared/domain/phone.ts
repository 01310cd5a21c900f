/**
 * What the console takes as a phone number: one someone can dial. A coalition's 24/7 numbers
 * are what the call-down list, the activation sheet and the contact card put in large type as
 * the number to call at any hour, so "413 555 01" (a digit short) or twenty digits run together
 * must be refused when typed, not found wrong during an activation.
 *
 * Dialable means:
 * - a North American number: 10 digits, optionally after a 1 (area code and exchange each
 *   start with 2 to 9, as the numbering plan has them);
 * - or an international number: + and 8 to 15 digits, the country code included (E.164);
 *   +1 is North American and follows the rule above; 011, the prefix dialled from North
 *   America, may stand for the + (011 44 20 7946 0958);
 * - written with any of spaces, - . ( ) between the digits;
 * - optionally followed by an extension: x204, ext. 204, ext: 204, #204 or extension 204;
 * - or a three-digit service number: 211, 311, 511, 711, 911.
 * Dashes pasted from a word processor count as hyphens.
 *
 * The contract (the backend's refusal) and the forms (before sending) use these same words.
 * Only what is saved is checked: numbers already stored are read and shown as they are.
 */

export const PHONE_EXAMPLE = '413-555-0100';

const EXTENSION = /(extension|ext\.?:?|x|#)/i;
/** Dashes a word processor or a PDF puts in a number pasted from it. */
const DASHES = /[\u2010-\u2015\u2212]/g;
const NUMBER_CHARACTERS = /^\+?[\d\s().-]+$/;

/** Why `value` is not a dialable number, as the end of a sentence starting with its label; null when it is (or is empty). */
function problem(value: string): string | null {
  const s = value.trim().replace(DASHES, '-');
  if (!s) return null;
  // 211 (community services), 311, 511, 711 (relay), 911: dialled as they are.
  if (/^[2-9]11$/.test(s)) return null;
  const ext = EXTENSION.exec(s);
  const number = (ext ? s.slice(0, ext.index) : s).trim();
  if (ext && !/^\d{1,6}$/.test(s.slice(ext.index + ext[0].length).trim())) {
    return `has an extension that is not a number: write it as digits after x or ext., such as ${PHONE_EXAMPLE} x204`;
  }
  if (!NUMBER_CHARACTERS.test(number)) {
    return `may hold only digits, spaces and - . ( ), a + before a country code and an extension such as x204 (${PHONE_EXAMPLE} x204)`;
  }
  const digits = number.replace(/\D/g, '');
  if (number.startsWith('+') && !digits.startsWith('1')) {
    return digits.length >= 8 && digits.length <= 15
      ? null
      : `has ${digits.length} digits after the +: a number abroad has 8 to 15, its country code included, such as +44 20 7946 0958`;
  }
  // Dialled abroad from North America: 011, then the country code and the number (011 1 …
  // is North American after all, and follows the rule below as +1 does).
  if (digits.startsWith('011') && !digits.startsWith('0111') && !number.startsWith('+')) {
    const abroad = digits.length - 3;
    return abroad >= 8 && abroad <= 15
      ? null
      : `has ${abroad} digits after 011: a number abroad has 8 to 15, its country code included, such as 011 44 20 7946 0958`;
  }
  const plain = digits.startsWith('0111') ? digits.slice(3) : digits;
  const national = plain.length === 11 && plain.startsWith('1') ? plain.slice(1) : plain;
  if (national.length !== 10) {
    return `has ${digits.length} digits: a North American number has 10, such as ${PHONE_EXAMPLE} (a number abroad starts with + and its country code)`;
  }
  if (/^[01]/.test(national)) return `has the area code ${national.slice(0, 3)}: no area code starts with ${national[0]}, such as ${PHONE_EXAMPLE}`;
  if (/^[01]/.test(national.slice(3))) return `has ${national.slice(3, 6)} after the area code: no local number starts with ${national[3]}, such as ${PHONE_EXAMPLE}`;
  return null;
}

/** The refusal in words naming the field ("24/7 phone has 8 digits: …"), or null when `value` can be dialled or is empty. */
export function phoneProblem(label: string, value: string): string | null {
  const p = problem(value);
  return p && `${label} ${p}`;
}

/** Whether `value` is a number that can be dialled (empty is not). */
export function isDialable(value: string): boolean {
  return value.trim() !== '' && problem(value) === null;
}
