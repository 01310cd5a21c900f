export { openIdentity, type Identity } from './identity';
export { fileKeyStore, sealedKeyStore, KEY_FILE, SEALED_KEY_FILE, type KeyStore, type Sealer } from './key-store';
export { fingerprintOf, verifySignature } from './keys';
export { enrolledKeys, currentKey, type EnrolledKey } from './queries';
