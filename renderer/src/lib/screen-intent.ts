import { useEffect, useRef } from 'react';
import { useLocation, useSearch } from 'wouter';

/**
 * Carries out an intent a global shortcut put in the address (`#/decisions?do=record`),
 * once the screen is `ready`, then clears it so Back does not repeat it and the same
 * shortcut pressed again works again.
 */
export function useScreenIntent(intent: string, run: () => void, ready = true): void {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const wanted = new URLSearchParams(search).get('do') === intent;
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    if (!wanted || !ready) return;
    latest.current();
    navigate(`${location}?`, { replace: true });
  }, [wanted, ready, location, navigate]);
}
