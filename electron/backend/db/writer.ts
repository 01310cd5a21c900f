import {
  canonicalColumns,
  latestCanonicalVersion,
  SIGNED_HEAD_AFTER_LINKS,
  SIGNED_HEAD_AFTER_MS,
  SIGNED_HEAD_EVERY,
  type CanonicalForms,
} from '../../../shared/domain/canonical';
import { CANONICAL_FORMS } from '../../../shared/domain/canonical-forms';
import { formatHlc, parseHlc, tick, zeroHlc, type Hlc } from '../../../shared/domain/hlc';
import { Applier, emptyTouched, ident, type ChainLink, type ChangeRow, type Row, type Touched } from './apply';
import { insertSignedHead, makeSignedHead, newestSignedHead, type HeadSigner } from '../integrity/heads';
import { canonicalSelect, linkHash, readHead, type ChainHead } from './chain';
import { IdleCheckpoint } from './checkpoint';
import { LogRows } from './log-rows';
import { BOOKKEEPING_COLUMNS, isDerived } from './derived';
import { newId as uuidv7 } from './ids';
import { FACT_TABLES } from './migrations';
import { AppError } from '../errors';
import type { Db } from './open';
import { rowKey } from './row-key';
import { breaksTableRule } from './rule-errors';

const LINK_ROW = '(?,?,?,?,?,?,?)';

/** Any UTF-16 surrogate (lone ones are not stored as bound; pairs are merely rare). */
const SURROGATE = /[\uD800-\uDFFF]/;

/** Who a write is attributed to. */
export interface Actor {
  readonly workstationId: string;
  readonly operatorName: string | null;
  readonly positionTitle: string | null;
}

export type Cell = string | number | null;

export interface WriterOptions {
  /** The frozen canonical forms links are hashed under; tests pass a longer list. */
  readonly forms?: CanonicalForms;
  /** What to recompute after every apply (the backend passes every domain's). */
  readonly derivers?: readonly Deriver[];
  /**
   * The workstation's key. When given, the chain head is signed in the commit that leaves
   * SIGNED_HEAD_AFTER_LINKS or more links unsigned, or that comes SIGNED_HEAD_AFTER_MS or
   * more after the last signature, and by a timer when a head stays unsigned that long; a
   * bulk write signs every SIGNED_HEAD_EVERY links, and stop() signs what is left. An
   * Ed25519 signature costs about as much CPU as the rest of a write: a busy workstation
   * signs about once a second, not on every save, and never leaves more than
   * SIGNED_HEAD_AFTER_LINKS - 1 links committed without a signed head over them.
   */
  readonly signer?: HeadSigner;
  /** Milliseconds between signatures (tests pass 0 to sign every commit). */
  readonly signAfterMs?: number;
  /** The monotonic clock the signing cadence runs on (tests pass their own). */
  readonly cadenceClock?: () => number;
  /** Milliseconds after a commit to checkpoint the WAL off the commit path (see IdleCheckpoint); 0 or absent: SQLite's own only. */
  readonly idleCheckpointMs?: number;
}

/** What a deriver may do: recompute derived columns and local derived tables. */
export interface DeriveTx {
  readonly db: Db;
  now(): number;
  /** Sets derived columns of a mutable row (no change record: they never move). */
  derive(table: string, id: string, fields: Record<string, Cell>): void;
  /** Records that a local derived table changed, so open windows refresh. */
  touched(table: string): void;
}

/**
 * Recomputes the values derived from what an apply wrote (a request's status from its
 * steps, stock from its movements), in the apply's own transaction. Registered by the
 * domains that own them; the write path calls every deriver after every apply, local or
 * remote, so invariants hold after each one.
 */
export type Deriver = (tx: DeriveTx, touched: Touched) => void;

/** The record of fact a remote workstation sent, with its chain link. */
export interface IncomingFact {
  readonly link: ChainLink;
  readonly row: Row;
}

/**
 * The one write path. Records of fact are inserted with their attribution and linked
 * into their origin's hash chain; mutable records are written field by field as change
 * rows, stamped with the hybrid logical clock, and the rows follow from the changes. Local
 * writes and changes from other workstations go through the same `apply`. Everything a
 * handler writes happens inside one transaction; the chain head and clock advance only
 * when it commits.
 */
export class Writer {
  private head: ChainHead;
  private hlc: Hlc;
  private pending: { head: ChainHead; hlc: Hlc; at: number; signedSeq: number } | null = null;
  private readonly touched = new Set<string>();
  readonly applier: Applier;
  readonly forms: CanonicalForms;
  private readonly derivers: readonly Deriver[];
  private readonly versionedLinks: boolean;
  /** Whether links go to the compact chain table (migration 11) behind the fact_chain view. */
  private readonly compactLinks: boolean;
  /** Whether a link's row id is kept as its 16 bytes (migration 14, see row-key.ts). */
  private readonly keyedLinks: boolean;
  /** The links of a bulk write, waiting to be inserted together (see bulk()). */
  private bulkLinks: unknown[][] | null = null;
  private readonly origins = new Map<string, number>();
  private readonly tableNumbers = new Map<string, number>();
  private readonly logRows: LogRows | null;
  private readonly signer: HeadSigner | null;
  private readonly signAfterMs: number;
  private readonly cadenceClock: () => number;
  /** The newest link of this workstation's chain under a head the writer knows is signed. */
  private signedSeq: number;
  /** When (cadence clock) the writer last signed; -Infinity: the first commit signs. */
  private signedAt = -Infinity;
  private signTimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * Whether this writer committed links not yet under a signed head. A tail found unsigned
   * when the store was opened (a crash before the signature, or links added without the
   * key) is never signed on its own: only a commit of this writer signs over it.
   */
  private wroteUnsigned = false;
  /** Why every write is refused for now (see hold()), or null. */
  private heldFor: string | null = null;
  private readonly immediate: (body: () => unknown) => unknown;
  private readonly checkpoint: IdleCheckpoint;

  constructor(
    private readonly db: Db,
    readonly workstationId: string,
    private readonly clock: () => number = Date.now,
    options: WriterOptions = {},
  ) {
    this.forms = options.forms ?? CANONICAL_FORMS;
    this.derivers = options.derivers ?? [];
    this.signer = options.signer ?? null;
    this.signAfterMs = options.signAfterMs ?? SIGNED_HEAD_AFTER_MS;
    this.cadenceClock = options.cadenceClock ?? (() => performance.now());
    // A store from before migration 4 (only ever met while building an old store in a
    // migration test) has no version column: its links are all version 1.
    this.versionedLinks = (db.prepare('PRAGMA table_info(fact_chain)').all() as { name: string }[]).some(
      (c) => c.name === 'canon_version',
    );
    this.compactLinks = !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'chain_links'").get();
    this.keyedLinks = !!db.prepare("SELECT 1 FROM pragma_table_info('chain_links') WHERE name = 'row_id' AND type = 'ANY'").get();
    this.head = readHead(db, workstationId);
    this.signedSeq = this.signer && this.hasHeadsTable() ? (newestSignedHead(db, workstationId)?.seq ?? 0) : 0;
    const last = db.prepare('SELECT max(hlc) AS h FROM changes').get() as { h: string | null };
    this.hlc = last.h ? { ...parseHlc(last.h), node: workstationId } : zeroHlc(workstationId);
    this.applier = new Applier(db);
    this.logRows = LogRows.of(db, (sql) => this.applier.stmt(sql));
    // One wrapper for every write (better-sqlite3 builds five functions per transaction() call).
    this.immediate = db.transaction((body: () => unknown) => body()).immediate;
    this.checkpoint = new IdleCheckpoint(db, options.idleCheckpointMs ?? 0);
  }

  /**
   * The time of the write. Inside a transaction the clock is read once, so every row a
   * transaction writes carries the same instant (an entry typed "now" has its time
   * happened equal to its time recorded, to the millisecond).
   */
  now(): number {
    return this.pending?.at ?? this.clock();
  }

  /**
   * Holds every write, refused with `reason` in words, until called again with null: the
   * data file is still being checked (backend.ts), and nothing is written to a file that
   * may be damaged.
   */
  hold(reason: string | null): void {
    this.heldFor = reason;
  }

  /** Runs `fn` in an immediate transaction; returns its result and the tables it wrote. */
  transaction<T>(fn: (tx: WriteTx) => T, actor: Actor): { result: T; tables: string[] } {
    if (this.heldFor !== null) throw new AppError('unavailable', this.heldFor);
    this.touched.clear();
    this.pending = { head: this.head, hlc: this.hlc, at: this.clock(), signedSeq: this.signedSeq };
    try {
      const result = this.immediate(() => {
        const r = fn(new WriteTx(this, actor));
        const p = this.requirePending();
        if (p.head.seq !== this.head.seq && this.signDue(p.head.seq - p.signedSeq)) this.signHead(p.head, 'commit');
        return r;
      }) as T;
      this.head = this.pending.head;
      this.hlc = this.pending.hlc;
      if (this.pending.signedSeq !== this.signedSeq) {
        this.signedSeq = this.pending.signedSeq;
        this.signedAt = this.cadenceClock();
      }
      this.wroteUnsigned = this.head.seq > this.signedSeq;
      this.scheduleSignature();
      this.checkpoint.committed();
      return { result, tables: [...this.touched] };
    } catch (e) {
      // A rollback may have put back rows waiting for a parent that this transaction had
      // cleared, and taken away chain numbers it had added.
      this.applier.mayHavePending();
      this.origins.clear();
      this.tableNumbers.clear();
      this.logRows?.forget();
      throw e;
    } finally {
      this.pending = null;
    }
  }

  /** @internal used by WriteTx */
  insertFact(table: string, row: Record<string, Cell>, actor: Actor, at: number): string {
    const p = this.requirePending();
    if (!FACT_TABLES.has(table)) throw new Error(`${table} is not a record-of-fact table`);
    const id = (row.id as string | undefined) ?? uuidv7();
    const full: Row = {
      ...row,
      id,
      workstation_id: actor.workstationId,
      operator_name: actor.operatorName,
      position_title: actor.positionTitle,
      recorded_at: at,
    };
    // A log entry straight into the table behind its view (migration 16), as its trigger would.
    if (!(table === 'log_entries' && this.logRows?.insert(full))) this.applier.stmt(this.insertSql(table, full)).run(full);
    // Hash what SQLite stored, not what we meant to store, so the verifier sees the same
    // bytes; and exactly the columns of the newest frozen canonical form, never SELECT *.
    // Values SQLite stores exactly as bound (see storedAsBound) are hashed without reading
    // the row back.
    const version = latestCanonicalVersion(this.forms, table);
    const stored =
      this.storedAsBound(table, version, full) ??
      (this.applier.stmt(canonicalSelect(table, version, this.forms)).get(id) as Row);
    const seq = p.head.seq + 1;
    const link: ChainLink = {
      workstation_id: this.workstationId,
      seq,
      table_name: table,
      row_id: id,
      prev_hash: p.head.hash,
      hash: linkHash(p.head.hash, table, version, stored, this.forms),
      canon_version: version,
    };
    this.insertLink(link);
    p.head = { seq, hash: link.hash };
    if (seq % SIGNED_HEAD_EVERY === 0) this.signHead(p.head, 'checkpoint');
    const touched = emptyTouched();
    touched.facts.push({ table, row: stored });
    this.settle(touched);
    return id;
  }

  private readonly insertSqls = new Map<string, string>();

  /** `INSERT INTO table (the row's columns) VALUES (@each)`, built once per table and column list. */
  private insertSql(table: string, row: Record<string, unknown>): string {
    const keys = Object.keys(row);
    const k = `${table}\u0000${keys.join(',')}`;
    let sql = this.insertSqls.get(k);
    if (!sql) {
      const cols = keys.map(ident);
      sql = `INSERT INTO ${ident(table)} (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`;
      this.insertSqls.set(k, sql);
    }
    return sql;
  }

  private readonly declared = new Map<string, Map<string, string>>();

  /**
   * The row as SQLite stored it, when that is certain without reading it back: every column
   * of the canonical form was bound, each value is NULL or of its column's declared type
   * (a string for TEXT, a safe integer for INTEGER: stored and read back unchanged, whatever
   * the table's affinity rules), and no string holds a NUL or a lone surrogate (which
   * SQLite's text would not give back as bound). Otherwise null: the caller reads the row.
   */
  private storedAsBound(table: string, version: number, row: Row): Row | null {
    let types = this.declared.get(table);
    if (!types) {
      const info = this.db.prepare(`PRAGMA table_info(${ident(table)})`).all() as { name: string; type: string }[];
      types = new Map(info.map((c) => [c.name, c.type.toUpperCase()]));
      this.declared.set(table, types);
    }
    for (const c of canonicalColumns(this.forms, table, version)) {
      if (!(c in row)) return null;
      const v = row[c];
      if (v === null) continue;
      const type = types.get(c);
      if (type === 'TEXT') {
        if (typeof v !== 'string' || v.includes('\u0000') || SURROGATE.test(v)) return null;
      } else if (type === 'INTEGER') {
        if (typeof v !== 'number' || !Number.isSafeInteger(v)) return null;
      } else return null;
    }
    return row;
  }

  /**
   * Stores records of fact from another workstation, each verified against its origin's
   * chain as this workstation holds it: the next number, the previous link's hash, and
   * the hash of the row as sent. Stops at the first that does not verify or whose parent
   * row has not arrived; says which and why.
   * @internal used by the sync domain, inside a transaction
   */
  applyFacts(facts: readonly IncomingFact[]): { stored: number; duplicates: number; stop: FactRefusal | null } {
    this.requirePending();
    let stored = 0;
    let duplicates = 0;
    const touched = emptyTouched();
    let stop: FactRefusal | null = null;
    for (const f of facts) {
      const verdict = this.checkIncoming(f);
      if (verdict === 'duplicate') {
        duplicates++;
        continue;
      }
      if (verdict) {
        stop = verdict;
        break;
      }
      const broken = this.insertIncoming(f);
      if (broken) {
        stop = broken;
        break;
      }
      this.insertLink(f.link);
      touched.facts.push({ table: f.link.table_name, row: f.row });
      stored++;
    }
    if (stored) this.settle(touched);
    return { stored, duplicates, stop };
  }

  /**
   * Inserts a record from elsewhere; a row the schema itself refuses (a value missing, out of
   * its allowed set, or JSON a trigger cannot read) is the record's fault, whoever signed it:
   * said as broken (refused), where any other error is this workstation's (held, retried).
   */
  private insertIncoming(f: IncomingFact): FactRefusal | null {
    try {
      this.applier.stmt(this.insertSql(f.link.table_name, f.row)).run(f.row);
      return null;
    } catch (e) {
      if (!breaksTableRule(e)) throw e;
      const l = f.link;
      return { origin: l.workstation_id, seq: l.seq, table: l.table_name, rowId: l.row_id, kind: 'broken', problem: `the record breaks a rule of ${l.table_name} (${(e as Error).message})` };
    }
  }

  private checkIncoming(f: IncomingFact): FactRefusal | 'duplicate' | null {
    const l = f.link;
    const at = { origin: l.workstation_id, seq: l.seq, table: l.table_name, rowId: l.row_id };
    const have = this.applier
      .stmt('SELECT hash FROM fact_chain WHERE workstation_id = ? AND seq = ?')
      .get(l.workstation_id, l.seq) as { hash: string } | undefined;
    if (have)
      return have.hash === l.hash
        ? 'duplicate'
        : { ...at, kind: 'broken', problem: `link ${l.seq} differs from the one this workstation already holds` };
    if (!FACT_TABLES.has(l.table_name))
      return { ...at, kind: 'broken', problem: `${l.table_name} is not a table of records of fact` };
    if (f.row.id !== l.row_id || f.row.workstation_id !== l.workstation_id)
      return { ...at, kind: 'broken', problem: 'the row is not the one its link names' };
    const head = readHead(this.db, l.workstation_id);
    if (l.seq !== head.seq + 1) return { ...at, kind: 'gap', problem: `link ${head.seq + 1} has not arrived yet` };
    if (l.prev_hash !== head.hash)
      return { ...at, kind: 'broken', problem: 'its previous-link hash does not match the chain' };
    let hash: string;
    try {
      hash = linkHash(l.prev_hash, l.table_name, l.canon_version, f.row, this.forms);
    } catch (e) {
      return { ...at, kind: 'broken', problem: `the row has no canonical form (${(e as Error).message})` };
    }
    if (hash !== l.hash) return { ...at, kind: 'broken', problem: 'the row does not match its hash (altered)' };
    if (this.applier.stmt(`SELECT 1 FROM ${ident(l.table_name)} WHERE id = ?`).get(l.row_id))
      return { ...at, kind: 'broken', problem: 'a row with this id is already held under another link' };
    const missing = this.applier.missingParent(l.table_name, f.row);
    if (missing) return { ...at, kind: 'waiting', problem: missing };
    return null;
  }

  private insertLink(l: ChainLink): void {
    if (this.compactLinks) {
      // Straight into the compact table (migration 11), as the view's INSTEAD OF trigger would.
      const values = [
        this.chainNumber('origin', l.workstation_id),
        l.seq,
        this.chainNumber('table', l.table_name),
        this.keyedLinks ? rowKey(l.row_id) : l.row_id,
        hashBytes(l.prev_hash),
        hashBytes(l.hash),
        l.canon_version,
      ];
      if (this.bulkLinks) this.bulkLinks.push(values);
      else this.applier.stmt(`INSERT INTO chain_links (ws, seq, tab, row_id, prev_hash, hash, canon_version) VALUES ${LINK_ROW}`).run(...values);
    } else if (this.versionedLinks) {
      this.applier
        .stmt(
          'INSERT INTO fact_chain (workstation_id, seq, table_name, row_id, prev_hash, hash, canon_version) VALUES (@workstation_id, @seq, @table_name, @row_id, @prev_hash, @hash, @canon_version)',
        )
        .run(l);
    } else {
      // A store from before migration 4 (only met in migration tests): every link is version 1.
      this.applier
        .stmt(
          'INSERT INTO fact_chain (workstation_id, seq, table_name, row_id, prev_hash, hash) VALUES (?,?,?,?,?,?)',
        )
        .run(l.workstation_id, l.seq, l.table_name, l.row_id, l.prev_hash, l.hash);
    }
    this.touched.add(l.table_name);
  }

  /**
   * Runs `fn` (records of fact appended one after another, nothing in it reading the chain)
   * with the links of its records inserted together at its end, a few statements of many
   * rows instead of one statement per link: each statement runs the links' guard triggers'
   * setup once. Same links, same order, same transaction.
   */
  bulk<T>(fn: () => T): T {
    if (this.bulkLinks || !this.compactLinks) return fn();
    this.bulkLinks = [];
    try {
      return fn();
    } finally {
      const links = this.bulkLinks;
      this.bulkLinks = null;
      // Chunks of 256, 128, ... 1 rows: a handful of statements, each prepared once.
      for (let at = 0, size = 256; at < links.length; ) {
        if (links.length - at < size) {
          size >>= 1;
          continue;
        }
        this.applier
          .stmt(`INSERT INTO chain_links (ws, seq, tab, row_id, prev_hash, hash, canon_version) VALUES ${Array(size).fill(LINK_ROW).join(',')}`)
          .run(...links.slice(at, at + size).flat());
        at += size;
      }
    }
  }

  /** The small number a workstation id or table name has in the compact chain, added if new. */
  private chainNumber(kind: 'origin' | 'table', value: string): number {
    const cache = kind === 'origin' ? this.origins : this.tableNumbers;
    let n = cache.get(value);
    if (n !== undefined) return n;
    const [table, col] = kind === 'origin' ? ['chain_origins', 'id'] : ['chain_tables', 'name'];
    const held = this.applier.stmt(`SELECT n FROM ${table} WHERE ${col} = ?`).get(value) as { n: number } | undefined;
    n = held ? held.n : Number(this.applier.stmt(`INSERT INTO ${table} (${col}) VALUES (?)`).run(value).lastInsertRowid);
    cache.set(value, n);
    return n;
  }

  /** Whether a commit leaving `unsigned` links without a signed head signs its head. */
  private signDue(unsigned: number): boolean {
    return unsigned >= SIGNED_HEAD_AFTER_LINKS || this.cadenceClock() - this.signedAt >= this.signAfterMs;
  }

  /** After a commit that left links unsigned: signs them once the interval has passed, if no commit does first. */
  private scheduleSignature(): void {
    if (!this.signer || this.signTimer || !this.wroteUnsigned) return;
    const wait = Math.max(0, this.signAfterMs - (this.cadenceClock() - this.signedAt));
    this.signTimer = setTimeout(() => {
      this.signTimer = null;
      try {
        this.signPending('interval');
      } catch (e) {
        // A busy or closing file: the next commit, or stop(), signs instead.
        process.emitWarning(`The chain head could not be signed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }, wait);
    this.signTimer.unref?.();
  }

  /**
   * Signs this workstation's head, in a transaction of its own, if this writer committed
   * links not yet under a signed head: at the interval, before a sync batch is sent or the
   * store is verified, on close. Does nothing inside a transaction (its commit decides).
   */
  signPending(reason: string): void {
    if (!this.signer || this.pending || !this.db.open || !this.wroteUnsigned) return;
    const head = this.head;
    this.db.transaction(() => insertSignedHead(this.db, makeSignedHead(this.signer!, this.workstationId, head, this.clock(), reason))).immediate();
    this.signedSeq = head.seq;
    this.signedAt = this.cadenceClock();
    this.wroteUnsigned = false;
  }

  /** Before the file is closed: signs what is unsigned and stops the timer. */
  stop(): void {
    if (this.signTimer) clearTimeout(this.signTimer);
    this.signTimer = null;
    this.checkpoint.stop();
    this.signPending('close');
  }

  private hasHeadsTable(): boolean {
    return !!this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'chain_heads'").get();
  }

  /** Signs `head` and stores it in chain_heads, inside the running transaction. */
  private signHead(head: ChainHead, reason: string): void {
    if (!this.signer) return;
    // The real time of signing, never the demo's backdated stamp: a head says when it was vouched for.
    insertSignedHead(this.db, makeSignedHead(this.signer, this.workstationId, head, this.clock(), reason));
    this.requirePending().signedSeq = head.seq;
  }

  /** @internal used by WriteTx */
  writeMutable(
    table: string,
    id: string,
    fields: Record<string, Cell>,
    actor: Actor,
    at: number,
    force = false,
  ): boolean {
    const p = this.requirePending();
    if (FACT_TABLES.has(table)) throw new Error(`${table} is a record of fact: it cannot be updated`);
    for (const k of Object.keys(fields)) {
      if (isDerived(table, k))
        throw new Error(`${table}.${k} is derived from other records: it is recomputed, not written`);
      if (BOOKKEEPING_COLUMNS.has(k)) throw new Error(`${table}.${k} is kept by the write path`);
    }
    const existing = this.applier.stmt(`SELECT * FROM ${ident(table)} WHERE id = ?`).get(id) as
      Record<string, unknown> | undefined;
    const changed = Object.entries(fields).filter(([k, v]) => force || !existing || existing[k] !== v);
    if (existing && changed.length === 0) return false;
    // A row no change has reached yet (almost every new record) has no value any field overwrites.
    const seen = !!existing || !!this.anyChange().get(table, id);
    p.hlc = tick(p.hlc, at);
    const hlc = formatHlc(p.hlc);
    const changes: ChangeRow[] = changed.map(([k, v]) => ({
      id: uuidv7(),
      hlc,
      table_name: table,
      row_id: id,
      column_name: ident(k),
      value: JSON.stringify(v),
      workstation_id: this.workstationId,
      operator_name: actor.operatorName,
      position_title: actor.positionTitle,
      recorded_at: at,
      base_hlc: seen ? (this.applier.winner(table, id, k)?.hlc ?? null) : null,
    }));
    this.applyChanges(changes, { madeHere: true, newRow: !seen });
    return true;
  }

  private anyChange() {
    return this.applier.stmt('SELECT 1 FROM changes WHERE table_name = ? AND row_id = ? LIMIT 1');
  }

  /**
   * The apply: stores each change not already stored, brings its row in line (the highest
   * clock per field wins), refreshes the field's conflict queue, and recomputes what is
   * derived from it. Idempotent: a change already held is skipped.
   * `unheld`: the caller knows none of them is stored yet (see Applier.insertChange).
   * @internal used by writeMutable and by the sync domain, inside a transaction
   */
  applyChanges(
    changes: readonly ChangeRow[],
    /**
     * madeHere: the changes of one local write (fresh ids: none is held already, so they
     * are stored in one statement); newRow: and its row had no change before.
     */
    made: { madeHere: true; newRow: boolean } | null = null,
    unheld = false,
  ): number {
    const p = this.requirePending();
    const fields = new Map<string, { table: string; row: string; cols: Set<string>; once: Set<string>; all: ChangeRow[] | null }>();
    // Rows no change had reached before this apply: a field of such a row written by one
    // change only has nothing to conflict with (and no queue to clear), so its review
    // queue is not recomputed: most of a new workstation's catch-up is such fields. Such a
    // row is built from the changes in hand, without reading them back.
    const newRows = new Set<string>();
    const seenRows = new Set<string>();
    const anyChange = this.anyChange();
    if (made) this.applier.insertNewChanges(changes);
    let fresh = 0;
    for (const c of changes) {
      const key = `${c.table_name}\u0000${c.row_id}`;
      if (!seenRows.has(key)) {
        seenRows.add(key);
        if (made ? made.newRow : !anyChange.get(c.table_name, c.row_id)) newRows.add(key);
      }
      if (!made && !this.applier.insertChange(c, unheld)) continue;
      fresh++;
      if (c.workstation_id !== this.workstationId) p.hlc = later(p.hlc, c.hlc);
      let f = fields.get(key);
      if (!f) fields.set(key, (f = { table: c.table_name, row: c.row_id, cols: new Set(), once: new Set(), all: newRows.has(key) ? [] : null }));
      if (f.cols.has(c.column_name)) f.once.delete(c.column_name);
      else if (newRows.has(key)) f.once.add(c.column_name);
      f.cols.add(c.column_name);
      f.all?.push(c);
    }
    if (!fresh) return 0;
    const touched = emptyTouched();
    for (const f of fields.values()) {
      this.applier.materialize(f.table, f.row, f.cols, touched, f.all ?? undefined);
      for (const col of f.cols) if (!f.once.has(col)) this.applier.refreshConflicts(f.table, f.row, col, p.at);
    }
    this.settle(touched);
    return fresh;
  }

  /** Materializes rows that were waiting for what just arrived, then runs the derivers. */
  private settle(touched: Touched): void {
    if (touched.rows.size || touched.facts.length) this.applier.retryPending(touched);
    for (const t of touched.rows.keys()) this.touched.add(t);
    if (!this.derivers.length) return;
    const dtx: DeriveTx = {
      db: this.db,
      now: () => this.now(),
      derive: (table, id, values) => this.writeDerived(table, id, values),
      touched: (table) => this.touched.add(table),
    };
    for (const d of this.derivers) d(dtx, touched);
  }

  private writeDerived(table: string, id: string, values: Record<string, Cell>): void {
    const t = ident(table);
    for (const k of Object.keys(values))
      if (!isDerived(table, k)) throw new Error(`${table}.${k} is not a derived column`);
    const existing = this.applier.stmt(`SELECT * FROM ${t} WHERE id = ?`).get(id) as
      Record<string, unknown> | undefined;
    if (!existing) return;
    const changed = Object.entries(values).filter(([k, v]) => existing[k] !== v);
    if (!changed.length) return;
    this.applier.stmt(`UPDATE ${t} SET ${changed.map(([k]) => `${ident(k)} = @${k}`).join(', ')} WHERE id = @id`).run({ ...Object.fromEntries(changed), id });
    this.touched.add(table);
  }

  /** @internal local, unsynced state (the session of this workstation) */
  markTouched(table: string): void {
    this.touched.add(table);
  }

  private requirePending() {
    if (!this.pending) throw new Error('Writes happen only inside Writer.transaction');
    return this.pending;
  }
}

/** Why a record of fact from elsewhere was not stored. */
export interface FactRefusal {
  origin: string;
  seq: number;
  table: string;
  rowId: string;
  /** gap / waiting: not yet (held and retried); broken: never (refused, audited). */
  kind: 'gap' | 'waiting' | 'broken';
  problem: string;
}

const HEX_HASH = /^[0-9a-f]{64}$/;

/** A hash as the compact chain stores it: its 32 bytes (anything else as its own bytes, as migration 11 does). */
function hashBytes(h: string): Buffer {
  return HEX_HASH.test(h) ? Buffer.from(h, 'hex') : Buffer.from(h, 'utf8');
}

/** This workstation's clock after seeing a change stamped `remote`: never behind it. */
function later(mine: Hlc, remote: string): Hlc {
  const r = parseHlc(remote);
  return r.wallMs > mine.wallMs || (r.wallMs === mine.wallMs && r.counter > mine.counter)
    ? { wallMs: r.wallMs, counter: r.counter, node: mine.node }
    : mine;
}

/** What a write handler gets: the only way it can change the store. */
export class WriteTx {
  constructor(
    private readonly writer: Writer,
    readonly actor: Actor,
    private readonly at?: number,
  ) {}

  /** The time stamped on what this transaction writes. */
  now(): number {
    return this.at ?? this.writer.now();
  }

  /** Inserts a record of fact (never updated or deleted) and chains it; returns its id. */
  appendFact(table: string, row: Record<string, Cell>): string {
    return this.writer.insertFact(table, row, this.actor, this.now());
  }

  /**
   * Runs `fn`, a run of appendFact calls that reads nothing of the chain, with their links
   * inserted together at its end (see Writer.bulk): for imports of many records.
   */
  bulk<T>(fn: () => T): T {
    return this.writer.bulk(fn);
  }

  /** Creates or updates a mutable record; returns whether anything changed. */
  put(table: string, id: string, fields: Record<string, Cell>): boolean {
    return this.writer.writeMutable(table, id, fields, this.actor, this.now());
  }

  /**
   * Writes the fields even where they already hold these values: an operator's answer to
   * a conflict ("keep this one") is a change of its own, made with sight of both values.
   */
  confirm(table: string, id: string, fields: Record<string, Cell>): void {
    this.writer.writeMutable(table, id, fields, this.actor, this.now(), true);
  }

  /** Tombstones a mutable record. */
  remove(table: string, id: string): boolean {
    return this.writer.writeMutable(table, id, { deleted: 1 }, this.actor, this.now());
  }

  /** The same transaction, attributed to someone else: the operator taking over at sign-in. */
  as(actor: Actor): WriteTx {
    return new WriteTx(this.writer, actor, this.at);
  }

  /**
   * The same transaction, stamping its records as written at `at`: for the demonstration
   * coalition only, whose story is generated in one go but reads as typed over 20 hours.
   * Real records always carry the time they were really written; a test keeps this method
   * to the demo's folder, and the demo's own audit entry carries the true load time.
   */
  asOf(at: number): WriteTx {
    return new WriteTx(this.writer, this.actor, at);
  }

  /** Records that local (unsynced) state in `table` changed, so open windows refresh. */
  touched(table: string): void {
    this.writer.markTouched(table);
  }

  audit(action: string, detail: Record<string, unknown> = {}, occurredAt = this.now()): string {
    return this.appendFact('audit_entries', { action, detail: JSON.stringify(detail), occurred_at: occurredAt });
  }
}
