import type { Db } from '../../db/open';
import { breaksTableRule } from '../../db/rule-errors';
import type { Actor, FactRefusal, Writer } from '../../db/writer';
import type { Batch } from './batch';
import { unseal } from './envelope';
import { keepHeads } from './heads';
import { memberRefusal, readMembers, withoutRemoved, withSenderFromBatch } from './members';
import { verifyBatch, type BatchFault } from './verify-batch';

export interface ReceiveContext {
  readonly db: Db;
  readonly writer: Writer;
  /** Who the audit entries of sync are attributed to: this workstation, no operator. */
  readonly actor: Actor;
  readonly coalitionId: string | null;
  readonly schemaVersion: number;
  readonly now: () => number;
}

export interface ReceiveResult {
  /** applied: all of it is here now; held: some waits for what comes before it (or an upgrade); refused: none of it was written. */
  status: 'applied' | 'held' | 'refused';
  changes: number;
  facts: number;
  message: string;
  tables: string[];
}

class Refused extends Error {
  constructor(readonly fault: BatchFault) {
    super(fault.problem);
  }
}

const describe = (f: BatchFault) =>
  `${f.problem}${f.table ? ` (${f.table}${f.rowId ? ` ${f.rowId}` : ''}${f.seq !== null ? `, link ${f.seq}` : ''} from workstation ${f.origin})` : ''}`;

/**
 * Receives one batch from a peer (LAN, hub or bundle): refuses what cannot be trusted, with
 * an audit entry naming the peer and the row and nothing else written; applies what it
 * can through the write path's one apply; keeps what must wait (a gap before it, a parent
 * row not yet here, a newer schema) in the inbox to retry. Applying a batch twice changes
 * nothing the second time.
 */
export function receiveBatch(ctx: ReceiveContext, raw: unknown, peer: string): ReceiveResult {
  const checked = check(ctx, raw, peer);
  if ('refused' in checked) return checked.refused;
  const { b, text } = checked;
  if (b.schemaVersion > ctx.schemaVersion) {
    hold(
      ctx,
      b,
      text,
      peer,
      `written by a newer version (schema ${b.schemaVersion}); applied after this workstation is upgraded`,
    );
    return {
      status: 'held',
      changes: 0,
      facts: 0,
      message: `Held until this console is upgraded to schema ${b.schemaVersion}`,
      tables: [],
    };
  }
  const result = applyBatch(ctx, b, text, peer);
  if (result.status !== 'refused' && (result.changes || result.facts)) {
    const again = retryInbox(ctx);
    result.tables = [...new Set([...result.tables, ...again.tables])];
    result.changes += again.changes;
    result.facts += again.facts;
  }
  return result;
}

const fault = (origin: string, problem: string): BatchFault => ({
  origin,
  table: null,
  rowId: null,
  seq: null,
  problem,
});

/**
 * The same checks as a receive, written nowhere: what a bundle import runs over every batch
 * it holds before applying any, so a bundle that fails them leaves the store exactly as it
 * was. The sender's enrolment may travel in any batch of the bundle, so all of them are
 * looked at. A row the schema refuses only as it is inserted (a CHECK or NOT NULL broken,
 * which only a dishonest member signs) stops the import at its part: the parts before it,
 * each a whole batch of verified records, stay applied, as they would over the network.
 */
export function precheck(ctx: ReceiveContext, raws: readonly unknown[]): string | null {
  const opened = raws.map((r) => unseal(r));
  const bad = opened.find((o) => !o.ok);
  if (bad && !bad.ok) return bad.problem;
  const batches = opened.map((o) => (o as Extract<typeof o, { ok: true }>).batch);
  const all: Batch = { ...batches[0]!, parts: batches.flatMap((b) => b.parts) };
  for (const [i, b] of batches.entries()) {
    if (ctx.coalitionId === null || b.coalitionId !== ctx.coalitionId) return 'it belongs to another coalition';
    const key = (opened[i] as Extract<(typeof opened)[number], { ok: true }>).envelope.senderKey;
    const notMember = memberRefusal(
      withSenderFromBatch(readMembers(ctx.db, ctx.coalitionId), { ...all, sender: b.sender }),
      b.sender,
      key,
      ctx.now(),
    );
    if (notMember) return notMember;
    const f = verifyBatch(b, ctx.writer.applier, ctx.writer.forms);
    if (f) return describe(f);
  }
  return null;
}

/**
 * Everything checked before a batch may be applied or held: its signature, its coalition,
 * that its sender is an enrolled member signing with its own key and not removed, and that
 * it carries nothing of a removed workstation written after the removal.
 */
function check(
  ctx: ReceiveContext,
  raw: unknown,
  peer: string,
): { b: Batch; text: string } | { refused: ReceiveResult } {
  const opened = unseal(raw);
  if (!opened.ok) return { refused: refuse(ctx, peer, fault(opened.sender ?? peer, opened.problem), null) };
  const b = opened.batch;
  if (ctx.coalitionId === null || b.coalitionId !== ctx.coalitionId)
    return { refused: refuse(ctx, peer, fault(b.sender, 'the batch belongs to another coalition'), b) };
  const view = withSenderFromBatch(readMembers(ctx.db, ctx.coalitionId), b);
  const notMember = memberRefusal(view, b.sender, opened.envelope.senderKey, ctx.now());
  if (notMember) return { refused: refuse(ctx, peer, fault(b.sender, notMember), b) };
  return { b: withoutRemoved(view, b).batch, text: JSON.stringify(opened.envelope) };
}

function applyBatch(ctx: ReceiveContext, b: Batch, text: string, peer: string): ReceiveResult {
  const bad = verifyBatch(b, ctx.writer.applier, ctx.writer.forms);
  if (bad) return refuse(ctx, peer, bad, b);
  try {
    const { result, tables } = ctx.writer.transaction(() => {
      let changes = 0;
      let facts = 0;
      const waits: string[] = [];
      for (const p of b.parts) {
        if (p.changes) {
          const mine =
            (ctx.db.prepare('SELECT max(hlc) FROM changes WHERE workstation_id = ?').pluck().get(p.origin) as
              string | null) ?? '';
          if (p.changes.upTo <= mine) {
            // Already held: a duplicate or a replay.
          } else if (p.changes.after > mine) waits.push(`changes of ${p.origin} before ${p.changes.after}`);
          // Past what this workstation holds of the origin (held without gaps, in order), and
          // in strict order within the part (verifyBatch): none of them can be held yet.
          else changes += ctx.writer.applyChanges(p.changes.rows.filter((c) => c.hlc > mine), null, true);
        }
        if (p.facts) {
          const r = ctx.writer.applyFacts(p.facts.rows);
          facts += r.stored;
          if (r.stop?.kind === 'broken') throw new Refused(faultOf(r.stop));
          if (r.stop) waits.push(r.stop.problem);
          const heads = keepHeads(ctx.db, p, ctx.actor.workstationId);
          if (typeof heads !== 'number') throw new Refused(heads);
        }
      }
      if (waits.length) hold(ctx, b, text, peer, waits.join('; '));
      else ctx.db.prepare('DELETE FROM sync_inbox WHERE id = ?').run(b.id);
      return { changes, facts, waits };
    }, ctx.actor);
    return {
      status: result.waits.length ? 'held' : 'applied',
      changes: result.changes,
      facts: result.facts,
      message: result.waits.length
        ? `Part of it waits: ${result.waits[0]}`
        : `Applied ${result.changes} change(s) and ${result.facts} record(s)`,
      tables,
    };
  } catch (e) {
    if (e instanceof Refused) return refuse(ctx, peer, e.fault, b);
    // A row that breaks its table's rules (an edit to a field, or what the record derives):
    // the content's fault, and what is derived follows from the record alone, so the same
    // batch could never apply here or anywhere. Refused in words, not held to retry forever.
    if (breaksTableRule(e)) return refuse(ctx, peer, fault(b.sender, `a row breaks its table's rules (${(e as Error).message})`), b);
    // Anything else is this workstation's problem, not the peer's: nothing of the batch was
    // written (the transaction rolled back); it is kept to retry, with the reason shown.
    const reason = `could not be applied here: ${e instanceof Error ? e.message : String(e)}`;
    hold(ctx, b, text, peer, reason);
    return { status: 'held', changes: 0, facts: 0, message: `Held a batch from ${peer}: ${reason}`, tables: [] };
  }
}

const faultOf = (r: FactRefusal): BatchFault => ({
  origin: r.origin,
  table: r.table,
  rowId: r.rowId,
  seq: r.seq,
  problem: r.problem,
});

/** Keeps the signed batch as received, so it is checked again, whole, when retried. */
function hold(ctx: ReceiveContext, b: Batch, text: string, peer: string, reason: string): void {
  ctx.db
    .prepare(
      'INSERT INTO sync_inbox (id, received_at, peer, schema_version, reason, body) VALUES (?,?,?,?,?,?) ON CONFLICT DO UPDATE SET reason = excluded.reason',
    )
    .run(b.id, ctx.now(), peer, b.schemaVersion, reason, text);
}

function refuse(ctx: ReceiveContext, peer: string, f: BatchFault, b: Batch | null): ReceiveResult {
  const { tables } = ctx.writer.transaction((tx) => {
    tx.audit('sync.refused', {
      peer,
      sender: b?.sender ?? null,
      batch: b?.id ?? null,
      origin: f.origin,
      table: f.table,
      rowId: f.rowId,
      seq: f.seq,
      problem: f.problem,
    });
    if (b) ctx.db.prepare('DELETE FROM sync_inbox WHERE id = ?').run(b.id);
  }, ctx.actor);
  return { status: 'refused', changes: 0, facts: 0, message: `Refused a batch from ${peer}: ${describe(f)}`, tables };
}

/** Retries held batches until none makes progress; a batch of a newer schema waits for the upgrade. */
export function retryInbox(ctx: ReceiveContext): { changes: number; facts: number; tables: string[] } {
  let changes = 0;
  let facts = 0;
  const tables = new Set<string>();
  for (;;) {
    const held = ctx.db
      .prepare('SELECT id, peer, body FROM sync_inbox WHERE schema_version <= ? ORDER BY received_at, id')
      .all(ctx.schemaVersion) as { id: string; peer: string; body: string }[];
    let progress = 0;
    for (const h of held) {
      const checked = check(ctx, h.body, h.peer);
      if ('refused' in checked) {
        ctx.db.prepare('DELETE FROM sync_inbox WHERE id = ?').run(h.id);
        progress++;
        continue;
      }
      const r = applyBatch(ctx, checked.b, checked.text, h.peer);
      changes += r.changes;
      facts += r.facts;
      progress += r.changes + r.facts + (r.status === 'held' ? 0 : 1);
      for (const t of r.tables) tables.add(t);
    }
    if (!progress) return { changes, facts, tables: [...tables] };
  }
}
