import type { Db } from '../db/open';
import type { Writer } from '../db/writer';
import type { Identity } from './identity';
import { currentKey } from './queries';

/**
 * Records this workstation's public key in its own chain at first run, and records a
 * replacement when the key in use is not the one enrolled (the stored key was lost or
 * unreadable). Written as the workstation itself: no operator is signed in at start.
 */
export function enrolIdentity(db: Db, writer: Writer, identity: Identity): void {
  const enrolled = currentKey(db, writer.workstationId);
  if (enrolled?.publicKey === identity.publicKey) return;
  const actor = { workstationId: writer.workstationId, operatorName: null, positionTitle: null };
  writer.transaction((tx) => {
    tx.appendFact('workstation_keys', {
      occurred_at: tx.now(),
      public_key: identity.publicKey,
      fingerprint: identity.fingerprint,
      algorithm: 'ed25519',
      reason: enrolled ? 'replaced' : 'created',
      replaces_fingerprint: enrolled?.fingerprint ?? null,
    });
    if (enrolled) {
      tx.audit('identity.replaced', {
        previousFingerprint: enrolled.fingerprint,
        fingerprint: identity.fingerprint,
        why: identity.replaced?.reason ?? 'the private key of the enrolled key was not in this data folder',
        keptAside: identity.replaced?.setAside ?? null,
      });
    }
  }, actor);
}

/** True when the key in use is the one this workstation has enrolled: opening writes nothing for it. */
export function isEnrolled(db: Db, workstationId: string, identity: Identity): boolean {
  return currentKey(db, workstationId)?.publicKey === identity.publicKey;
}
