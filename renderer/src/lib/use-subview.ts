import { useLocation, useSearch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';

/**
 * Which record a screen shows, kept in the address's query (`#/requests` with `?id=…`).
 * The shell matches each screen's path exactly, so a screen's own sub-views (a detail, a
 * form) live in the query rather than in deeper paths; Back and reload still work. A link
 * written with the query after the hash (`#/status?view=requests`, as a bookmark or a link
 * opened in a new tab reads) opens the same sub-view.
 */
export function useSubview(): { params: URLSearchParams; open: (params: Record<string, string> | null) => void } {
  const search = useSearch();
  const [hash] = useHashLocation();
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(search || (hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : ''));
  const open = (next: Record<string, string> | null) => {
    const q = next ? new URLSearchParams(next).toString() : '';
    // An empty "?" clears the query; without it the old one would be kept.
    navigate(`${location}?${q}`);
  };
  return { params, open };
}
