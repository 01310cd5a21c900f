import type { Db } from '../../db/open';

/** The coalition's zone: printed forms show 24-hour local time with its abbreviation, plus UTC. */
export function coalitionZone(db: Db): string {
  const r = db.prepare('SELECT time_zone FROM coalition WHERE deleted = 0 LIMIT 1').get() as { time_zone: string } | undefined;
  return r?.time_zone ?? 'UTC';
}

export function localTime(t: number | null, zone: string): string {
  if (t === null) return '';
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(new Date(t));
  const get = (k: string) => parts.find((p) => p.type === k)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
}

export const utcTime = (t: number | null) => (t === null ? '' : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')}Z`);
