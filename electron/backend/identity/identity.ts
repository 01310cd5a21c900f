import type { KeyObject } from 'node:crypto';
import type { KeyStore } from './key-store';
import { fingerprintOf, generatePrivateKey, privateKeyFromPkcs8, privateKeyToPkcs8, rawPublicKey, signBytes } from './keys';

/**
 * This workstation's signing identity: what sync and the chain's signed heads build on.
 * The private key never leaves this object.
 */
export interface Identity {
  /** Base64 of the 32 raw bytes of the Ed25519 public key. */
  readonly publicKey: string;
  /** What people compare: see keys.ts. */
  readonly fingerprint: string;
  /** In words: what protects the private key at rest. */
  readonly protection: string;
  /** Set when the stored key could not be read at start and a new one was made. */
  readonly replaced: { readonly reason: string; readonly setAside: string | null } | null;
  /** The Ed25519 signature (64 bytes) of `bytes` (a string is signed as its UTF-8 bytes). */
  sign(bytes: Uint8Array | string): Buffer;
}

function identityOf(key: KeyObject, protection: string, replaced: Identity['replaced']): Identity {
  const publicKey = rawPublicKey(key);
  return {
    publicKey,
    fingerprint: fingerprintOf(publicKey),
    protection,
    replaced,
    sign: (bytes) => signBytes(key, bytes),
  };
}

/**
 * Loads the workstation's key from its key store, making one at first run. A key that can
 * no longer be read (the OS key store was reset, the file was damaged) is moved aside,
 * never erased, and a new key is made: the console keeps working, and the replacement is
 * recorded in the chain and the audit trail where the verifier and people see it.
 */
export async function openIdentity(store: KeyStore, now: () => number = Date.now): Promise<Identity> {
  let stored: Uint8Array | null;
  let unreadable: string | null = null;
  try {
    stored = await store.load();
  } catch (e) {
    stored = null;
    unreadable = e instanceof Error ? e.message : String(e);
  }
  if (stored) {
    try {
      return identityOf(privateKeyFromPkcs8(stored), store.protection, null);
    } catch (e) {
      unreadable = e instanceof Error ? e.message : String(e);
    }
  }
  const key = generatePrivateKey();
  let setAside: string | null = null;
  if (unreadable !== null) setAside = await store.setAside(now());
  try {
    await store.save(privateKeyToPkcs8(key));
  } catch (e) {
    throw new Error(
      `The workstation's signing key could not be saved (${e instanceof Error ? e.message : String(e)}). ` +
        'Check that the data folder is writable by this user.',
    );
  }
  return identityOf(key, store.protection, unreadable === null ? null : { reason: unreadable, setAside });
}
