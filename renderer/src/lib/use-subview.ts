import { useLocation, useSearch } from 'wouter';

/**
 * Which record a screen shows, kept in the address's query (`#/requests` with `?id=…`).
 * The shell matches each screen's path exactly, so a screen's own sub-views (a detail, a
 * form) live in the query rather than in deeper paths; Back and reload still work.
 */
export function useSubview(): { params: URLSearchParams; open: (params: Record<string, string> | null) => void } {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const open = (next: Record<string, string> | null) => {
    const q = next ? new URLSearchParams(next).toString() : '';
    // An empty "?" clears the query; without it the old one would be kept.
    navigate(`${location}?${q}`);
  };
  return { params, open };
}
