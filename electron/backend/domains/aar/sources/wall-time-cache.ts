import { wallClock, zoneAbbreviation } from '../../../../../shared/domain/wall-time';

const QUARTER_HOUR = 15 * 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * formatWallTime ("2026-11-25 14:32 EST") for thousands of rows: Intl is asked once per
 * quarter hour for the zone's offset and abbreviation, and each time is then placed by
 * arithmetic. Zone changes fall on a quarter hour everywhere, so within a quarter hour the
 * offset holds. A draft of 100,000 records prints several thousand times.
 */
export function wallTimeFormatter(timeZone: string): (ms: number) => string {
  const cache = new Map<number, { offset: number; zone: string }>();
  return (ms) => {
    const q = Math.floor(ms / QUARTER_HOUR);
    let c = cache.get(q);
    if (!c) {
      const at = q * QUARTER_HOUR;
      const w = wallClock(at, timeZone);
      c = { offset: Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - at, zone: zoneAbbreviation(at, timeZone) };
      cache.set(q, c);
    }
    const d = new Date(ms + c.offset);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${c.zone}`;
  };
}
