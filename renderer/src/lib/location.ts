import { navigate as hashNavigate, useHashLocation } from 'wouter/use-hash-location';

type NavigateOptions = Parameters<typeof hashNavigate>[1];

/**
 * The console's addresses: `#/screen`, with a screen's own sub-view in the query
 * (`?id=…`, see useSubview). wouter's hash location keeps the old query when a navigation
 * names none, so a request's `?id=` followed the operator to every other screen and the
 * Requests rail item reopened the old request instead of the board. Here a navigation that
 * names no query clears it: each screen opens on its own front view.
 */
export function useConsoleLocation(): [string, (to: string, options?: NavigateOptions) => void] {
  const [location] = useHashLocation();
  // A query typed after the hash (`#/situation?wall=1`, as a wall display is opened) is not
  // part of the screen's path.
  const path = location.includes('?') ? location.slice(0, location.indexOf('?')) : location;
  return [path, (to, options) => hashNavigate(to.includes('?') ? to : `${to}?`, options)];
}

/** Links render as `#/screen`, as with wouter's own hash location. */
export const consoleHrefs = (href: string) => `#${href}`;
