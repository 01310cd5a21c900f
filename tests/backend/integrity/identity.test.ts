import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeystoreClient, type KeystoreRequest } from '../../../electron/backend/host/keystore-channel';
import { enrolledKeys } from '../../../electron/backend/identity/queries';
import { fileKeyStore, KEY_FILE, sealedKeyStore, type Sealer } from '../../../electron/backend/identity/key-store';
import { openIdentity } from '../../../electron/backend/identity/identity';
import { fingerprintOf, verifySignature } from '../../../electron/backend/identity/keys';
import { answerKeystore, type SafeStorageLike } from '../../../electron/main/keystore';
import { openDatabase } from '../../../electron/backend/db/open';
import { openBackend, tempDir } from '../helpers/backend';

/** A stand-in for the OS: reversible, and visibly not the plain key. */
const fakeSealer: Sealer = {
  protection: 'the test keyring',
  seal: (b) => Promise.resolve(Buffer.concat([Buffer.from('SEALED:'), Buffer.from(b).reverse()])),
  unseal: (b) => {
    const buf = Buffer.from(b);
    if (buf.subarray(0, 7).toString() !== 'SEALED:') return Promise.reject(new Error('not sealed by this keyring'));
    return Promise.resolve(Buffer.from(buf.subarray(7)).reverse());
  },
};

describe('the workstation identity', () => {
  it('makes an Ed25519 key at first run, keeps it in a file only its user can read, and keeps it across restarts', async () => {
    const dataDir = tempDir();
    const first = await openBackend({ dataDir });
    const info = await first.call('system.info', {});
    expect(info.identity.fingerprint).toMatch(/^([0-9A-F]{4} ){5}[0-9A-F]{4}$/);
    expect(Buffer.from(info.identity.publicKey, 'base64')).toHaveLength(32);
    expect(info.identity.fingerprint).toBe(fingerprintOf(info.identity.publicKey));
    expect(info.identity.protection).toMatch(/readable only by this operating-system user/);
    const file = path.join(dataDir, KEY_FILE);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    await first.backend.close();

    const again = await openBackend({ dataDir });
    expect((await again.call('system.info', {})).identity.publicKey).toBe(info.identity.publicKey);
  });

  it('enrols its public key in its own chain once, as a record of fact', async () => {
    const dataDir = tempDir();
    const t = await openBackend({ dataDir });
    const { identity, workstationId } = await t.call('system.info', {});
    await t.backend.close();
    await (await openBackend({ dataDir })).backend.close();
    const db = openDatabase(path.join(dataDir, 'eoc.sqlite'), { readonly: true });
    try {
      expect(enrolledKeys(db)).toEqual([
        expect.objectContaining({ workstationId, publicKey: identity.publicKey, fingerprint: identity.fingerprint, reason: 'created' }),
      ]);
    } finally {
      db.close();
    }
  });

  it('signs bytes that only its public key verifies; a changed byte or another key fails', async () => {
    const a = await openIdentity(fileKeyStore(path.join(tempDir(), 'a.pem')));
    const b = await openIdentity(fileKeyStore(path.join(tempDir(), 'b.pem')));
    const msg = Buffer.from('origin ws-1 seq 42 hash abc');
    const sig = a.sign(msg);
    expect(sig).toHaveLength(64);
    expect(verifySignature(a.publicKey, msg, sig)).toBe(true);
    expect(verifySignature(a.publicKey, msg, sig.toString('base64'))).toBe(true);
    expect(verifySignature(a.publicKey, Buffer.from('origin ws-1 seq 43 hash abc'), sig)).toBe(false);
    expect(verifySignature(b.publicKey, msg, sig)).toBe(false);
    expect(verifySignature('not a key', msg, sig)).toBe(false);
    expect(verifySignature(a.publicKey, msg, 'c2hvcnQ=')).toBe(false);
  });

  it('moves an unreadable key aside, makes a new one, and records the replacement in the chain and the audit trail', async () => {
    const dataDir = tempDir();
    const first = await openBackend({ dataDir });
    const before = (await first.call('system.info', {})).identity;
    await first.backend.close();
    fs.writeFileSync(path.join(dataDir, KEY_FILE), 'garbage');

    const t = await openBackend({ dataDir });
    const after = (await t.call('system.info', {})).identity;
    expect(after.publicKey).not.toBe(before.publicKey);
    expect(fs.readdirSync(dataDir).some((f) => f.startsWith(`${KEY_FILE}.unreadable-`))).toBe(true);
    const db = openDatabase(path.join(dataDir, 'eoc.sqlite'), { readonly: true });
    try {
      expect(enrolledKeys(db).map((k) => [k.fingerprint, k.reason, k.replacesFingerprint])).toEqual([
        [before.fingerprint, 'created', null],
        [after.fingerprint, 'replaced', before.fingerprint],
      ]);
      const audit = db.prepare("SELECT detail FROM audit_entries WHERE action = 'identity.replaced'").get() as { detail: string };
      expect(JSON.parse(audit.detail)).toMatchObject({ previousFingerprint: before.fingerprint, fingerprint: after.fingerprint });
    } finally {
      db.close();
    }
    expect((await t.call('integrity.verify', {})).ok).toBe(true);
  });

  it('keeps the key sealed by the OS key store under Electron: the file never holds the plain key', async () => {
    const dataDir = tempDir();
    const store = sealedKeyStore(path.join(dataDir, 'k.sealed'), fakeSealer);
    const t = await openBackend({ dataDir, keyStore: store });
    const { identity } = await t.call('system.info', {});
    expect(identity.protection).toMatch(/sealed by the test keyring/);
    const onDisk = fs.readFileSync(path.join(dataDir, 'k.sealed'));
    expect(onDisk.subarray(0, 7).toString()).toBe('SEALED:');
    expect(onDisk.includes(Buffer.from('PRIVATE KEY'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, KEY_FILE))).toBe(false);
    await t.backend.close();
    const again = await openBackend({ dataDir, keyStore: store });
    expect((await again.call('system.info', {})).identity.publicKey).toBe(identity.publicKey);
  });
});

describe('the key-store channel between the backend process and Electron main', () => {
  /** safeStorage as Electron gives it, with a chosen Linux backend. */
  const safe = (backend: string, available = true): SafeStorageLike => ({
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(`enc(${s})`),
    decryptString: (b) => {
      const s = b.toString();
      if (!s.startsWith('enc(')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return s.slice(4, -1);
    },
    getSelectedStorageBackend: () => backend,
  });

  function wire(storage: SafeStorageLike) {
    const client = createKeystoreClient((m: KeystoreRequest) => {
      const reply = answerKeystore(m, storage, 'linux');
      queueMicrotask(() => client.receive(reply));
    });
    return client;
  }

  it('seals and unseals through main, and the sealed store round-trips a key', async () => {
    const got = await wire(safe('gnome_libsecret')).sealer();
    if (!('sealer' in got)) throw new Error(got.unavailable);
    expect(got.sealer.protection).toMatch(/desktop keyring \(gnome_libsecret\)/);
    const id = await openIdentity(sealedKeyStore(path.join(tempDir(), 'k.sealed'), got.sealer));
    expect(id.fingerprint).toMatch(/^[0-9A-F ]+$/);
    const dir = tempDir();
    const store = sealedKeyStore(path.join(dir, 'k.sealed'), got.sealer);
    const a = await openIdentity(store);
    const b = await openIdentity(store);
    expect(b.publicKey).toBe(a.publicKey);
  });

  it('reports no OS key store where Linux would fall back to its built-in password, or where none is available', async () => {
    expect(await wire(safe('basic_text')).sealer()).toEqual({ unavailable: expect.stringMatching(/not available \(basic_text\)/) });
    expect(await wire(safe('kwallet5', false)).sealer()).toEqual({ unavailable: expect.stringMatching(/not available/) });
  });

  it('leaves every other message to the supervisor, and a reply it does not expect to the dispatcher', () => {
    expect(answerKeystore({ type: 'ready' }, safe('gnome_libsecret'))).toBeNull();
    expect(answerKeystore({ type: 'response', id: 1, response: { ok: true } }, safe('gnome_libsecret'))).toBeNull();
    const client = createKeystoreClient(() => undefined);
    expect(client.receive({ type: 'request', id: 1, request: {} })).toBe(false);
  });

  it('turns a failed unseal (the keyring was reset) into a new key kept aside from the old', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'k.sealed');
    const first = await openIdentity(sealedKeyStore(file, fakeSealer));
    const other: Sealer = { ...fakeSealer, unseal: () => Promise.reject(new Error('the keyring was reset')) };
    const second = await openIdentity(sealedKeyStore(file, other));
    expect(second.publicKey).not.toBe(first.publicKey);
    expect(second.replaced).toEqual({ reason: 'the keyring was reset', setAside: expect.stringContaining('k.sealed.unreadable-') });
  });
});
