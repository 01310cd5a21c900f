import { keystoreRequest, type KeystoreReply } from '../backend/host/keystore-channel';

/** The slice of Electron's safeStorage used here, so the answer can be tested without Electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * Answers the backend's key-store requests with safeStorage (see host/keystore-channel.ts).
 * Returns null for a message that is not one, so the supervisor gets everything else.
 *
 * On Linux, safeStorage falls back to `basic_text` (a password built into Chromium) when no
 * keyring is running; that protects nothing, so it is reported unavailable and the backend
 * keeps its key in a 0600 file, saying so in Settings.
 */
export function answerKeystore(message: unknown, safe: SafeStorageLike, platform = process.platform): KeystoreReply | null {
  const parsed = keystoreRequest.safeParse(message);
  if (!parsed.success) return null;
  const { id, op, data } = parsed.data;
  const reply = (r: Omit<KeystoreReply, 'type' | 'id'>): KeystoreReply => ({ type: 'keystore-reply', id, ...r });
  try {
    const backend = platform === 'linux' ? safe.getSelectedStorageBackend?.() : undefined;
    const available = safe.isEncryptionAvailable() && backend !== 'basic_text';
    if (op === 'status') {
      if (!available)
        return reply({ ok: true, available: false, message: `the OS key store is not available${backend ? ` (${backend})` : ''}` });
      const what = platform === 'darwin' ? 'the macOS Keychain' : platform === 'win32' ? 'Windows DPAPI' : `the desktop keyring (${backend ?? 'unknown'})`;
      return reply({ ok: true, available: true, protection: `${what} for this operating-system user` });
    }
    if (!available) return reply({ ok: false, message: 'the OS key store is not available' });
    if (data === undefined) return reply({ ok: false, message: `nothing to ${op}` });
    if (op === 'seal') return reply({ ok: true, data: safe.encryptString(data).toString('base64') });
    return reply({ ok: true, data: safe.decryptString(Buffer.from(data, 'base64')) });
  } catch (e) {
    return reply({ ok: false, message: e instanceof Error ? e.message : String(e) });
  }
}
