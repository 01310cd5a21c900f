import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/open';
import { invalid } from '../../errors';
import type { Identity } from '../../identity/identity';
import { verifySignature } from '../../identity/keys';
import { enrolmentSchema, invitationBytes, type Enrolment, type Invitation } from './members';

/**
 * A join code: what an enrolled member hands a new workstation, typed or as a file, with
 * no network needed. It holds an invitation the member signed with its key: the coalition,
 * the short code the newcomer will number its records with (WS3-RR-0001, the next one the
 * issuer knows to be free), a one-time nonce and an expiry. The newcomer keeps the signed
 * invitation on its own workstation row, where every member can check it.
 */
const PREFIX = 'EOCJOIN1.';
const VALID_FOR_MS = 7 * 24 * 3_600_000;

const codeSchema = z.object({ coalitionName: z.string().min(1).max(200), enrolment: enrolmentSchema });
export type JoinCode = z.infer<typeof codeSchema>;

export function issueJoin(o: {
  coalitionId: string;
  coalitionName: string;
  shortCode: string;
  issuer: string;
  now: number;
  identity: Pick<Identity, 'publicKey' | 'sign'>;
}): string {
  const invitation: Invitation = {
    coalitionId: o.coalitionId,
    shortCode: o.shortCode,
    issuer: o.issuer,
    nonce: randomBytes(16).toString('hex'),
    issuedAt: o.now,
    expiresAt: o.now + VALID_FOR_MS,
  };
  const enrolment: Enrolment = {
    ...invitation,
    issuerKey: o.identity.publicKey,
    signature: o.identity.sign(invitationBytes(invitation)).toString('base64'),
  };
  return (
    PREFIX + Buffer.from(JSON.stringify({ coalitionName: o.coalitionName, enrolment }), 'utf8').toString('base64url')
  );
}

export function decodeJoin(code: string, now: number): JoinCode {
  const c = code.replace(/\s+/g, '');
  if (!c.startsWith(PREFIX)) throw invalid('That is not a join code of this console: it starts with EOCJOIN1.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(c.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw invalid('The join code is damaged: copy it again, whole');
  }
  const r = codeSchema.safeParse(parsed);
  if (!r.success) throw invalid('The join code is damaged: copy it again, whole');
  const e = r.data.enrolment;
  if (!verifySignature(e.issuerKey, invitationBytes(e), e.signature))
    throw invalid('The join code is damaged or was altered: its signature does not match');
  if (now > e.expiresAt) throw invalid('The join code has expired; ask a member for a new one');
  return r.data;
}

/** The next short code no known workstation holds and this one has not already issued. */
export function nextShortCode(db: Db): string {
  const used = new Set(
    db.prepare('SELECT short_code FROM workstations WHERE short_code IS NOT NULL').pluck().all() as string[],
  );
  for (const c of issuedCodes(db)) used.add(c);
  let n = 1;
  while (used.has(`WS${n}`)) n++;
  return `WS${n}`;
}

export function issuedCodes(db: Db): string[] {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'sync_issued_codes'").pluck().get() as string | undefined;
  return row ? (JSON.parse(row) as string[]) : [];
}

export function recordIssued(db: Db, code: string): void {
  const list = [...issuedCodes(db), code];
  db.prepare(
    "INSERT INTO meta (key, value) VALUES ('sync_issued_codes', ?) ON CONFLICT DO UPDATE SET value = excluded.value",
  ).run(JSON.stringify(list));
}

/** The coalition a workstation that joined but has not yet received its records belongs to. */
export function joiningCoalition(db: Db): string | null {
  return (
    (db.prepare("SELECT value FROM meta WHERE key = 'sync_coalition'").pluck().get() as string | undefined) ?? null
  );
}

/** Joining: the coalition, and the member whose code was used, trusted for the first batch. */
export function setJoining(db: Db, coalitionId: string, issuer: { id: string; key: string }): void {
  const put = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT DO UPDATE SET value = excluded.value',
  );
  put.run('sync_coalition', coalitionId);
  put.run('sync_trusted_issuer', JSON.stringify(issuer));
}
