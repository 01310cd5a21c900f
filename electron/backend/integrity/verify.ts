import { signedHeadSchema } from '../../../shared/contract/integrity';
import { GENESIS_HASH, type CanonicalForms } from '../../../shared/domain/canonical';
import { CANONICAL_FORMS } from '../../../shared/domain/canonical-forms';
import { APPEND_ONLY_TABLES, FACT_TABLES } from '../db/migrations';
import type { Db } from '../db/open';
import { keyedChain, linkOfRow } from '../db/row-key';
import { checkDerived, checkOutbox } from './derived';
import { checkGuards } from './guards';
import { checkHeads } from './heads-check';
import { sharedNamesBehind } from './shared-names';
import { headSignatureValid, signedHeads, type SignedHead } from './heads';
import { describeRow, ProblemList, type IntegrityProblem } from './problem';
import { ChainWalker } from './walker';
import { checkWitness, type Witness } from './witnesses';

export interface VerifyOptions {
  /** The frozen canonical forms; tests pass a longer list. */
  readonly forms?: CanonicalForms;
  /** Heads kept outside the file: anchor files, backup records, printed footers. */
  readonly witnesses?: readonly Witness[];
  /**
   * Where the last check found each chain intact (incremental check): the walk starts
   * there when the link at that seq still has that hash, else from the first link.
   */
  readonly from?: ReadonlyMap<string, { seq: number; hash: string }>;
  /** Per fact table, the highest rowid the last clean check saw (incremental check). */
  readonly rowsSeen?: ReadonlyMap<string, number>;
  /** The outbox is checked for fields changed after this HLC ('' = all). */
  readonly outboxSince?: string;
  readonly maxProblems?: number;
  /** Links walked between pauses of the background check. */
  readonly slice?: number;
  /** Rows of a table looked at between pauses when looking for records in no chain (ORPHAN_RANGE). */
  readonly orphanRange?: number;
}

export interface VerifyReport {
  ok: boolean;
  checkedLinks: number;
  workstations: number;
  problems: IntegrityProblem[];
  /** Problems beyond maxProblems, counted but not listed. */
  moreProblems: number;
  /** Where each chain ends now: the checkpoints of the next incremental check. */
  ends: Map<string, { seq: number; hash: string }>;
  /** Per fact table, the highest rowid seen: where the next incremental check starts. */
  rowsSeen: Map<string, number>;
  /** This workstation's newest good signed head, if any. */
  vouched: SignedHead | null;
  outboxHlc: string;
  incremental: boolean;
  /** What is not a problem but a reader should know (a witness older than a restore). */
  notes: string[];
}

/** The tables, and the views standing for one (log_entries since migration 16). */
const tableNames = (db: Db) =>
  new Set((db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").all() as { name: string }[]).map((r) => r.name));

/**
 * Checks everything a data file can be checked for, and names the first divergence of
 * each kind: every chain walked and every record matched to its link, the signed heads
 * against the chain and the workstation's enrolled keys, every witness given, records of
 * fact outside any chain, values derived from facts, the changes outbox, and the guards.
 *
 * A generator so the background check can pause between slices of the walk and keep
 * answering requests; `verifyStore` runs it in one go.
 */
export function* verifySteps(db: Db, opts: VerifyOptions = {}): Generator<void, VerifyReport> {
  const forms = opts.forms ?? CANONICAL_FORMS;
  const problems = new ProblemList(opts.maxProblems ?? 1000);
  const present = tableNames(db);
  const factTables = new Set([...FACT_TABLES, ...Object.keys(forms)].filter((t) => present.has(t)));
  const schema = Number(db.pragma('user_version', { simple: true }));
  const versioned = (db.prepare('PRAGMA table_info(fact_chain)').all() as { name: string }[]).some((c) => c.name === 'canon_version');
  const withHeads = present.has('chain_heads');
  if (schema >= 4 && !withHeads) {
    problems.push({ kind: 'guard', workstationId: null, seq: null, table: 'chain_heads', rowId: null, problem: 'The table of signed chain heads is gone: it was dropped outside the console' });
  }
  const local = (db.prepare("SELECT value FROM meta WHERE key = 'workstation_id'").get() as { value: string } | undefined)?.value ?? null;

  const enrolled = new Map<string, Set<string>>();
  const keyed = keyedChain(db);
  const keyLink = linkOfRow(keyed, 'c', "'workstation_keys'", 'k.id');
  if (present.has('workstation_keys')) {
    const rows = db
      .prepare(`SELECT k.workstation_id AS w, k.public_key AS k FROM workstation_keys k JOIN ${keyLink.from} ON ${keyLink.on}`)
      .all() as { w: string; k: string }[];
    for (const r of rows) {
      if (!enrolled.has(r.w)) enrolled.set(r.w, new Set());
      enrolled.get(r.w)!.add(r.k);
    }
  }

  const workstations = distinctWorkstations(db, 'fact_chain');
  const hashAt = db.prepare('SELECT hash FROM fact_chain WHERE workstation_id = ? AND seq = ?');
  const slice = opts.slice ?? 5000;
  const ends = new Map<string, { seq: number; hash: string }>();
  let checked = 0;
  let incremental = false;
  let vouched: SignedHead | null = null;
  let awaiting: { from: number; to: number } | null = null;

  for (const w of workstations) {
    let start = { seq: 0, hash: GENESIS_HASH };
    const cp = opts.from?.get(w);
    if (cp && cp.seq > 0 && (hashAt.get(w, cp.seq) as { hash: string } | undefined)?.hash === cp.hash) {
      start = cp;
      incremental = true;
    }
    const walker = new ChainWalker(db, w, factTables, forms, problems, start, versioned);
    while (!walker.walk(slice)) yield;
    checked += walker.checked;
    const end = walker.position;
    ends.set(w, end);
    if (withHeads) {
      const r = checkHeads(db, w, {
        lastSeq: end.seq,
        enrolled: enrolled.get(w) ?? new Set(),
        own: w === local,
        afterSeq: start.seq,
        problems,
      });
      if (w === local) {
        vouched = r.newestGood;
        awaiting = r.awaitingSignature;
      }
    }
    yield;
  }
  // Heads of a workstation whose every link is gone.
  if (withHeads) {
    const chained = new Set(workstations);
    for (const w of distinctWorkstations(db, 'chain_heads').filter((x) => !chained.has(x))) {
      checkHeads(db, w, { lastSeq: 0, enrolled: enrolled.get(w) ?? new Set(), own: w === local, problems });
    }
  }

  const goodHeadBefore = (w: string, seq: number, key: string | null): number => {
    if (!withHeads) return 0;
    const heads = signedHeads(db, w).filter((h) => h.seq < seq).reverse();
    const keys = key ? new Set([key]) : (enrolled.get(w) ?? new Set());
    for (const h of heads) {
      if (keys.has(h.publicKey) && (hashAt.get(w, h.seq) as { hash: string } | undefined)?.hash === h.hash && headSignatureValid(h)) return h.seq;
    }
    return 0;
  };
  const notes: string[] = [];
  if (awaiting) {
    const { from, to } = awaiting;
    notes.push(
      `${from === to ? `Link ${from} of this workstation's chain is` : `Links ${from} to ${to} of this workstation's chain are`} not signed yet: the newest saves are signed within a second, or at the next save or close (the console was probably stopped before that)`,
    );
  }
  const restores = opts.witnesses?.length ? restoresIn(db, present, enrolled) : [];
  for (const witness of opts.witnesses ?? []) {
    checkWitness(witness, {
      restoredOver: (w, wit) =>
        restores.find(
          (r) => r.head.workstationId === w && r.head.seq >= wit.seq && (wit.signedAt === null || wit.signedAt <= r.head.signedAt),
        ) ?? null,
      note: (text) => notes.push(text),
      db,
      localWorkstationId: local ?? workstations[0] ?? '',
      enrolled,
      lastSeq: (w) => ends.get(w)?.seq ?? 0,
      goodHeadBefore,
      problems,
    });
  }

  // Records of fact in no chain. An incremental check looks only at rows added since the
  // last clean check (by rowid, which only grows); the full check looks at every row.
  const rowsSeen = new Map<string, number>();
  const rowLink = linkOfRow(keyed, 'c', '?', 'x.id');
  for (const t of factTables) {
    // A view's rows are numbered by the table behind it (log_rows, same rowids as before).
    const rows = storedIn(t, present);
    const max = db.prepare(`SELECT max(rowid) FROM ${rows}`).pluck().safeIntegers(true).get() as bigint | null;
    rowsSeen.set(t, max === null ? 0 : Number(max));
    const since = incremental ? (opts.rowsSeen?.get(t) ?? 0) : null;
    const from = rows === t ? `${t} x WHERE x.rowid >= ? AND x.rowid <= ?` : `${t} x WHERE x.id IN (SELECT id FROM ${rows} WHERE rowid >= ? AND rowid <= ?)`;
    const orphansIn = db.prepare(
      `SELECT x.id, x.workstation_id AS w FROM ${from} AND NOT EXISTS (SELECT 1 FROM ${rowLink.from} WHERE ${rowLink.on}) LIMIT ?`,
    );
    // A page of rows at a time in rowid order (its last rowid read first, from the rowid
    // index alone), with a pause between: a full check of a million log entries in one
    // statement kept every window waiting about 1.4 s. Paged by the rows there, not by
    // rowid numbers: one row slipped in at rowid 2^52 is one more page, and a full check
    // starts at the lowest rowid there is, negative ones too.
    const pageEnd = db.prepare(`SELECT max(r) FROM (SELECT rowid AS r FROM ${rows} WHERE rowid >= ? AND rowid <= ? ORDER BY rowid LIMIT ?)`).pluck().safeIntegers(true);
    let lo = since === null ? (db.prepare(`SELECT min(rowid) FROM ${rows}`).pluck().safeIntegers(true).get() as bigint | null) : BigInt(since) + 1n;
    const range = opts.orphanRange ?? ORPHAN_RANGE;
    let found = 0;
    while (max !== null && lo !== null && lo <= max && found < MAX_ORPHANS) {
      const hi = pageEnd.get(lo, max, range) as bigint | null;
      if (hi === null) break;
      const orphans = orphansIn.all(lo, hi, t, MAX_ORPHANS - found) as { id: string; w: string }[];
      found += orphans.length;
      for (const o of orphans) {
        problems.push({ kind: 'not-chained', workstationId: o.w, seq: null, table: t, rowId: o.id, problem: `${describeRow(t, o.id, null)} is in no chain: it was inserted outside the console` });
      }
      yield;
      lo = hi < max ? hi + 1n : null;
    }
  }

  checkDerived(db, problems);
  yield;
  const outbox = present.has('changes') ? checkOutbox(db, problems, opts.outboxSince ?? '') : { newestHlc: '' };
  checkGuards(db, [...factTables, ...[...APPEND_ONLY_TABLES].filter((t) => present.has(t))], problems);
  notes.push(...sharedNamesBehind(db, problems.items));

  return {
    ok: problems.count === 0,
    checkedLinks: checked,
    workstations: workstations.length,
    problems: problems.items,
    moreProblems: problems.dropped,
    ends,
    rowsSeen,
    vouched,
    outboxHlc: outbox.newestHlc,
    incremental,
    notes,
  };
}

/** Records of fact outside any chain named per table at most (the rest are alike). */
const MAX_ORPHANS = 100;
/** Rows looked at between two pauses of the background check (about 30 ms here). */
const ORPHAN_RANGE = 20_000;

/** The table holding a fact table's rows: itself, or the table behind its view. */
const storedIn = (t: string, present: ReadonlySet<string>) => (t === 'log_entries' && present.has('log_rows') ? 'log_rows' : t);

/**
 * The workstations a table holds rows of, found by skipping through its (workstation_id,
 * ...) index one workstation at a time: a handful of lookups, not a scan of a million rows.
 */
function distinctWorkstations(db: Db, table: 'fact_chain' | 'chain_heads'): string[] {
  // The compact chain (migration 11) numbers its workstations: one look per number, where
  // min() through the fact_chain view walks every link (about 100 ms at a million).
  if (table === 'fact_chain' && db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'chain_links'").get()) {
    return (
      db.prepare('SELECT o.id FROM chain_origins o WHERE EXISTS (SELECT 1 FROM chain_links l WHERE l.ws = o.n) ORDER BY o.id').all() as { id: string }[]
    ).map((r) => r.id);
  }
  return (
    db
      .prepare(
        `WITH RECURSIVE w(id) AS (
           SELECT (SELECT min(workstation_id) FROM ${table})
           UNION ALL
           SELECT (SELECT min(workstation_id) FROM ${table} WHERE workstation_id > w.id) FROM w WHERE w.id IS NOT NULL)
         SELECT id FROM w WHERE id IS NOT NULL`,
      )
      .all() as { id: string }[]
  ).map((r) => r.id);
}

/**
 * Restores recorded in a chain (audit entries that are themselves chained, so a forged one
 * is named by the walk), each with the signed head of the file it replaced. Only a head
 * validly signed by a key its workstation enrolled counts.
 */
function restoresIn(db: Db, present: ReadonlySet<string>, enrolled: ReadonlyMap<string, ReadonlySet<string>>) {
  if (!present.has('audit_entries')) return [];
  const link = linkOfRow(keyedChain(db), 'c', "'audit_entries'", 'a.id');
  const rows = db
    .prepare(
      `SELECT a.recorded_at AS at, a.detail FROM audit_entries a JOIN ${link.from} ON ${link.on}
        WHERE a.action = 'backup.restored'`,
    )
    .all() as { at: number; detail: string }[];
  const out: { at: number; keptAside: string; head: SignedHead }[] = [];
  for (const r of rows) {
    try {
      const d = JSON.parse(r.detail) as { replacedHead?: unknown; keptAside?: unknown };
      const head = signedHeadSchema.safeParse(d.replacedHead);
      if (!head.success || !enrolled.get(head.data.workstationId)?.has(head.data.publicKey) || !headSignatureValid(head.data)) continue;
      out.push({ at: r.at, keptAside: String(d.keptAside ?? 'aside/'), head: head.data });
    } catch {
      // An unreadable detail vouches for nothing.
    }
  }
  return out;
}

/** The whole check in one go (the CLI, a test, "Verify now"). */
export function verifyStore(db: Db, opts: VerifyOptions = {}): VerifyReport {
  const steps = verifySteps(db, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
