import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Ed25519 keys as the console uses them: the public key travels as base64 of its 32 raw
 * bytes; people compare its fingerprint, the first 96 bits of the SHA-256 of those bytes in
 * six groups of four hex digits ("3F2A 91C0 7D4E 2B18 A6F0 11CD"), short enough to read
 * over a radio and long enough that no one can make a second key with the same one.
 */

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function generatePrivateKey(): KeyObject {
  return generateKeyPairSync('ed25519').privateKey;
}

export function privateKeyToPkcs8(key: KeyObject): Buffer {
  return key.export({ type: 'pkcs8', format: 'der' });
}

/** Parses a stored private key (PKCS#8, DER or PEM); refuses anything but Ed25519. */
export function privateKeyFromPkcs8(bytes: Uint8Array): KeyObject {
  const buf = Buffer.from(bytes);
  const pem = buf.subarray(0, 11).toString('latin1') === '-----BEGIN ';
  const key = pem ? createPrivateKey(buf.toString('utf8')) : createPrivateKey({ key: buf, format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`The stored key is ${key.asymmetricKeyType}, not Ed25519`);
  return key;
}

/** Base64 of the 32 raw bytes of the public half of `key`. */
export function rawPublicKey(key: KeyObject): string {
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return spki.subarray(SPKI_ED25519_PREFIX.length).toString('base64');
}

export function fingerprintOf(publicKey: string): string {
  const raw = Buffer.from(publicKey, 'base64');
  const hex = createHash('sha256').update(raw).digest('hex').slice(0, 24).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

function publicKeyObject(publicKey: string | Uint8Array): KeyObject {
  const raw = typeof publicKey === 'string' ? Buffer.from(publicKey, 'base64') : Buffer.from(publicKey);
  if (raw.length !== 32) throw new Error('An Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

const bytesOf = (b: Uint8Array | string): Buffer => (typeof b === 'string' ? Buffer.from(b, 'utf8') : Buffer.from(b));

export function signBytes(key: KeyObject, bytes: Uint8Array | string): Buffer {
  return sign(null, bytesOf(bytes), key);
}

/**
 * Whether `signature` (raw bytes or base64) is `publicKey`'s Ed25519 signature of `bytes`
 * (a string is taken as its UTF-8 bytes). Pure: no store, no key store. Never throws on a
 * malformed key or signature; that is simply not a valid signature.
 */
export function verifySignature(
  publicKey: string | Uint8Array,
  bytes: Uint8Array | string,
  signature: Uint8Array | string,
): boolean {
  try {
    const sig = typeof signature === 'string' ? Buffer.from(signature, 'base64') : Buffer.from(signature);
    if (sig.length !== 64) return false;
    return verify(null, bytesOf(bytes), publicKeyObject(publicKey), sig);
  } catch {
    return false;
  }
}
