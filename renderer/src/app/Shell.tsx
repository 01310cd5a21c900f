import './console-styles';
import { AppShell, Box, ScrollArea } from '@mantine/core';
import { Route, Router, Switch, useLocation } from 'wouter';
import type { ReactNode } from 'react';
import { ExerciseBanner } from '../features/incident/ExerciseBanner';
import { useActiveIncident } from '../features/incident/use-active-incident';
import { INTEGRITY_BANNER_HEIGHT, IntegrityBanner } from '../features/integrity/IntegrityBanner';
import { useMethod } from '../lib/query';
import { QuickEntry } from '../features/log/QuickEntry';
import { CommandPalette } from './CommandPalette';
import { FieldJump } from '../components/FieldJump';
import { NavRail } from './NavRail';
import { NotFound } from './NotFound';
import { ScreenFrame } from './ScreenFrame';
import { aliasRoutes, routes } from './routes';
import { formatKeys, useShortcuts } from '../lib/shortcuts';
import { SHORTCUT_CATALOGUE } from '../lib/shortcut-catalogue';
import { notifications } from '@mantine/notifications';
import { TopBar } from './TopBar';
import { ShellContext, type ShellProps } from '../lib/shell-context';
import { consoleHrefs, useConsoleLocation } from '../lib/location';
import { useWallDisplay } from '../lib/wall';
import { ModalHost } from '../lib/open-modal';
import { useFocusKeeper, useFocusOnOpen } from './focus-keeper';
import { useTabSelects } from './tab-selects';
import { LockScreen } from './lock/LockScreen';
import { useIdleLock } from './lock/use-idle-lock';
import { holdTypeAhead } from '../lib/type-ahead';


/**
 * Every shortcut from every screen: the rail's screens, the global actions (which open
 * their screen with the intent in the address) and, for shortcuts that only mean something
 * in one place, a fallback that says where they work instead of doing nothing.
 */
function GlobalShortcuts() {
  const [, navigate] = useLocation();
  // Keys typed while the next screen mounts go to the field it focuses (lib/type-ahead).
  const go = (to: string) => {
    holdTypeAhead();
    const from = document.activeElement;
    navigate(to);
    // A rail link that had the focus would keep it, lit, beside the new screen: the screen
    // takes it (its own field, when it focuses one, takes it from there).
    if (from instanceof HTMLElement && from.closest('nav'))
      requestAnimationFrame(() => {
        if (document.activeElement === from) document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
      });
  };
  useShortcuts([
    ...routes.map((r) => ({ id: `nav:${r.path}`, keys: r.keys, label: `Go to ${r.label}`, group: 'Navigate', navigates: true, run: () => go(r.path) })),
    ...SHORTCUT_CATALOGUE.map(({ id, keys, label, group, to, where }) => ({
      id,
      keys,
      label: where ? `${label} (${where})` : label,
      group,
      // A global action opens its screen: not from inside a dialog either.
      navigates: !!to,
      run: to
        ? () => go(to)
        : () => notifications.show({ id: `where-${id}`, color: 'blue', title: `${formatKeys(keys)}: ${label}`, message: `This works ${where ?? 'on its screen'}.` }),
    })),
  ]);
  return null;
}

/**
 * The frame around the screens. It alone follows the active incident (for the exercise
 * banner) and the integrity check (for its banner), so a change of period or staffing
 * does not re-render the screen inside it.
 */
function Frame({ children }: { children: ReactNode }) {
  const active = useActiveIncident();
  const exercise = active.incident?.exercise ?? false;
  const integrityProblem = useMethod('integrity.status', {}).data?.state === 'problems';
  // A wall display (`?wall=1`) shows the screen alone, readable across the room: no rail, no top bar.
  const wall = useWallDisplay();
  useFocusOnOpen(!active.loading);
  if (wall) return <Box mih="100vh">{children}</Box>;
  // The exercise banner sets the header's height: the frame waits for the answer that
  // decides it (one round trip, asked as the console mounts) instead of drawing and then
  // pushing the whole console down by the banner, a jump the operator sees.
  if (active.loading) return null;
  const height = 68 + (exercise ? 28 : 0) + (integrityProblem ? INTEGRITY_BANNER_HEIGHT : 0);
  return (
    <AppShell header={{ height }} navbar={{ width: 236, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <IntegrityBanner />
        {exercise && <ExerciseBanner />}
        <Box h={68}>
          <TopBar />
        </Box>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <ScrollArea>
          <NavRail />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main tabIndex={-1}>{children}</AppShell.Main>
    </AppShell>
  );
}

/** The layout every feature lives in: rail on the left, status bar on top. */
export function Shell({ coalition, workstation, session }: ShellProps) {
  useFocusKeeper();
  useTabSelects();
  useIdleLock();
  return (
    <ShellContext.Provider value={{ coalition, workstation, session }}>
      <Router hook={useConsoleLocation} hrefs={consoleHrefs}>
        <GlobalShortcuts />
        <CommandPalette />
        <FieldJump />
        <QuickEntry />
        <Frame>
          <ScreenFrame>
            <Switch>
              {routes.map((r) => (
                <Route key={r.path} path={r.path} component={r.component} />
              ))}
              {aliasRoutes.map((r) => (
                <Route key={r.path} path={r.path} component={r.component} />
              ))}
              <Route component={NotFound} />
            </Switch>
          </ScreenFrame>
        </Frame>
        <ModalHost />
        <LockScreen />
      </Router>
    </ShellContext.Provider>
  );
}
