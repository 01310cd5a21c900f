import { z } from 'zod';
import type { Db } from '../../db/open';
import { invalid } from '../../errors';

/**
 * A join code: what an enrolled member hands a new workstation, typed or as a file, with
 * no network needed. It names the coalition and the short code the newcomer will number
 * its records with (WS3-RR-0001), chosen by the issuer as the next one it knows to be free.
 */
const PREFIX = 'EOCJOIN1.';

export const joinSchema = z.object({
  coalitionId: z.string().min(1).max(200),
  coalitionName: z.string().min(1).max(200),
  shortCode: z.string().regex(/^WS\d{1,4}$/),
  issuer: z.string().min(1).max(200),
  issuedAt: z.number().int(),
});
export type JoinCode = z.infer<typeof joinSchema>;

export function encodeJoin(j: JoinCode): string {
  return PREFIX + Buffer.from(JSON.stringify(j), 'utf8').toString('base64url');
}

export function decodeJoin(code: string): JoinCode {
  const c = code.replace(/\s+/g, '');
  if (!c.startsWith(PREFIX)) throw invalid('That is not a join code of this console: it starts with EOCJOIN1.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(c.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw invalid('The join code is damaged: copy it again, whole');
  }
  const r = joinSchema.safeParse(parsed);
  if (!r.success) throw invalid('The join code is damaged: copy it again, whole');
  return r.data;
}

/** The next short code no known workstation holds and this one has not already issued. */
export function nextShortCode(db: Db): string {
  const used = new Set(db.prepare('SELECT short_code FROM workstations WHERE short_code IS NOT NULL').pluck().all() as string[]);
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
  db.prepare("INSERT INTO meta (key, value) VALUES ('sync_issued_codes', ?) ON CONFLICT DO UPDATE SET value = excluded.value").run(JSON.stringify(list));
}

/** The coalition a workstation that joined but has not yet received its records belongs to. */
export function joiningCoalition(db: Db): string | null {
  return (db.prepare("SELECT value FROM meta WHERE key = 'sync_coalition'").pluck().get() as string | undefined) ?? null;
}

export function setJoiningCoalition(db: Db, id: string): void {
  db.prepare("INSERT INTO meta (key, value) VALUES ('sync_coalition', ?) ON CONFLICT DO UPDATE SET value = excluded.value").run(id);
}
