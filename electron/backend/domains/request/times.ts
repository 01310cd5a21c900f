import { formatUtc, formatWallTime } from '../../../../shared/domain/wall-time';
import { coalitionTimeZone } from '../incident/time';

/** The coalition's zone: printed forms show 24-hour local time with its abbreviation, plus UTC. */
export const coalitionZone = coalitionTimeZone;

export const localTime = (t: number | null, zone: string) => (t === null ? '' : formatWallTime(t, zone));

export const utcTime = (t: number | null) => (t === null ? '' : formatUtc(t));
