import { localParts } from '../../lib/format';

type Parts = ReturnType<typeof localParts>;

const cache = new Map<string, Parts>();
const MAX = 4000;

/**
 * localParts for list rows, remembered per zone and minute: Intl formatting is the most
 * expensive thing a row does, and neighbouring rows mostly share a minute.
 */
export function rowTime(ms: number, timeZone: string): Parts {
  const minute = ms - (ms % 60_000);
  const key = `${timeZone}|${minute}`;
  let p = cache.get(key);
  if (!p) {
    p = localParts(minute, timeZone);
    if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, p);
  }
  return p;
}
