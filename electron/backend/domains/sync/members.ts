import { z } from 'zod';
import type { Db } from '../../db/open';
import { verifySignature } from '../../identity/keys';
import type { Batch } from './batch';

/**
 * Who belongs to a coalition's sync group. The member list is the `workstations` table,
 * synced like any record: the founder (who set the coalition up) and every workstation
 * holding an invitation signed by the key of a member. A removed workstation stays listed
 * (its past records stay valid) and is refused from then on. A member's keys are the
 * `workstation_keys` records in its own chain.
 */
export const invitationSchema = z.object({
  coalitionId: z.string().min(1).max(200),
  shortCode: z.string().regex(/^WS\d{1,4}$/),
  issuer: z.string().min(1).max(200),
  nonce: z.string().regex(/^[0-9a-f]{32}$/),
  issuedAt: z.number().int(),
  expiresAt: z.number().int(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const enrolmentSchema = invitationSchema.extend({
  issuerKey: z.string().max(100),
  signature: z.string().max(200),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

/** The exact bytes an issuer signs: a fixed order, so both sides agree on them. */
export const invitationBytes = (i: Invitation) =>
  JSON.stringify(['eoc-invitation/1', i.coalitionId, i.shortCode, i.issuer, i.nonce, i.issuedAt, i.expiresAt]);

interface MemberRow {
  enrolment: string | null;
  removed_at: number | null;
  removed_after_seq: number | null;
}

export interface MemberView {
  coalitionId: string | null;
  founderId: string | null;
  rows: Map<string, MemberRow>;
  keys: Map<string, Set<string>>;
  /** On a workstation that has joined but holds nothing yet: the member whose code it used. */
  trustedIssuer: { id: string; key: string } | null;
}

export function readMembers(db: Db, coalitionId: string | null): MemberView {
  const rows = new Map(
    (
      db.prepare('SELECT id, enrolment, removed_at, removed_after_seq FROM workstations').all() as (MemberRow & {
        id: string;
      })[]
    ).map((r) => [r.id, r]),
  );
  const keys = new Map<string, Set<string>>();
  for (const k of db.prepare('SELECT workstation_id, public_key FROM workstation_keys').all() as {
    workstation_id: string;
    public_key: string;
  }[]) {
    let s = keys.get(k.workstation_id);
    if (!s) keys.set(k.workstation_id, (s = new Set()));
    s.add(k.public_key);
  }
  const founderId =
    (db.prepare('SELECT founder_id FROM coalition WHERE deleted = 0 LIMIT 1').pluck().get() as
      string | null | undefined) ?? null;
  const t = db.prepare("SELECT value FROM meta WHERE key = 'sync_trusted_issuer'").pluck().get() as string | undefined;
  return {
    coalitionId,
    founderId,
    rows,
    keys,
    trustedIssuer: t ? (JSON.parse(t) as { id: string; key: string }) : null,
  };
}

/**
 * Adds what a batch says about its own sender, for a first contact: the sender's row
 * (its invitation) and the keys in its own chain. Only used when this workstation knows
 * no key of the sender yet; a known sender must sign with a key already held here.
 */
export function withSenderFromBatch(view: MemberView, b: Batch): MemberView {
  if (view.keys.get(b.sender)?.size) return view;
  const keys = new Map(view.keys);
  const rows = new Map(view.rows);
  const own = new Set<string>();
  const row: MemberRow = { enrolment: null, removed_at: null, removed_after_seq: null, ...rows.get(b.sender) };
  for (const p of b.parts) {
    if (p.origin !== b.sender) continue;
    for (const f of p.facts?.rows ?? [])
      if (f.link.table_name === 'workstation_keys' && typeof f.row.public_key === 'string') own.add(f.row.public_key);
    for (const c of p.changes?.rows ?? [])
      if (c.table_name === 'workstations' && c.row_id === b.sender && c.column_name === 'enrolment' && c.value)
        row.enrolment = JSON.parse(c.value) as string;
  }
  keys.set(b.sender, own);
  rows.set(b.sender, row);
  return { ...view, keys, rows };
}

/** Why `id` signing with `key` is not an enrolled member (null: it is one). */
export function memberRefusal(view: MemberView, id: string, key: string, now: number, depth = 0): string | null {
  if (depth > 50) return `workstation ${id}'s enrolment goes round in a circle`;
  const row = view.rows.get(id);
  if (row && row.removed_at !== null) return `workstation ${id} was removed from the coalition`;
  // The member whose join code this workstation used: vouched for by hand, with its key.
  if (view.trustedIssuer && view.trustedIssuer.id === id && view.trustedIssuer.key === key) return null;
  if (!row) return `workstation ${id} is not enrolled in this coalition`;
  if (!view.keys.get(id)?.has(key)) return `the batch is signed with a key that is not enrolled for workstation ${id}`;
  if (id === view.founderId) return null;
  if (!row.enrolment) return `workstation ${id} is not enrolled in this coalition (it holds no invitation)`;
  const parsed = enrolmentSchema.safeParse(safeJson(row.enrolment));
  if (!parsed.success) return `workstation ${id}'s invitation is damaged`;
  const e = parsed.data;
  if (e.coalitionId !== view.coalitionId) return `workstation ${id} was invited to another coalition`;
  if (!verifySignature(e.issuerKey, invitationBytes(e), e.signature))
    return `workstation ${id}'s invitation is not signed by the member it names`;
  const issuer = memberRefusal(view, e.issuer, e.issuerKey, now, depth + 1);
  return issuer ? `workstation ${id} was invited by a workstation that is not a member (${issuer})` : null;
}

/**
 * A batch without what a removed workstation wrote after its removal, relayed by a member
 * that took it before it heard of the removal: those records are left out quietly (the
 * relay is not at fault), the rest of the batch is applied.
 */
export function withoutRemoved(view: MemberView, b: Batch): { batch: Batch; dropped: number } {
  let dropped = 0;
  const parts = b.parts.flatMap((p) => {
    const row = view.rows.get(p.origin);
    if (!row || row.removed_at === null) return [p];
    const cut = row.removed_after_seq ?? 0;
    const removedAt = row.removed_at;
    const out = { ...p };
    if (p.facts) {
      const rows = p.facts.rows.filter((f) => f.link.seq <= cut);
      dropped += p.facts.rows.length - rows.length;
      if (rows.length) out.facts = { ...p.facts, rows };
      else delete out.facts;
    }
    if (p.changes) {
      const rows = p.changes.rows.filter((c) => c.recorded_at <= removedAt);
      dropped += p.changes.rows.length - rows.length;
      if (rows.length) out.changes = { ...p.changes, rows, upTo: rows[rows.length - 1]!.hlc };
      else delete out.changes;
    }
    return out.facts || out.changes ? [out] : [];
  });
  return { batch: { ...b, parts }, dropped };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
