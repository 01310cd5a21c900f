import { useEffect } from 'react';
import { useMethod } from '../../lib/query';
import { setLocked } from './lock-state';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/** Locks the console after the coalition's idle minutes without a key, click or move (0: never). */
export function useIdleLock(): void {
  const settings = useMethod('settings.get', {});
  const minutes = settings.data?.idleLockMinutes ?? 0;
  useEffect(() => {
    if (!minutes) return;
    let timer: ReturnType<typeof setTimeout>;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setLocked(true), minutes * 60_000);
    };
    restart();
    for (const e of ACTIVITY) window.addEventListener(e, restart, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, restart, { capture: true });
    };
  }, [minutes]);
}
