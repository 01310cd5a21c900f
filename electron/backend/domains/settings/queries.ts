import type { ConsoleSettings } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { forbidden } from '../../errors';
import { currentSession } from '../session/queries';

/** Until a coalition says otherwise, its duty officer keeps the console's settings. */
const DEFAULTS = { settingsPositionCodes: ['HCCDO'], idleLockMinutes: 0 };

function stored<K extends keyof typeof DEFAULTS>(db: Db, key: K): (typeof DEFAULTS)[K] {
  const r = db.prepare('SELECT value FROM console_settings WHERE id = ? AND deleted = 0').get(key) as { value: string } | undefined;
  if (!r) return DEFAULTS[key];
  // A value of the wrong kind (another version's, or a hostile member's) reads as the default.
  const v = JSON.parse(r.value) as unknown;
  const d = DEFAULTS[key];
  const fits = Array.isArray(d) ? Array.isArray(v) && v.every((x) => typeof x === 'string') : Number.isInteger(v) && (v as number) >= 0;
  return fits ? (v as (typeof DEFAULTS)[K]) : d;
}

/** Why the operator signed in here may not change settings, or null when they may. */
function refusalFor(db: Db, workstationId: string, codes: readonly string[]): string | null {
  const s = currentSession(db, workstationId);
  if (!s) return 'Sign in to change settings';
  if (codes.includes(s.position.code)) return null;
  const titles = codes.map((c) => (db.prepare('SELECT title FROM positions WHERE code = ? AND deleted = 0').get(c) as { title: string } | undefined)?.title ?? c);
  return `Only the ${titles.join(' or ')} can change settings; you are signed in as ${s.position.title}`;
}

export function readSettings(db: Db, workstationId: string): ConsoleSettings {
  const settingsPositionCodes = stored(db, 'settingsPositionCodes');
  const refusal = refusalFor(db, workstationId, settingsPositionCodes);
  return { settingsPositionCodes, idleLockMinutes: stored(db, 'idleLockMinutes'), canChange: refusal === null, refusal };
}

/** Settings that change the console for everyone are kept to a designated role. */
export function requireSettingsRole(db: Db, workstationId: string): void {
  const refusal = refusalFor(db, workstationId, stored(db, 'settingsPositionCodes'));
  if (refusal) throw forbidden(refusal);
}
