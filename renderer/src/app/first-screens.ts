import { useEffect, useState, type ComponentType } from 'react';

/**
 * The screens the Gate chooses between, each its own chunk: the start script carries none
 * of them, and an operator signing in never parses the first-run or restore screens (nor
 * the console before signing in).
 *
 * Loaded by hand rather than with React.lazy + Suspense: React 19 holds content revealed
 * after a Suspense fallback for up to 300 ms, which the first screen would wait for.
 */
const loaders = {
  restore: () => import('../features/restore/RestoreScreen').then((m) => m.RestoreScreen),
  setup: () => import('../features/setup/SetupScreen').then((m) => m.SetupScreen),
  'sign-in': () => import('../features/session/SignInScreen').then((m) => m.SignInScreen),
  console: () => import('./Shell').then((m) => m.Shell),
};
export type FirstScreen = keyof typeof loaders;
/** The component a screen's chunk exports. */
export type ScreenComponent<S extends FirstScreen> = Awaited<ReturnType<(typeof loaders)[S]>>;

const loaded = new Map<FirstScreen, ComponentType<never>>();
const loading = new Map<FirstScreen, Promise<void>>();

/** Starts loading a screen's chunk (once); resolves when it is ready to render. */
export function loadScreen(screen: FirstScreen): Promise<void> {
  let p = loading.get(screen);
  if (!p) {
    p = loaders[screen]().then((c) => void loaded.set(screen, c as ComponentType<never>));
    // A failed load (the host was rebuilt under the page) may be tried again.
    p.catch(() => loading.delete(screen));
    loading.set(screen, p);
  }
  return p;
}

/** The screen's component once its chunk has loaded (at once when it already has), else undefined; or the load's error. */
export function useScreen<S extends FirstScreen>(screen: S | null): { component?: ScreenComponent<S>; error?: unknown } {
  const [, rerender] = useState(0);
  const [error, setError] = useState<unknown>();
  const component = screen ? (loaded.get(screen) as ScreenComponent<S> | undefined) : undefined;
  useEffect(() => {
    if (!screen || component) return;
    let live = true;
    loadScreen(screen).then(
      () => live && rerender((n) => n + 1),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [screen, component]);
  return { component, error: component ? undefined : error };
}
