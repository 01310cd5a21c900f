import { AppShell, Box, ScrollArea } from '@mantine/core';
import { Route, Router, Switch, useLocation } from 'wouter';
import type { ReactNode } from 'react';
import { ExerciseBanner } from '../features/incidents/ExerciseBanner';
import { useActiveIncident } from '../features/incidents/use-active-incident';
import { INTEGRITY_BANNER_HEIGHT, IntegrityBanner } from '../features/integrity/IntegrityBanner';
import { useMethod } from '../lib/query';
import { QuickEntry } from '../features/log/QuickEntry';
import { CommandPalette } from './CommandPalette';
import { NavRail } from './NavRail';
import { NotFound } from './NotFound';
import { ScreenFrame } from './ScreenFrame';
import { routes } from './routes';
import { useShortcuts } from '../lib/shortcuts';
import { TopBar } from './TopBar';
import { ShellContext, type ShellProps } from '../lib/shell-context';
import { consoleHrefs, useConsoleLocation } from '../lib/location';


function NavigationShortcuts() {
  const [, navigate] = useLocation();
  useShortcuts(
    routes.map((r) => ({ id: `nav:${r.path}`, keys: r.keys, label: `Go to ${r.label}`, group: 'Navigate', run: () => navigate(r.path) })),
  );
  return null;
}

/**
 * The frame around the screens. It alone follows the active incident (for the exercise
 * banner) and the integrity check (for its banner), so a change of period or staffing
 * does not re-render the screen inside it.
 */
function Frame({ children }: { children: ReactNode }) {
  const exercise = useActiveIncident().incident?.exercise ?? false;
  const integrityProblem = useMethod('integrity.status', {}).data?.state === 'problems';
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
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}

/** The layout every feature lives in: rail on the left, status bar on top. */
export function Shell({ coalition, workstation, session }: ShellProps) {
  return (
    <ShellContext.Provider value={{ coalition, workstation, session }}>
      <Router hook={useConsoleLocation} hrefs={consoleHrefs}>
        <NavigationShortcuts />
        <CommandPalette />
        <QuickEntry />
        <Frame>
          <ScreenFrame>
            <Switch>
              {routes.map((r) => (
                <Route key={r.path} path={r.path} component={r.component} />
              ))}
              <Route component={NotFound} />
            </Switch>
          </ScreenFrame>
        </Frame>
      </Router>
    </ShellContext.Provider>
  );
}
