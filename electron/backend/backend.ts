import fs from 'node:fs';
import path from 'node:path';
import { newId as uuidv7 } from './db/ids';
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
import {
  finishInterruptedRestore,
  importBackupFile,
  listBackups,
  moveAside,
  resolveBackup,
  stageRestore,
  swapInStaged,
  takeBackup,
} from './db/backups';
import { readHead } from './db/chain';
import { acquireDataLock } from './db/lock';
import { createLatest, LATEST_SCHEMA, migrate, pendingMigrations, schemaVersion, StoreTooNewError } from './db/migrate';
import { checkFile, type FileCheck, type FileVerdict } from './db/file-check';
import { createStoreFile, databaseFile, describeFsError, folderWriteProblem, openDatabase, writeProblem, type Db } from './db/open';
import { recogniseStore, stampApplicationId, StoreProblem } from './db/recognise';
import { Writer, type Actor } from './db/writer';
import { derivers } from './derivers';
import { currentSession } from './domains/session/queries';
import type { Position } from '../../shared/contract';
import { createSyncPort, type SyncPort } from './domains/sync/port';
import { createBundleService } from './domains/sync/bundle-service';
import { auditCommand, commandLineActor, type CommandLine } from './command-line';
import { AppError, toContractError } from './errors';
import { enrolIdentity, isEnrolled } from './identity/enrol';
import { openIdentity, type Identity } from './identity/identity';
import { fileKeyStore, KEY_FILE, type KeyStore } from './identity/key-store';
import { insertSignedHead, makeSignedHead } from './integrity/heads';
import { IntegrityMonitor } from './integrity/monitor';
import { handlers } from './handlers';
import type { ReadContext, Services, WriteContext } from './registry';
import { createLogger, type Logger } from './logger';
import { validationError } from './validation';
import { bootMark } from './boot-marks';

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
  /**
   * Longest wait before the chain head is signed after a save (Writer's signAfterMs);
   * default SIGNED_HEAD_AFTER_MS. Tests lengthen it to kill a process before the signature.
   */
  readonly signAfterMs?: number;
  /** Set by the admin command line: writes are the OS user's, each audited with the command. */
  readonly commandLine?: CommandLine;
  /** The backend's log; default: `logs/backend.log` in the data folder (logger.ts). */
  readonly logger?: Logger;
  /**
   * Data files and backup copies larger than this (bytes) are checked in a thread of their
   * own (db/file-check.ts); default CHECK_IN_THREAD_ABOVE. Tests set 0 to take that path.
   */
  readonly checkInThreadAbove?: number;
}

export interface Backend {
  handle(request: unknown): Promise<ResponseEnvelope>;
  /** The backend's log, for the host to record starts and refused connections in the same file. */
  readonly logger: Logger;
  onEvent(listener: (e: EventEnvelope) => void): () => void;
  close(): Promise<void>;
  readonly dataDir: string;
  /** The exchange of records with other workstations (sync paths only, never the UI). */
  readonly sync: SyncPort;
  /** Resolves once the data file has its verdict (at once unless a large file is still being checked). */
  fileChecked(): Promise<void>;
}

/** After a commit, when the WAL is checkpointed between requests (db/checkpoint.ts). */
const IDLE_CHECKPOINT_MS = 500;

/** Methods that still answer when the store failed its check at start. */
const DEGRADED_ALLOWED = new Set([
  'system.ping',
  'system.info',
  'backup.list',
  'backup.restore',
  'store.status',
  'store.restoreFile',
  'store.startFresh',
]);

interface Store {
  db: Db;
  writer: Writer;
  workstationId: string;
  degraded: string | null;
  problem: StoreProblem | null;
  /** The data file's check still running in its own thread (a large file), or null once given. */
  check: FileCheck | null;
  /** Opened read-only while that check ran: never written, checkpointed or signed. */
  readOnly: boolean;
}

/** What a write waiting for the data file's check is told, should it be refused meanwhile. */
const CHECKING = 'The data file is still being checked after the start; nothing is written to it until the check is done. Try again in a moment.';

/** The problem a failed check names: restore mode says what to do about it. */
function damagedProblem(verdict: FileVerdict): StoreProblem {
  return new StoreProblem('damaged', `quick_check reported: ${verdict.detail.slice(0, 300)}`);
}

/** An open store needs no write to open: its workstation id is there and its key enrolled. */
function opensWithoutWriting(db: Db, identity: Identity): boolean {
  const workstationId = readWorkstationId(db);
  return !!workstationId && isEnrolled(db, workstationId, identity);
}

function readWorkstationId(db: Db): string | null {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'workstation_id'").get() as { value: string } | undefined;
  return row?.value ?? null;
}

function ensureWorkstationId(db: Db): string {
  const held = readWorkstationId(db);
  if (held) return held;
  const id = uuidv7();
  db.prepare("INSERT INTO meta (key, value) VALUES ('workstation_id', ?)").run(id);
  return id;
}

/**
 * Opens the backend on a data folder. Its start, a start that fails (with the reason the
 * operator is shown), every unexpected error and every refused request go to its log.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const logger = options.logger ?? createLogger({ dataDir: options.dataDir });
  try {
    const backend = await openBackend(options, logger);
    logger.info('backend.started', { dataDir: options.dataDir, appVersion: options.appVersion ?? null, commandLine: options.commandLine ? true : undefined, pid: process.pid });
    return backend;
  } catch (e) {
    logger.error('backend.startFailed', { dataDir: options.dataDir, error: e });
    throw e;
  }
}

async function openBackend(options: BackendOptions, logger: Logger): Promise<Backend> {
  const dataDir = options.dataDir;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new Error(`The data folder ${dataDir} cannot be created (${describeFsError(e)}). Start the console with a folder this user can write.`);
  }
  const dbFile = databaseFile(dataDir);
  const clock = options.clock ?? Date.now;
  const startedAt = clock();
  const native = options.nativeBinding;
  const backupOptions = { nativeBinding: native, checkInThreadAbove: options.checkInThreadAbove };
  const listeners = new Set<(e: EventEnvelope) => void>();
  let dirtySinceBackup = false;
  let closed = false;

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const l of listeners) l({ event, payload });
  };

  /**
   * Opens the data file as the store, or, when it must not be written (damaged, empty,
   * another application's, part-way through an upgrade, read-only), opens restore mode
   * and leaves the file exactly as it was: every check below reads only.
   */
  async function openStore(creatingFresh = false): Promise<Store> {
    // First: a folder that cannot be written (SQLite could not even read a WAL store there).
    const folder = folderWriteProblem(dataDir);
    if (folder) return degradedStore(new StoreProblem('read-only', folder));
    finishInterruptedRestore(dataDir, dbFile);
    const seen = recogniseStore(dbFile, native);
    bootMark('store-recognised');
    if (seen.state === 'problem') return degradedStore(seen.problem);
    if (seen.state === 'store' && seen.userVersion > LATEST_SCHEMA) throw new StoreTooNewError(seen.userVersion, LATEST_SCHEMA);
    const readOnly = writeProblem(dataDir, dbFile);
    if (readOnly) return degradedStore(new StoreProblem('read-only', readOnly));
    // Checked read-only, so a damaged file is not switched to WAL or otherwise written. A
    // large file is checked in a thread of its own while the store opens (file-check.ts):
    // reads are answered meanwhile, writes wait for the verdict (see held()).
    let check: FileCheck | null = null;
    if (seen.state === 'store') {
      check = checkFile(dbFile, native, options.checkInThreadAbove);
      if (!check.inThread) {
        const verdict = await check.verdict;
        check = null;
        if (!verdict.ok) return degradedStore(damagedProblem(verdict));
        bootMark('store-checked');
      }
    } else {
      // No data file, yet verified backups beside it: the file was lost (deleted, moved),
      // not never made. Offer the backups rather than an empty console.
      const backups = listBackups(dataDir).filter((b) => b.verified);
      if (backups.length && !creatingFresh) {
        return degradedStore(
          new StoreProblem(
            'missing',
            `The data file ${dbFile} is missing, but the data folder holds ${backups.length} verified backup${backups.length > 1 ? 's' : ''} (the newest from ${new Date(backups[0]!.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC).`,
          ),
        );
      }
      // WAL files with no main file would be replayed into the new store: keep them aside.
      moveAside(dataDir, dbFile, clock(), 'orphaned-wal');
      createStoreFile(
        dbFile,
        (db) => {
          createLatest(db);
          stampApplicationId(db);
        },
        native ? { nativeBinding: native } : {},
      );
      bootMark('store-created');
    }
    let db: Db;
    try {
      // While a large file's check runs, a read-only connection answers the reads: it writes
      // nothing to the file, not WAL mode, not a checkpoint when it closes. The writable
      // one is opened once the check has passed (whenChecked).
      db = openDatabase(dbFile, { readonly: !!check, ...(native ? { nativeBinding: native } : {}) });
    } catch (e) {
      check?.cancel();
      if (e instanceof Error && /not a database|malformed|corrupt/i.test(e.message)) return degradedStore(new StoreProblem('damaged', e.message));
      throw e;
    }
    try {
      const pending = pendingMigrations(db); // throws StoreTooNewError before anything is written
      // Opening writes only to a store being upgraded, or not yet stamped, named or enrolled
      // here: that waits for the verdict, as every write does.
      if (check && (pending.length || (seen.state === 'store' && !seen.stamped) || !opensWithoutWriting(db, identity))) {
        const verdict = await check.verdict;
        check = null;
        db.close();
        if (!verdict.ok) return degradedStore(damagedProblem(verdict));
        db = openDatabase(dbFile, native ? { nativeBinding: native } : {});
      }
      if (check) {
        // Reads only until the verdict: every write is refused in words meanwhile (and
        // handle() waits for the verdict before it runs one).
        const workstationId = readWorkstationId(db)!;
        const writer = new Writer(db, workstationId, clock, { derivers });
        writer.hold(CHECKING);
        const reading: Store = { db, writer, workstationId, degraded: null, problem: null, check, readOnly: true };
        whenChecked(reading);
        return reading;
      }
      if (pending.length && schemaVersion(db) > 0) await takeBackup(db, dataDir, 'pre-migration', clock(), backupOptions);
      return writableStore(db);
    } catch (e) {
      check?.cancel();
      db.close();
      if (e instanceof Error && /malformed|corrupt|not a database/i.test(e.message)) return degradedStore(new StoreProblem('damaged', e.message));
      throw e;
    }
  }

  /** The store ready to write: migrated, stamped, named, its writer made and its key enrolled. */
  function writableStore(db: Db): Store {
    migrate(db);
    // A store of this console from before the application id: recognised by its schema above.
    stampApplicationId(db);
    const workstationId = ensureWorkstationId(db);
    const writer = new Writer(db, workstationId, clock, {
      derivers,
      signer: identity,
      idleCheckpointMs: IDLE_CHECKPOINT_MS,
      ...(options.signAfterMs !== undefined ? { signAfterMs: options.signAfterMs } : {}),
    });
    enrolIdentity(db, writer, identity);
    return { db, writer, workstationId, degraded: null, problem: null, check: null, readOnly: false };
  }

  /** Restore mode: the file is left untouched; an empty in-memory store answers the few methods restore needs. */
  function degradedStore(problem: StoreProblem): Store {
    let db: Db;
    try {
      db = openDatabase(':memory:', native ? { nativeBinding: native } : {});
    } catch (e) {
      throw new Error(`${problem.message} No fallback could be opened either: ${String(e)}`);
    }
    createLatest(db);
    const workstationId = ensureWorkstationId(db);
    return { db, writer: new Writer(db, workstationId, clock, { derivers }), workstationId, degraded: degradedMessage(problem), problem, check: null, readOnly: false };
  }

  // A folder nothing can be written to cannot hold a lock either; restore mode writes
  // nothing, so no second writer can fork the chain there.
  const releaseLock = folderWriteProblem(dataDir) ? () => {} : acquireDataLock(dataDir);
  let store: Store;
  let identity: Identity;
  try {
    identity = await openIdentity(options.keyStore ?? fileKeyStore(path.join(dataDir, KEY_FILE)), clock);
    bootMark('identity');
    store = await openStore();
    bootMark('store');
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
    get storeProblem() {
      return store.problem ? { kind: store.problem.kind, message: store.problem.message } : null;
    },
    schemaVersion: () => (store.degraded ? 0 : schemaVersion(store.db)),
    now: clock,
    backup: (reason) =>
      fileWork(async () => {
        if (store.degraded) throw new AppError('unavailable', 'No backup can be taken of a damaged store; restore one instead');
        if (closed) throw new AppError('unavailable', 'The backend is shutting down');
        // The head signed now goes into the backup's record: a witness kept outside the file.
        const head = services.signHead('backup');
        const info = await takeBackup(store.db, dataDir, reason, clock(), { ...backupOptions, sidecarExtra: head ? { chainHeads: [head] } : {} });
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
      }),
    listBackups: () => listBackups(dataDir),
    restore: async (file) => {
      const source = resolveBackup(dataDir, file);
      if (!source) throw new AppError('not_found', `Backup ${file} was not found`);
      return fileWork(() => restoreFrom(source, file));
    },
    // `sync` is made below, once the store is open; a bundle is only ever handled after that.
    bundles: createBundleService(() => sync, clock),
    restoreFile: (file) =>
      fileWork(async () => {
        const imported = await importBackupFile(dataDir, file, clock(), native, options.checkInThreadAbove);
        return restoreFrom(resolveBackup(dataDir, imported.file)!, file);
      }),
    startFresh: () =>
      fileWork(async () => {
        if (!store.problem) throw new AppError('conflict', 'The data file is sound: nothing to start afresh');
        store.writer.stop();
        store.db.close();
        const keptAside = moveAside(dataDir, dbFile, clock(), store.problem.kind);
        store = await openStore(true);
        actorCache = null;
        void monitor.check(true);
        emit('data.changed', { tables: ['*'] });
        return { keptAside };
      }),
    verify: async (witnesses = []) => {
      // The chain is walked on a file that passed its check (the monitor sees none before).
      await fileChecked();
      if (store.degraded) throw new AppError('unavailable', store.degraded);
      // What this workstation saved in the last second is signed before it is checked.
      store.writer.signPending('verify');
      const report = await monitor.verifyNow(witnesses);
      if (!report) throw new AppError('unavailable', 'The check was interrupted (the store was closed or restored); try again');
      return report;
    },
    integrityStatus: () => monitor.current,
    signHead: (reason) => {
      if (store.degraded || store.readOnly) return null;
      const head = readHead(store.db, store.workstationId);
      if (head.seq === 0) return null;
      const signed = makeSignedHead(identity, store.workstationId, head, clock(), reason);
      insertSignedHead(store.db, signed);
      return signed;
    },
  };

  /**
   * The verdict on a large data file, checked in its own thread while the console opened
   * (reads answered by a read-only connection meanwhile, every write held): sound, and the
   * writable store replaces the read-only one, then the integrity check and the batches
   * that waited for it run; damaged, and the console switches to restore mode with the
   * file exactly as it was. Attached by openStore to every store it opens with a check.
   */
  function whenChecked(checked: Store): void {
    void checked.check?.verdict.then((verdict) => {
      checked.check = null;
      // Closed meanwhile (the check was stopped): the read-only store is closed as it is.
      if (closed || store !== checked) return;
      // Restore mode in every window, the read-only connection closed as it is.
      const restoreMode = (problem: StoreProblem) => {
        checked.db.close();
        store = degradedStore(problem);
        actorCache = null;
        emit('data.changed', { tables: ['*'] });
      };
      if (!verdict.ok) {
        logger.error('store.damaged', { dataDir, detail: verdict.detail.slice(0, 300) });
        return restoreMode(damagedProblem(verdict));
      }
      let writable: Store;
      try {
        writable = writableStore(openDatabase(dbFile, native ? { nativeBinding: native } : {}));
      } catch (e) {
        logger.error('store.reopen.failed', { dataDir, error: e });
        return restoreMode(new StoreProblem('damaged', e instanceof Error ? e.message : String(e)));
      }
      checked.db.close();
      store = writable;
      logger.info('store.checked', { dataDir, inThread: true });
      monitor.checkAfterOpen();
      retryHeldBatches();
    });
  }

  /** Resolves once the open store's file has its verdict (at once, unless a large file is still being checked). */
  async function fileChecked(): Promise<void> {
    while (store.check) await store.check.verdict;
  }

  const monitor = new IntegrityMonitor({
    // Nothing to check, and no checkpoint written, before the file itself passed its check.
    db: () => (store.degraded || store.readOnly ? null : store.db),
    now: clock,
    changed: () => emit('data.changed', { tables: ['integrity'] }),
    intervalMs: options.integrityCheckMs ?? 5 * 60_000,
  });
  monitor.start();

  /**
   * Backups, restores and "start fresh" run one at a time: a scheduled backup must not copy
   * a store a restore is closing, nor two backups share the backup folder's partial files.
   */
  let fileQueue: Promise<unknown> = Promise.resolve();
  function fileWork<T>(work: () => Promise<T>): Promise<T> {
    // After the data file's check: a backup or restore must not start on a file that may be damaged.
    const run = fileQueue
      .then(fileChecked, fileChecked)
      .then(() => (closed ? Promise.reject(new AppError('unavailable', 'The backend is shutting down')) : work()));
    fileQueue = run.catch(() => undefined);
    return run;
  }

  /**
   * Copy and verify first (the live store still open and untouched; a full disk fails
   * here and changes nothing), then a pre-restore backup, then the swap: the live file
   * is moved aside only once a sound copy is in place to replace it.
   */
  async function restoreFrom(source: string, label: string): Promise<{ restoredFrom: string; keptAside: string }> {
    const staged = await stageRestore(dbFile, source, native, undefined, options.checkInThreadAbove);
    // The head of the file being replaced, signed: the restored chain records it, so a
    // witness taken after the backup is recognised as replaced by this restore, not tampering.
    let replacedHead: ReturnType<Services['signHead']>;
    try {
      replacedHead = services.signHead('restore');
      if (!store.degraded) await takeBackup(store.db, dataDir, 'pre-restore', clock(), backupOptions);
    } catch (e) {
      fs.rmSync(staged, { force: true });
      throw e;
    }
    store.writer.stop();
    store.db.close();
    let aside: string;
    try {
      aside = swapInStaged(dataDir, dbFile, staged, clock());
    } finally {
      // Whatever happened, open what the folder holds (a swap cut short is finished first).
      store = await openStore();
      actorCache = null;
      void monitor.check(true);
    }
    // The file put in place is checked as at a start; the restore is recorded once it passed.
    await fileChecked();
    if (!store.degraded) {
      store.writer.transaction((tx) => tx.audit('backup.restored', { from: label, keptAside: aside, replacedHead }), actorOf());
    }
    emit('data.changed', { tables: ['*'] });
    return { restoredFrom: label, keptAside: aside };
  }

  // Who is on duty changes only through sign-in, sign-out or a restore: cache it rather
  // than query it on every request.
  // The on-duty position is kept with it: a write handler needs it (a log entry's
  // position) and would otherwise read the session and the position on every write.
  let actorCache: { actor: Actor; position: Position | null } | null = null;
  function onDuty(): { actor: Actor; position: Position | null } {
    actorCache ??= readOnDuty();
    return actorCache;
  }
  function actorOf(): Actor {
    return onDuty().actor;
  }
  function readOnDuty(): { actor: Actor; position: Position | null } {
    const s = store.degraded ? null : currentSession(store.db, store.workstationId);
    return {
      actor: {
        workstationId: store.workstationId,
        operatorName: s?.operatorName ?? null,
        positionTitle: s?.position.title ?? null,
      },
      position: s?.position ?? null,
    };
  }

  async function handle(raw: unknown): Promise<ResponseEnvelope> {
    const env = requestEnvelope.safeParse(raw);
    const id = env.success ? env.data.id : typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : '';
    if (!env.success) {
      logger.warn('request.refused', { reason: 'malformed', id: id.slice(0, 80) });
      return { id, ok: false, error: { code: 'validation', message: 'Malformed request: it needs an id, a method and an input' } };
    }
    const { method, input } = env.data;
    if (closed) return { id, ok: false, error: { code: 'unavailable', message: 'The backend is shutting down' } };
    if (!isMethodName(method)) {
      logger.warn('request.refused', { reason: 'unknown method', method: method.slice(0, 80) });
      return { id, ok: false, error: { code: 'not_found', message: `Unknown method ${method}` } };
    }
    // A write waits for the data file's check when it still runs (a large file, just opened).
    if (methods[method].kind === 'write') {
      await fileChecked();
      if (closed) return { id, ok: false, error: { code: 'unavailable', message: 'The backend is shutting down' } };
    }
    if (store.degraded && !DEGRADED_ALLOWED.has(method)) {
      return { id, ok: false, error: { code: 'unavailable', message: store.degraded } };
    }
    const def = methods[method];
    const parsed = def.input.safeParse(input);
    if (!parsed.success) return { id, ok: false, error: toContractError(validationError(parsed.error, method)) };
    const cli = options.commandLine;
    const actor = cli ? commandLineActor(store.workstationId, cli) : actorOf();
    // The command line is no operator: as before, a command reads whoever is signed in here.
    const position = cli ? (store.degraded ? null : (currentSession(store.db, store.workstationId)?.position ?? null)) : onDuty().position;
    const signedIn = actor.operatorName !== null;
    if (def.kind === 'write' && !('public' in def && def.public) && !signedIn) {
      logger.warn('request.refused', { reason: 'not signed in', method });
      return { id, ok: false, error: { code: 'forbidden', message: 'Sign in with your name and position before recording anything' } };
    }
    const base: ReadContext = { db: store.db, services, actor, signedIn, position };
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
      const error = toContractError(e);
      // The operator sees the message; the log keeps the context to find the cause: which
      // method, whose workstation, and the stack (never the input, which may hold a PIN).
      if (error.code === 'internal' || error.code === 'unavailable') logger.error('request.failed', { method, code: error.code, message: error.message, error: e, workstationId: actor.workstationId });
      else if (error.code === 'forbidden') logger.warn('request.refused', { reason: error.message, method });
      return { id, ok: false, error };
    }
  }

  const interval = options.backupIntervalMs ?? 10 * 60_000;
  let scheduledPending = false;
  const timer =
    interval > 0
      ? setInterval(() => {
          if (!dirtySinceBackup || store.degraded || closed || scheduledPending) return;
          // One scheduled backup queued at a time, however long the queue ahead of it.
          scheduledPending = true;
          services
            .backup('scheduled')
            .catch((e: unknown) => process.emitWarning(`Scheduled backup failed: ${String(e)}`))
            .finally(() => (scheduledPending = false));
        }, interval)
      : null;
  timer?.unref();

  const sync = createSyncPort(
    () => {
      if (store.degraded) throw new AppError('unavailable', store.degraded);
      if (closed) throw new AppError('unavailable', 'The backend is shutting down');
      // Another workstation's batch is offered again later; nothing is written before the verdict.
      if (store.readOnly) throw new AppError('unavailable', CHECKING);
      return store;
    },
    () => identity,
    services.schemaVersion,
    clock,
    (tables) => {
      dirtySinceBackup = true;
      // A position renamed or removed at another workstation: read the one on duty again.
      if (tables.includes('session') || tables.includes('positions')) actorCache = null;
      emit('data.changed', { tables });
    },
  );
  // Batches held for a newer schema (or for what came before them) are applied once this
  // version can read them: at every start, so an upgrade applies what waited for it.
  function retryHeldBatches(): void {
    try {
      sync.retryHeld();
    } catch (e) {
      process.emitWarning(`Held sync batches could not be retried: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (!store.degraded && !store.readOnly) retryHeldBatches();

  return {
    dataDir,
    handle,
    logger,
    sync,
    fileChecked,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      monitor.stop();
      // A check still running is stopped: the file was written to by nothing meanwhile.
      store.check?.cancel();
      // A backup or restore under way finishes before the file is closed under it.
      await fileQueue;
      listeners.clear();
      // A store opened read-only while its check ran (stopped by this close) is never
      // signed or checkpointed: nothing is written to a file that was not checked.
      if (!store.degraded && !store.readOnly) {
        try {
          // Links not yet under a signed head get one before the file closes.
          store.writer.stop();
        } catch (e) {
          logger.error('chain.sign.failed', { error: e, dataDir });
        }
        try {
          store.db.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          // A busy checkpoint is harmless: the WAL is replayed at next open.
        }
      }
      store.db.close();
      releaseLock();
      logger.info('backend.closed', { dataDir });
    },
  };
}

/** What restore mode says about each kind of problem, after the problem itself. */
function degradedMessage(p: StoreProblem): string {
  switch (p.kind) {
    case 'damaged':
      return `The data file failed its integrity check at start (${p.message}). Restore the newest verified backup; the damaged file will be kept aside, not erased.`;
    case 'read-only':
      return p.message;
    default:
      return `${p.message} Restore a verified backup or another file, or start a new store; the file will be kept aside, not erased.`;
  }
}

export type { BackupInfo };
export { LATEST_SCHEMA };
