import type { Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { latestCanonicalVersion, SIGNED_HEAD_EVERY, type CanonicalForms } from '../../../shared/domain/canonical';
import { CANONICAL_FORMS } from '../../../shared/domain/canonical-forms';
import { formatHlc, parseHlc, tick, zeroHlc, type Hlc } from '../../../shared/domain/hlc';
import { insertSignedHead, makeSignedHead, type HeadSigner } from '../integrity/heads';
import { canonicalSelect, linkHash, readHead, type ChainHead } from './chain';
import { FACT_TABLES } from './migrations';
import type { Db } from './open';

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
  /**
   * The workstation's key. When given, every transaction that extends the chain signs its
   * new head before it commits (and a bulk write signs every SIGNED_HEAD_EVERY links), so
   * every link is vouched for by a signed head and a link after the last one was added
   * without the key.
   */
  readonly signer?: HeadSigner;
}
const SAFE_IDENT = /^[a-z_][a-z0-9_]*$/;

function ident(name: string): string {
  if (!SAFE_IDENT.test(name)) throw new Error(`Unsafe SQL identifier ${name}`);
  return name;
}

/**
 * The one write path. Records of fact are inserted with their attribution and linked
 * into this workstation's hash chain; mutable records are written field by field with a
 * change row each, stamped with the hybrid logical clock. Everything a handler writes
 * happens inside one transaction; the chain head and clock advance only when it commits.
 */
export class Writer {
  private head: ChainHead;
  private hlc: Hlc;
  private pending: { head: ChainHead; hlc: Hlc; at: number; signedSeq: number } | null = null;
  private readonly touched = new Set<string>();

  private readonly forms: CanonicalForms;
  private readonly versionedLinks: boolean;
  private readonly signer: HeadSigner | null;

  constructor(
    private readonly db: Db,
    readonly workstationId: string,
    private readonly clock: () => number = Date.now,
    options: WriterOptions = {},
  ) {
    this.forms = options.forms ?? CANONICAL_FORMS;
    this.signer = options.signer ?? null;
    // A store from before migration 4 (only ever met while building an old store in a
    // migration test) has no version column: its links are all version 1.
    this.versionedLinks = (db.prepare('PRAGMA table_info(fact_chain)').all() as { name: string }[]).some(
      (c) => c.name === 'canon_version',
    );
    this.head = readHead(db, workstationId);
    const last = db.prepare('SELECT max(hlc) AS h FROM changes').get() as { h: string | null };
    this.hlc = last.h ? { ...parseHlc(last.h), node: workstationId } : zeroHlc(workstationId);
  }

  /**
   * The time of the write. Inside a transaction the clock is read once, so every row a
   * transaction writes carries the same instant (an entry typed "now" has its time
   * happened equal to its time recorded, to the millisecond).
   */
  now(): number {
    return this.pending?.at ?? this.clock();
  }

  /** Runs `fn` in an immediate transaction; returns its result and the tables it wrote. */
  transaction<T>(fn: (tx: WriteTx) => T, actor: Actor): { result: T; tables: string[] } {
    this.touched.clear();
    this.pending = { head: this.head, hlc: this.hlc, at: this.clock(), signedSeq: this.head.seq };
    try {
      const result = this.db
        .transaction(() => {
          const r = fn(new WriteTx(this, actor));
          const p = this.requirePending();
          if (p.head.seq !== this.head.seq && p.signedSeq !== p.head.seq) this.signHead(p.head, 'commit');
          return r;
        })
        .immediate();
      this.head = this.pending.head;
      this.hlc = this.pending.hlc;
      return { result, tables: [...this.touched] };
    } finally {
      this.pending = null;
    }
  }

  /** @internal used by WriteTx */
  insertFact(table: string, row: Record<string, Cell>, actor: Actor, at: number): string {
    const p = this.requirePending();
    if (!FACT_TABLES.has(table)) throw new Error(`${table} is not a record-of-fact table`);
    const id = (row.id as string | undefined) ?? uuidv7();
    const full: Record<string, Cell> = {
      ...row,
      id,
      workstation_id: actor.workstationId,
      operator_name: actor.operatorName,
      position_title: actor.positionTitle,
      recorded_at: at,
    };
    const cols = Object.keys(full).map(ident);
    this.stmt(`INSERT INTO ${ident(table)} (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`).run(full);
    // Hash what SQLite stored, not what we meant to store, so the verifier sees the same
    // bytes; and exactly the columns of the newest frozen canonical form, never SELECT *.
    const version = this.versionedLinks ? latestCanonicalVersion(this.forms, table) : 1;
    const stored = this.stmt(canonicalSelect(table, version, this.forms)).get(id) as Record<string, unknown>;
    const seq = p.head.seq + 1;
    const hash = linkHash(p.head.hash, table, version, stored, this.forms);
    if (this.versionedLinks) {
      this.stmt(
        'INSERT INTO fact_chain (workstation_id, seq, table_name, row_id, prev_hash, hash, canon_version) VALUES (?,?,?,?,?,?,?)',
      ).run(this.workstationId, seq, table, id, p.head.hash, hash, version);
    } else {
      this.stmt(
        'INSERT INTO fact_chain (workstation_id, seq, table_name, row_id, prev_hash, hash) VALUES (?,?,?,?,?,?)',
      ).run(this.workstationId, seq, table, id, p.head.hash, hash);
    }
    p.head = { seq, hash };
    if (seq % SIGNED_HEAD_EVERY === 0) this.signHead(p.head, 'checkpoint');
    this.touched.add(table);
    return id;
  }

  /** Signs `head` and stores it in chain_heads, inside the running transaction. */
  private signHead(head: ChainHead, reason: string): void {
    if (!this.signer) return;
    // The real time of signing, never the demo's backdated stamp: a head says when it was vouched for.
    insertSignedHead(this.db, makeSignedHead(this.signer, this.workstationId, head, this.clock(), reason));
    this.requirePending().signedSeq = head.seq;
  }

  /** @internal used by WriteTx */
  writeMutable(table: string, id: string, fields: Record<string, Cell>, actor: Actor, at: number): boolean {
    const p = this.requirePending();
    if (FACT_TABLES.has(table)) throw new Error(`${table} is a record of fact: it cannot be updated`);
    const t = ident(table);
    const existing = this.stmt(`SELECT * FROM ${t} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    const changed = Object.entries(fields).filter(([k, v]) => !existing || existing[k] !== v);
    if (existing && changed.length === 0) return false;
    p.hlc = tick(p.hlc, at);
    const hlc = formatHlc(p.hlc);
    if (!existing) {
      const row = { ...fields, id, created_at: at, updated_hlc: hlc };
      const cols = Object.keys(row).map(ident);
      this.stmt(`INSERT INTO ${t} (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`).run(row);
    } else {
      const sets = changed.map(([k]) => `${ident(k)} = @${k}`).join(', ');
      this.stmt(`UPDATE ${t} SET ${sets}, updated_hlc = @updated_hlc WHERE id = @id`).run({
        ...Object.fromEntries(changed),
        updated_hlc: hlc,
        id,
      });
    }
    const ins = this.stmt(
      'INSERT INTO changes (id, hlc, table_name, row_id, column_name, value, workstation_id, operator_name, position_title, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)',
    );
    for (const [k, v] of changed) {
      ins.run(uuidv7(), hlc, table, id, k, JSON.stringify(v), this.workstationId, actor.operatorName, actor.positionTitle, at);
    }
    this.touched.add(table);
    return true;
  }

  /** @internal local, unsynced state (the session of this workstation) */
  markTouched(table: string): void {
    this.touched.add(table);
  }

  private readonly stmts = new Map<string, Statement<unknown[]>>();
  private stmt(sql: string): Statement<unknown[]> {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  private requirePending() {
    if (!this.pending) throw new Error('Writes happen only inside Writer.transaction');
    return this.pending;
  }
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

  /** Creates or updates a mutable record; returns whether anything changed. */
  put(table: string, id: string, fields: Record<string, Cell>): boolean {
    return this.writer.writeMutable(table, id, fields, this.actor, this.now());
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
