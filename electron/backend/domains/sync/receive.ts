import type { Db } from '../../db/open';
import type { Actor, FactRefusal, Writer } from '../../db/writer';
import { batchSchema, type Batch } from './batch';
import { verifyBatch, type BatchFault } from './verify-batch';

export interface ReceiveContext {
  readonly db: Db;
  readonly writer: Writer;
  /** Who the audit entries of sync are attributed to: this workstation, no operator. */
  readonly actor: Actor;
  readonly coalitionId: string | null;
  readonly schemaVersion: number;
  readonly now: () => number;
  /** Refuses a sender that is not an enrolled member (or was removed); null when accepted. */
  readonly senderRefusal?: (b: Batch) => string | null;
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
  const parsed = batchSchema.safeParse(raw);
  if (!parsed.success) return refuse(ctx, peer, { origin: peer, table: null, rowId: null, seq: null, problem: 'the batch is not in the sync format' }, null);
  const b = parsed.data;
  if (ctx.coalitionId === null || b.coalitionId !== ctx.coalitionId) {
    return refuse(ctx, peer, { origin: b.sender, table: null, rowId: null, seq: null, problem: 'the batch belongs to another coalition' }, b);
  }
  const notMember = ctx.senderRefusal?.(b);
  if (notMember) return refuse(ctx, peer, { origin: b.sender, table: null, rowId: null, seq: null, problem: notMember }, b);
  if (b.schemaVersion > ctx.schemaVersion) {
    hold(ctx, b, peer, `written by a newer version (schema ${b.schemaVersion}); applied after this workstation is upgraded`);
    return { status: 'held', changes: 0, facts: 0, message: `Held until this console is upgraded to schema ${b.schemaVersion}`, tables: [] };
  }
  const result = applyBatch(ctx, b, peer);
  if (result.status !== 'refused' && (result.changes || result.facts)) {
    const again = retryInbox(ctx);
    result.tables = [...new Set([...result.tables, ...again.tables])];
    result.changes += again.changes;
    result.facts += again.facts;
  }
  return result;
}

function applyBatch(ctx: ReceiveContext, b: Batch, peer: string): ReceiveResult {
  const fault = verifyBatch(b, ctx.writer.applier);
  if (fault) return refuse(ctx, peer, fault, b);
  try {
    const { result, tables } = ctx.writer.transaction(() => {
      let changes = 0;
      let facts = 0;
      const waits: string[] = [];
      for (const p of b.parts) {
        if (p.changes) {
          const mine = (ctx.db.prepare('SELECT max(hlc) FROM changes WHERE workstation_id = ?').pluck().get(p.origin) as string | null) ?? '';
          if (p.changes.upTo <= mine) {
            // Already held: a duplicate or a replay.
          } else if (p.changes.after > mine) waits.push(`changes of ${p.origin} before ${p.changes.after}`);
          else changes += ctx.writer.applyChanges(p.changes.rows.filter((c) => c.hlc > mine));
        }
        if (p.facts) {
          const r = ctx.writer.applyFacts(p.facts.rows);
          facts += r.stored;
          if (r.stop?.kind === 'broken') throw new Refused(faultOf(r.stop));
          if (r.stop) waits.push(r.stop.problem);
        }
      }
      if (waits.length) hold(ctx, b, peer, waits.join('; '));
      else ctx.db.prepare('DELETE FROM sync_inbox WHERE id = ?').run(b.id);
      return { changes, facts, waits };
    }, ctx.actor);
    return {
      status: result.waits.length ? 'held' : 'applied',
      changes: result.changes,
      facts: result.facts,
      message: result.waits.length ? `Part of it waits: ${result.waits[0]}` : `Applied ${result.changes} change(s) and ${result.facts} record(s)`,
      tables,
    };
  } catch (e) {
    if (e instanceof Refused) return refuse(ctx, peer, e.fault, b);
    // Anything else is this workstation's problem, not the peer's: nothing of the batch was
    // written (the transaction rolled back); it is kept to retry, with the reason shown.
    const reason = `could not be applied here: ${e instanceof Error ? e.message : String(e)}`;
    hold(ctx, b, peer, reason);
    return { status: 'held', changes: 0, facts: 0, message: `Held a batch from ${peer}: ${reason}`, tables: [] };
  }
}

const faultOf = (r: FactRefusal): BatchFault => ({ origin: r.origin, table: r.table, rowId: r.rowId, seq: r.seq, problem: r.problem });

function hold(ctx: ReceiveContext, b: Batch, peer: string, reason: string): void {
  ctx.db
    .prepare('INSERT INTO sync_inbox (id, received_at, peer, schema_version, reason, body) VALUES (?,?,?,?,?,?) ON CONFLICT DO UPDATE SET reason = excluded.reason')
    .run(b.id, ctx.now(), peer, b.schemaVersion, reason, JSON.stringify(b));
}

function refuse(ctx: ReceiveContext, peer: string, f: BatchFault, b: Batch | null): ReceiveResult {
  const { tables } = ctx.writer.transaction(
    (tx) => {
      tx.audit('sync.refused', { peer, sender: b?.sender ?? null, batch: b?.id ?? null, origin: f.origin, table: f.table, rowId: f.rowId, seq: f.seq, problem: f.problem });
      if (b) ctx.db.prepare('DELETE FROM sync_inbox WHERE id = ?').run(b.id);
    },
    ctx.actor,
  );
  return { status: 'refused', changes: 0, facts: 0, message: `Refused a batch from ${peer}: ${describe(f)}`, tables };
}

/** Retries held batches until none makes progress; a batch of a newer schema waits for the upgrade. */
export function retryInbox(ctx: ReceiveContext): { changes: number; facts: number; tables: string[] } {
  let changes = 0;
  let facts = 0;
  const tables = new Set<string>();
  for (;;) {
    const held = ctx.db.prepare('SELECT id, peer, body FROM sync_inbox WHERE schema_version <= ? ORDER BY received_at, id').all(ctx.schemaVersion) as { id: string; peer: string; body: string }[];
    let progress = 0;
    for (const h of held) {
      const b = batchSchema.parse(JSON.parse(h.body));
      const r = applyBatch(ctx, b, h.peer);
      changes += r.changes;
      facts += r.facts;
      progress += r.changes + r.facts + (r.status === 'held' ? 0 : 1);
      for (const t of r.tables) tables.add(t);
    }
    if (!progress) return { changes, facts, tables: [...tables] };
  }
}
