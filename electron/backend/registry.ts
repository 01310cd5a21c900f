import type { MethodName, MethodOutput, MethodParsedInput, Methods } from '../../shared/contract';
import type { Db } from './db/open';
import type { Actor, WriteTx } from './db/writer';
import type { BackupInfo, Position, StoreProblemKind } from '../../shared/contract';
import type { Identity } from './identity/identity';
import type { SignedHead } from './integrity/heads';
import type { IntegrityStatus } from './integrity/monitor';
import type { VerifyReport } from './integrity/verify';
import type { Witness } from './integrity/witnesses';
import type { BundleService } from './domains/sync/bundle-service';

/** What the backend offers handlers besides the database. */
export interface Services {
  readonly appVersion: string;
  readonly dataDir: string;
  readonly databaseFile: string;
  readonly startedAt: number;
  readonly workstationId: string;
  readonly degraded: string | null;
  /** This workstation's signing key: public key, fingerprint, sign(). */
  readonly identity: Identity;
  schemaVersion(): number;
  now(): number;
  backup(reason: string): Promise<BackupInfo>;
  listBackups(): BackupInfo[];
  restore(file: string): Promise<{ restoredFrom: string; keptAside: string }>;
  /** Checks the whole store now, from every chain's first link; the banner follows the result. */
  verify(witnesses?: readonly Witness[]): Promise<VerifyReport>;
  /** The background check's latest result. */
  integrityStatus(): IntegrityStatus;
  /**
   * Signs this workstation's chain head now, for a witness (an export, a print, a backup,
   * an anchor file) and keeps it in the store; null while the chain is empty.
   */
  signHead(reason: string): SignedHead | null;
  /** Signed bundles from the Sync screen (export, open, apply part by part). */
  readonly bundles: BundleService;
  /** In restore mode, what is wrong with the data file; null when the store is open. */
  readonly storeProblem: { kind: StoreProblemKind; message: string } | null;
  /** Checks an operator's file, copies it into the backups, and restores it. */
  restoreFile(path: string): Promise<{ restoredFrom: string; keptAside: string }>;
  /** Restore mode only: keeps the current file aside and opens a new, empty store. */
  startFresh(): Promise<{ keptAside: string | null }>;
}

export interface ReadContext {
  readonly db: Db;
  readonly services: Services;
  /** The operator on duty at this workstation, if any. */
  readonly actor: Actor;
  readonly signedIn: boolean;
  /**
   * The position of the operator signed in at this workstation, read with the session and
   * kept until a write touches the session or the positions; null when no one is.
   */
  readonly position: Position | null;
}

export interface WriteContext extends ReadContext {
  /** Runs `fn` in one transaction through the write path; every write goes here. */
  write<T>(fn: (tx: WriteTx) => T): T;
}

type ContextFor<M extends MethodName> = Methods[M]['kind'] extends 'write' ? WriteContext : ReadContext;

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: ContextFor<M>,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** The handlers of a group of methods: one per method, no more, no fewer. */
export type HandlersFor<K extends MethodName> = { [M in K]: Handler<M> };

export type AllHandlers = HandlersFor<MethodName>;
