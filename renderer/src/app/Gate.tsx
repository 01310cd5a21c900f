import { Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { ErrorPanel } from '../components/ErrorPanel';
import type { MethodOutput } from '../../../shared/contract';
import { queryClient, seedBootAnswers, useLiveInvalidation, useMethod } from '../lib/query';
import { loadScreen, useScreen, type FirstScreen, type ScreenComponent } from './first-screens';

type Screen = 'error' | 'loading' | FirstScreen;

/**
 * The screens a start shows most often (sign-in on a set-up workstation, first run on a new
 * one), loaded while the first answers are on their way (the browser host may still be
 * opening its store): the chosen screen then appears with its data instead of a chunk
 * fetch and compile later. The console's own chunk is the next screen's (loaded on idle).
 * The page's HTML names both chunks beside the start script (electron.vite.config.ts), so
 * the browser has usually fetched them by the time this asks.
 */
let preloaded = false;
function preloadLikelyScreens(): void {
  if (preloaded) return;
  preloaded = true;
  for (const s of ['sign-in', 'setup'] as const) loadScreen(s).catch(() => {});
}

/** The three reads the first screen is chosen by; the boot script asks the same three. */
const FIRST_READS = ['system.info', 'setup.status', 'session.current'] as const;

/**
 * The first screen those reads choose: restore (damaged store), setup (empty store),
 * sign-in, or the console; null while an answer it needs has not come.
 */
function chooseFirstScreen(
  info: MethodOutput<'system.info'> | undefined,
  setup: MethodOutput<'setup.status'> | undefined,
  session: MethodOutput<'session.current'> | undefined,
): FirstScreen | null {
  if (!info) return null;
  if (info.degraded) return 'restore';
  if (!setup) return null;
  if (!setup.configured) return 'setup';
  if (!session) return null;
  return session.session ? 'console' : 'sign-in';
}

/**
 * Before the page's first render: when the boot script's answers are already here (they
 * travel while the start script loads and compiles), they go into the cache and the screen
 * they choose is loaded, so that the first render is that screen, with its data. Otherwise
 * (answers still on their way: the host may still be opening its store) it resolves a
 * task later and the Gate shows "Opening the console…" until they come, as before.
 */
export function prepareFirstScreen(): Promise<void> {
  // Under Electron there is no boot script: the preload's bridge answers once asked.
  if (window.eoc) return Promise.resolve();
  const known = (): FirstScreen | null => {
    seedBootAnswers(FIRST_READS);
    const read = <M extends (typeof FIRST_READS)[number]>(m: M) => queryClient.getQueryData<MethodOutput<M>>([m, {}]);
    return chooseFirstScreen(read('system.info'), read('setup.status'), read('session.current'));
  };
  // A chunk that fails to load is the Gate's to report (it tries again and says so).
  const load = async (first: FirstScreen | null) => {
    if (first) await loadScreen(first).catch(() => {});
  };
  const first = known();
  if (first) return load(first);
  // Answers the socket has received may still wait in the page's task queue behind this
  // script: one task later they have been read.
  return new Promise<void>((resolve) => setTimeout(resolve)).then(() => load(known()));
}

/** Decides the first screen: restore (damaged store), setup (empty store), sign-in, or the console. */
export function Gate() {
  preloadLikelyScreens();
  useLiveInvalidation();
  // All three asked at once, not one after another: the first screen waits for one round
  // trip. A damaged store refuses the last two; the restore screen is shown then, unasked.
  const info = useMethod('system.info', {});
  const setup = useMethod('setup.status', {});
  const session = useMethod('session.current', {});

  const chosen: Screen = info.error ? 'error' : (chooseFirstScreen(info.data, setup.data, session.data) ?? 'loading');
  const first = chosen === 'error' || chosen === 'loading' ? null : chosen;
  const { component: Component, error: chunkError } = useScreen(first);
  // Until its chunk is here the chosen screen is not on the page: still 'loading'.
  const screen: Screen = chunkError ? 'error' : first && !Component ? 'loading' : chosen;

  useEffect(() => {
    // The signal end-to-end tests and the start-up benchmark wait for: set once the
    // screen has mounted, so whoever waits for it finds the screen there.
    document.body.dataset.screen = screen;
    if (screen === 'loading') return;
    if (!document.body.dataset.ready) performance.mark('eoc:first-screen');
    document.body.dataset.ready = 'true';
  }, [screen]);

  useEffect(() => {
    // While the first answers travel the page waits: the browser's date and time-zone data
    // (its first Intl.DateTimeFormat, about 50 ms) is set up then, not while the first
    // screen renders (the first-run screen reads the workstation's zone, the others show times).
    if (screen !== 'loading' || !window.requestIdleCallback) return;
    const idle = window.requestIdleCallback(() => void new Intl.DateTimeFormat().resolvedOptions());
    return () => window.cancelIdleCallback(idle);
  }, [screen]);

  useEffect(() => {
    // The screen that follows loads while the operator types (first run, then sign-in,
    // then the console), so it appears at once rather than after its chunk; when the
    // page is idle, not while this screen is still being painted.
    const next = screen === 'setup' ? 'sign-in' : screen === 'sign-in' ? 'console' : null;
    if (!next) return;
    const later = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 200));
    later(() => void loadScreen(next).catch(() => {}));
  }, [screen]);

  if (screen === 'error')
    return (
      <Center h="100%">
        <ErrorPanel title="The console cannot reach its backend" error={info.error ?? chunkError} />
      </Center>
    );
  if (screen === 'loading' || !Component)
    return (
      <Center h="100%">
        <Stack align="center">
          <Loader />
          <Text>Opening the console…</Text>
        </Stack>
      </Center>
    );
  switch (screen) {
    case 'restore': {
      const Restore = Component as ScreenComponent<'restore'>;
      return <Restore reason={info.data!.degraded!} />;
    }
    case 'setup': {
      const Setup = Component as ScreenComponent<'setup'>;
      return <Setup />;
    }
    case 'sign-in': {
      const SignIn = Component as ScreenComponent<'sign-in'>;
      return <SignIn coalition={setup.data!.coalition!} workstationName={setup.data!.workstation.name ?? ''} />;
    }
    case 'console': {
      const Shell = Component as ScreenComponent<'console'>;
      return <Shell coalition={setup.data!.coalition!} workstation={setup.data!.workstation} session={session.data!.session!} />;
    }
  }
}
