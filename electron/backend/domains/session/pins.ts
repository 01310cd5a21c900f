import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { forbidden } from '../../errors';

const PIN_NAMESPACE = '0d7c9a34-1f0b-4c55-8f2e-5a4f2d7b9c11';

/** One person, one row, whatever the spacing or case they type their name in. */
export const normalName = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
const pinId = (name: string) => uuidv5(`operator:${normalName(name)}`, PIN_NAMESPACE);

const hashOf = (pin: string, salt: string) => scryptSync(pin, salt, 32).toString('hex');

interface PinRow {
  pin_hash: string | null;
  pin_salt: string | null;
}

function pinRow(db: Db, name: string): PinRow | null {
  return (db.prepare('SELECT pin_hash, pin_salt FROM operator_pins WHERE id = ? AND deleted = 0').get(pinId(name)) as PinRow | undefined) ?? null;
}

export function hasPin(db: Db, name: string): boolean {
  return !!pinRow(db, name)?.pin_hash;
}

/**
 * Refuses when the name has a PIN and the one given is missing or wrong, in words that
 * name the field. A name with no PIN passes: PINs are optional, per operator.
 */
export function checkPin(db: Db, name: string, pin: string | undefined): void {
  const row = pinRow(db, name);
  if (!row?.pin_hash || !row.pin_salt) return;
  if (!pin) throw forbidden(`${name} has a PIN: type it to go on`, { issues: [{ path: ['pin'], message: 'PIN required' }] });
  const a = Buffer.from(hashOf(pin, row.pin_salt), 'hex');
  const b = Buffer.from(row.pin_hash, 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw forbidden(`That is not ${name}'s PIN`, { issues: [{ path: ['pin'], message: 'Wrong PIN' }] });
  }
}

export function setPin(tx: WriteTx, name: string, pin: string | null): void {
  if (pin === null) {
    tx.put('operator_pins', pinId(name), { name, pin_hash: null, pin_salt: null });
    return;
  }
  const salt = randomBytes(16).toString('hex');
  tx.put('operator_pins', pinId(name), { name, pin_hash: hashOf(pin, salt), pin_salt: salt });
}
