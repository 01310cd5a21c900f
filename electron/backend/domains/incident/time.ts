import { formatWallTime } from '../../../../shared/domain/wall-time';
import type { Db } from '../../db/open';
import { getCoalition } from '../setup/queries';

/**
 * Times in messages and on printed forms: 24-hour local time of the coalition (the
 * forms' convention), with the zone named so a reader elsewhere is not misled.
 */
export function coalitionTimeZone(db: Db): string {
  return getCoalition(db)?.timeZone ?? 'UTC';
}

/** "2026-11-25 14:32 EST" (or without the zone). */
export const formatLocal = formatWallTime;

/** A formatter bound to the coalition's zone, for error messages. */
export function timeFormatter(db: Db): (ms: number) => string {
  // Read when first used: most writes that build one never word a time.
  let tz: string | undefined;
  return (ms) => formatLocal(ms, (tz ??= coalitionTimeZone(db)));
}
