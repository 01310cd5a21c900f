import { useEffect, useState } from 'react';

/** The time now, refreshed every `periodMs`: render stays pure, the clock ticks in an effect. */
export function useNow(periodMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(t);
  }, [periodMs]);
  return now;
}
