import fs from 'node:fs';
import path from 'node:path';

/**
 * Where a workstation's private key lives between runs. The backend gets one through
 * `BackendOptions.keyStore`: under Electron a store sealed by the OS (safeStorage, done in
 * the main process), in the browser host a file only its user can read.
 */
export interface KeyStore {
  /** In words, for Settings and the README: what protects the private key. */
  readonly protection: string;
  /** The stored private key (PKCS#8), or null when none was made yet. */
  load(): Promise<Uint8Array | null>;
  save(pkcs8: Uint8Array): Promise<void>;
  /** Moves an unreadable key aside (never erased) so a new one can be made; returns where. */
  setAside(at: number): Promise<string | null>;
}

/** The default file name inside the data folder (never inside the SQLite file or a backup). */
export const KEY_FILE = 'workstation-key.pem';
export const SEALED_KEY_FILE = 'workstation-key.sealed';

/** Writes `bytes` to `file` readable only by this user, atomically (temp file, fsync, rename). */
function writePrivateFile(file: string, bytes: Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(tmp, 0o600); // the umask may have left it wider
  fs.renameSync(tmp, file);
  try {
    const dir = fs.openSync(path.dirname(file), 'r');
    fs.fsyncSync(dir);
    fs.closeSync(dir);
  } catch {
    // Directories cannot be opened for fsync on Windows; the rename is durable enough there.
  }
}

/** Reads a key file, tightening its mode back to 0600 if someone widened it. */
function readPrivateFile(file: string): Buffer | null {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return fs.readFileSync(file);
}

function setAsideFile(file: string, at: number): string | null {
  if (!fs.existsSync(file)) return null;
  const aside = `${file}.unreadable-${at}`;
  fs.renameSync(file, aside);
  return aside;
}

/** The browser host's key store: a PEM file with mode 0600 in the data folder. */
export function fileKeyStore(file: string, protection?: string): KeyStore {
  return {
    protection:
      protection ??
      `a file readable only by this operating-system user (${path.basename(file)} in the data folder); not encrypted`,
    load: () => Promise.resolve(readPrivateFile(file)),
    save: (pkcs8) => {
      const b64 = Buffer.from(pkcs8).toString('base64').match(/.{1,64}/g)!.join('\n');
      writePrivateFile(file, Buffer.from(`-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----\n`));
      return Promise.resolve();
    },
    setAside: (at) => Promise.resolve(setAsideFile(file, at)),
  };
}

/** Encrypts and decrypts with a key the operating system keeps for this user. */
export interface Sealer {
  /** In words: e.g. "the operating system's key store (gnome_libsecret)". */
  readonly protection: string;
  seal(plain: Uint8Array): Promise<Uint8Array>;
  unseal(sealed: Uint8Array): Promise<Uint8Array>;
}

/** The desktop app's key store: the key sealed by the OS (safeStorage), in a 0600 file. */
export function sealedKeyStore(file: string, sealer: Sealer): KeyStore {
  return {
    protection: `sealed by ${sealer.protection} (${path.basename(file)} in the data folder)`,
    async load() {
      const sealed = readPrivateFile(file);
      return sealed ? sealer.unseal(sealed) : null;
    },
    async save(pkcs8) {
      writePrivateFile(file, await sealer.seal(pkcs8));
    },
    setAside: (at) => Promise.resolve(setAsideFile(file, at)),
  };
}
