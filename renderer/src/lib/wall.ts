import { useSearch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';

/**
 * A wall display: `#/situation?wall=1` (or `?wall=1` before the hash). The screen shows
 * alone in large type, without the rail and top bar, for a screen across the room.
 */
export function useWallDisplay(): boolean {
  const search = useSearch();
  const [hash] = useHashLocation();
  const inHash = hash.includes('?') ? new URLSearchParams(hash.slice(hash.indexOf('?') + 1)) : null;
  return new URLSearchParams(search).get('wall') === '1' || inHash?.get('wall') === '1';
}
