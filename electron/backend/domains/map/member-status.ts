import type { MapOrganisation } from '../../../../shared/contract';
import { memberStatusCode } from '../../../../shared/domain/member-status';
import type { Discipline } from '../../../../shared/domain/disciplines';
import { headlineOf, staleness, worseStaleness, type Staleness } from '../../../../shared/domain/status-rules';
import type { Db } from '../../db/open';
import { currentLevel, eeiSets, intervalAt, typeById } from '../status/catalogue';

export type MemberStatus = Pick<MapOrganisation, 'status' | 'stale'>;

/**
 * Each reporting member's headline status as the map's short code, and its staleness when
 * not current: the same rules as the situation board (shared/domain/status-rules), but only
 * the headline. The board's full read (every condition, counts of stale and missing values,
 * the directory's columns with contact counts) took most of the map's first read with
 * thousands of members; this is one scan of status_current, read as arrays.
 */
export function memberStatuses(db: Db, now: number, members: readonly { id: string; discipline: Discipline }[]): Map<string, MemberStatus> {
  const sets = eeiSets(db);
  const types = typeById(db);
  const level = currentLevel(db);
  const rows = db.prepare('SELECT organisation_id, type_id, value_num, value_text, occurred_at FROM status_current').raw(true).all() as [string, string, number | null, string | null, number][];
  const current = new Map<string, { byCode: Map<string, string | null>; ageOf: Map<string, Staleness> }>();
  for (const [org, typeId, num, txt, at] of rows) {
    const t = types.get(typeId);
    if (!t) continue;
    let c = current.get(org);
    if (!c) current.set(org, (c = { byCode: new Map(), ageOf: new Map() }));
    c.byCode.set(t.code, txt ?? (num === null ? null : String(num)));
    c.ageOf.set(t.code, staleness(Math.max(0, now - at), intervalAt(t, level)));
  }
  const out = new Map<string, MemberStatus>();
  const none = { byCode: new Map<string, string | null>(), ageOf: new Map<string, Staleness>() };
  for (const m of members) {
    if (!sets.get(m.discipline)?.length) continue;
    const c = current.get(m.id) ?? none;
    const h = headlineOf(c.byCode);
    let st: Staleness | null = null;
    for (const code of h.from) {
      const a = c.ageOf.get(code);
      if (a) st = st ? worseStaleness(st, a) : a;
    }
    const status = memberStatusCode(h.words);
    out.set(m.id, st === 'STALE' || st === 'OVERDUE' ? { status, stale: st } : { status });
  }
  return out;
}
