import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import {
  isMethodName,
  methods,
  requestEnvelope,
  type BackupInfo,
  type EventEnvelope,
  type EventName,
  type EventPayload,
  type ResponseEnvelope,
} from '../../shared/contract';
import { listBackups, quickCheckOk, resolveBackup, swapInBackup, takeBackup } from './db/backups';
import { readHead } from './db/chain';
import { acquireDataLock } from './db/lock';
import { LATEST_SCHEMA, migrate, pendingMigrations, schemaVersion, StoreTooNewError } from './db/migrate';
import { databaseFile, openDatabase, peekSchemaVersion, type Db } from './db/open';
import { Writer, type Actor } from './db/writer';
import { currentSession } from './domains/session/queries';
import { auditCommand, commandLineActor, type CommandLine } from './command-line';
import { AppError, toContractError } from './errors';
import { enrolIdentity } from './identity/enrol';
import { openIdentity, type Identity } from './identity/identity';
import { fileKeyStore, KEY_FILE, type KeyStore } from './identity/key-store';
import { insertSignedHead, makeSignedHead } from './integrity/heads';
import { IntegrityMonitor } from './integrity/monitor';
import { handlers } from './handlers';
import type { ReadContext, Services, WriteContext } from './registry';
import { validationError } from './validation';

export interface BackendOptions {
  readonly dataDir: string;
  readonly appVersion?: string;
  /** better-sqlite3 binary for this runtime (Electron's ABI); default: the stock one. */
  readonly nativeBinding?: string;
  /** Scheduled backups while data changes; 0 turns them off. Default 10 minutes. */
  readonly backupIntervalMs?: number;
  readonly clock?: () => number;
  /**
   * Where the workstation's private signing key is kept. Electron's host passes one sealed
   * by the OS (safeStorage, through the main process); default: a 0600 file in the data folder.
   */
  readonly keyStore?: KeyStore;
  /**
   * Between the background integrity checks (the first runs just after start); 0 turns the
   * schedule off. Default 5 minutes; every 12th check walks every chain from its start.
   */
  readonly integrityCheckMs?: number;
  /** Set by the admin command line: writes are the OS user's, each audited with the command. */
  readonly commandLine?: CommandLine;
}

export interface Backend {
  handle(request: unknown): Promise<ResponseEnvelope>;
  onEvent(listener: (e: EventEnvelope) => void): () => void;
  close(): Promise<void>;
  readonly dataDir: string;
}

/** Methods that still answer when the store failed its check at start. */
const DEGRADED_ALLOWED = new Set(['system.ping', 'system.info', 'backup.list', 'backup.restore']);

interface Store {
  db: Db;
  writer: Writer;
  workstationId: string;
  degraded: string | null;
}

function ensureWorkstationId(db: Db): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'workstation_id'").get() as { value: string } | undefined;
  if (row) return row.value;
  const id = uuidv7();
  db.prepare("INSERT INTO meta (key, value) VALUES ('workstation_id', ?)").run(id);
  return id;
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const dataDir = options.dataDir;
  fs.mkdirSync(dataDir, { recursive: true });
  const dbFile = databaseFile(dataDir);
  const clock = options.clock ?? Date.now;
  const startedAt = clock();
  const native = options.nativeBinding;
  const listeners = new Set<(e: EventEnvelope) => void>();
  let dirtySinceBackup = false;
  let closed = false;

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const l of listeners) l({ event, payload });
  };

  async function openStore(): Promise<Store> {
    const found = peekSchemaVersion(dbFile, native);
    if (found !== null && found > LATEST_SCHEMA) throw new StoreTooNewError(found, LATEST_SCHEMA);
    let db: Db;
    try {
      db = openDatabase(dbFile, native ? { nativeBinding: native } : {});
    } catch (e) {
      if (e instanceof Error && /not a database|malformed|corrupt/i.test(e.message)) return degradedStore(e.message);
      throw e;
    }
    try {
      const check = quickCheckOk(db);
      if (!check.ok) {
        db.close();
        return degradedStore(`quick_check reported: ${check.detail.slice(0, 300)}`);
      }
      const pending = pendingMigrations(db); // throws StoreTooNewError before anything is written
      if (pending.length && schemaVersion(db) > 0) await takeBackup(db, dataDir, 'pre-migration', clock(), native);
      migrate(db);
      const workstationId = ensureWorkstationId(db);
      const writer = new Writer(db, workstationId, clock, { signer: identity });
      enrolIdentity(db, writer, identity);
      return { db, writer, workstationId, degraded: null };
    } catch (e) {
      db.close();
      if (e instanceof Error && /malformed|corrupt|not a database/i.test(e.message)) return degradedStore(e.message);
      throw e;
    }
  }

  /** A store that failed its check: opened read-only when possible, offering restore. */
  function degradedStore(reason: string): Store {
    let db: Db;
    try {
      db = openDatabase(':memory:', native ? { nativeBinding: native } : {});
    } catch (e) {
      throw new Error(`The data file failed its check (${reason}) and no fallback could be opened: ${String(e)}`);
    }
    migrate(db);
    const workstationId = ensureWorkstationId(db);
    return {
      db,
      writer: new Writer(db, workstationId, clock),
      workstationId,
      degraded: `The data file failed its integrity check at start (${reason}). Restore the newest verified backup; the damaged file will be kept aside, not erased.`,
    };
  }

  const releaseLock = acquireDataLock(dataDir);
  let store: Store;
  let identity: Identity;
  try {
    identity = await openIdentity(options.keyStore ?? fileKeyStore(path.join(dataDir, KEY_FILE)), clock);
    store = await openStore();
  } catch (e) {
    releaseLock();
    throw e;
  }

  const services: Services = {
    appVersion: options.appVersion ?? '0.0.0',
    dataDir,
    databaseFile: dbFile,
    startedAt,
    get workstationId() {
      return store.workstationId;
    },
    get degraded() {
      return store.degraded;
    },
    identity,
    schemaVersion: () => (store.degraded ? 0 : schemaVersion(store.db)),
    now: clock,
    backup: async (reason) => {
      if (store.degraded) throw new AppError('unavailable', 'No backup can be taken of a damaged store; restore one instead');
      // The head signed now goes into the backup's record: a witness kept outside the file.
      const head = services.signHead('backup');
      const info = await takeBackup(store.db, dataDir, reason, clock(), native, head ? { chainHeads: [head] } : {});
      const cli = options.commandLine;
      if (cli) {
        store.writer.transaction((tx) => {
          tx.audit('backup.taken', { file: info.file, verified: info.verified });
          auditCommand(tx, cli);
        }, commandLineActor(store.workstationId, cli));
      }
      dirtySinceBackup = false;
      emit('backup.done', info);
      // 'backups' names the backup folder (not a table): the list of backups shown is read again.
      emit('data.changed', { tables: ['backups'] });
      return info;
    },
    listBackups: () => listBackups(dataDir),
    restore: async (file) => {
      const source = resolveBackup(dataDir, file);
      if (!source) throw new AppError('not_found', `Backup ${file} was not found`);
      // The head of the file being replaced, signed: the restored chain records it, so a
      // witness taken after the backup is recognised as replaced by this restore, not tampering.
      const replacedHead = services.signHead('restore');
      if (!store.degraded) await takeBackup(store.db, dataDir, 'pre-restore', clock(), native);
      store.db.close();
      const aside = swapInBackup(dataDir, dbFile, source, clock());
      store = await openStore();
      actorCache = null;
      void monitor.check(true);
      if (!store.degraded) {
        store.writer.transaction((tx) => tx.audit('backup.restored', { from: file, keptAside: aside, replacedHead }), actorOf());
      }
      emit('data.changed', { tables: ['*'] });
      return { restoredFrom: file, keptAside: aside };
    },
    verify: async (witnesses = []) => {
      if (store.degraded) throw new AppError('unavailable', store.degraded);
      const report = await monitor.verifyNow(witnesses);
      if (!report) throw new AppError('unavailable', 'The check was interrupted (the store was closed or restored); try again');
      return report;
    },
    integrityStatus: () => monitor.current,
    signHead: (reason) => {
      if (store.degraded) return null;
      const head = readHead(store.db, store.workstationId);
      if (head.seq === 0) return null;
      const signed = makeSignedHead(identity, store.workstationId, head, clock(), reason);
      insertSignedHead(store.db, signed);
      return signed;
    },
  };

  const monitor = new IntegrityMonitor({
    db: () => (store.degraded ? null : store.db),
    now: clock,
    changed: () => emit('data.changed', { tables: ['integrity'] }),
    intervalMs: options.integrityCheckMs ?? 5 * 60_000,
  });
  monitor.start();

  // Who is on duty changes only through sign-in, sign-out or a restore: cache it rather
  // than query it on every request.
  let actorCache: Actor | null = null;
  function actorOf(): Actor {
    actorCache ??= readActor();
    return actorCache;
  }
  function readActor(): Actor {
    const s = store.degraded ? null : currentSession(store.db, store.workstationId);
    return {
      workstationId: store.workstationId,
      operatorName: s?.operatorName ?? null,
      positionTitle: s?.position.title ?? null,
    };
  }

  async function handle(raw: unknown): Promise<ResponseEnvelope> {
    const env = requestEnvelope.safeParse(raw);
    const id = env.success ? env.data.id : typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : '';
    if (!env.success) return { id, ok: false, error: { code: 'validation', message: 'Malformed request: it needs an id, a method and an input' } };
    const { method, input } = env.data;
    if (closed) return { id, ok: false, error: { code: 'unavailable', message: 'The backend is shutting down' } };
    if (!isMethodName(method)) return { id, ok: false, error: { code: 'not_found', message: `Unknown method ${method}` } };
    if (store.degraded && !DEGRADED_ALLOWED.has(method)) {
      return { id, ok: false, error: { code: 'unavailable', message: store.degraded } };
    }
    const def = methods[method];
    const parsed = def.input.safeParse(input);
    if (!parsed.success) return { id, ok: false, error: toContractError(validationError(parsed.error, method)) };
    const cli = options.commandLine;
    const actor = cli ? commandLineActor(store.workstationId, cli) : actorOf();
    const signedIn = actor.operatorName !== null;
    if (def.kind === 'write' && !('public' in def && def.public) && !signedIn) {
      return { id, ok: false, error: { code: 'forbidden', message: 'Sign in with your name and position before recording anything' } };
    }
    const base: ReadContext = { db: store.db, services, actor, signedIn };
    const ctx: WriteContext = {
      ...base,
      write: (fn) => {
        if (def.kind !== 'write') throw new Error(`${method} is a read and cannot write`);
        const { result, tables } = store.writer.transaction(
          cli
            ? (tx) => {
                const r = fn(tx);
                auditCommand(tx, cli);
                return r;
              }
            : fn,
          actor,
        );
        if (tables.includes('session') || tables.includes('positions')) actorCache = null;
        if (tables.length) {
          dirtySinceBackup = true;
          emit('data.changed', { tables });
        }
        return result;
      },
    };
    try {
      const h = handlers[method] as (i: unknown, c: WriteContext) => unknown;
      const result = await h(parsed.data, ctx);
      return { id, ok: true, result };
    } catch (e) {
      return { id, ok: false, error: toContractError(e) };
    }
  }

  const interval = options.backupIntervalMs ?? 10 * 60_000;
  let scheduledRunning = false;
  const timer =
    interval > 0
      ? setInterval(() => {
          // One at a time: a backup slower than the interval must not start a second one.
          if (!dirtySinceBackup || store.degraded || closed || scheduledRunning) return;
          scheduledRunning = true;
          services
            .backup('scheduled')
            .catch((e: unknown) => {
              process.emitWarning(`Scheduled backup failed: ${String(e)}`);
            })
            .finally(() => {
              scheduledRunning = false;
            });
        }, interval)
      : null;
  timer?.unref();

  return {
    dataDir,
    handle,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      monitor.stop();
      listeners.clear();
      if (!store.degraded) {
        try {
          store.db.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          // A busy checkpoint is harmless: the WAL is replayed at next open.
        }
      }
      store.db.close();
      releaseLock();
    },
  };
}

export type { BackupInfo };
export { LATEST_SCHEMA };
