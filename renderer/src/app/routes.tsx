import { IconAlertTriangle, IconGavel, IconLayoutDashboard, IconListDetails, IconMail, IconNotebook, IconSettings, IconStar } from '@tabler/icons-react';
import {
  IconAddressBook,
  IconArrowsExchange,
  IconBox,
  IconBuildingHospital,
  IconCalendarEvent,
  IconClipboardCheck,
  IconMap,
  IconReportMedical,
  IconShieldCheck,
  IconTruckDelivery,
} from '@tabler/icons-react';
import { use, type ComponentType, type ReactNode } from 'react';

/**
 * Screens load on first use, so the console parses only the shell at start-up; once the
 * first screen is up, `preloadScreens` fetches the rest, so moving between screens does not
 * wait (the files are local: no network is involved). A screen whose code is in renders at
 * once, without suspending: React 19 holds a suspended screen back for up to 300 ms (it
 * throttles Suspense reveals), which React.lazy would cost on every first visit.
 */
type Loader = () => Promise<ComponentType>;
const loaders: Loader[] = [];
const forgetFailures: (() => void)[] = [];
function screen(load: Loader): ComponentType {
  let loaded: ComponentType | undefined;
  let pending: Promise<ComponentType> | undefined;
  let failed = false;
  const get = () => {
    pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        failed = true;
        throw e;
      },
    );
    return pending;
  };
  // A failed load stays failed (the screen shows why) until the operator asks to try again.
  forgetFailures.push(() => {
    if (failed) [pending, failed] = [undefined, false];
  });
  loaders.push(get);
  function Screen() {
    const Component = loaded ?? use(get());
    return <Component />;
  }
  return Screen;
}

const BoardScreen = screen(() => import('../features/board/BoardScreen').then((m) => m.BoardScreen));
const DecisionsScreen = screen(() => import('../features/decision/DecisionsScreen').then((m) => m.DecisionsScreen));
const IncidentsScreen = screen(() => import('../features/incident/IncidentsScreen').then((m) => m.IncidentsScreen));
const LogScreen = screen(() => import('../features/log/LogScreen').then((m) => m.LogScreen));
const MessagesScreen = screen(() => import('../features/message/MessagesScreen').then((m) => m.MessagesScreen));
const SituationScreen = screen(() => import('../features/situation/SituationScreen').then((m) => m.SituationScreen));
const StatusScreen = screen(() => import('../features/status/StatusScreen').then((m) => m.StatusScreen));
const SitrepScreen = screen(() => import('../features/sitrep/SitrepScreen').then((m) => m.SitrepScreen));
const SettingsScreen = screen(() => import('../features/settings/SettingsScreen').then((m) => m.SettingsScreen));
const TimelineScreen = screen(() => import('../features/timeline/TimelineScreen').then((m) => m.TimelineScreen));
const RequestsScreen = screen(() => import('../features/request/RequestsScreen').then((m) => m.RequestsScreen));
const InventoryScreen = screen(() => import('../features/inventory/InventoryScreen').then((m) => m.InventoryScreen));
const SyncScreen = screen(() => import('../features/sync/SyncScreen').then((m) => m.SyncScreen));
const DirectoryScreen = screen(() => import('../features/directory/DirectoryScreen').then((m) => m.DirectoryScreen));
const AarScreen = screen(() => import('../features/aar/AarScreen').then((m) => m.AarScreen));
const ExercisesScreen = screen(() => import('../features/exercise/ExercisesScreen').then((m) => m.ExercisesScreen));
const MapScreen = screen(() => import('../features/map/MapScreen').then((m) => m.MapScreen));
const PreparednessScreen = screen(() => import('../features/preparedness/PreparednessScreen').then((m) => m.PreparednessScreen));

/** Fetches every screen's code; idempotent (the module loader caches). */
export function preloadScreens(): Promise<unknown> {
  return Promise.allSettled(loaders.map((l) => l()));
}

/** Lets a screen whose code failed to load try again (the error panel's button). */
export function retryFailedScreens(): void {
  for (const f of forgetFailures) f();
}

export interface RouteDef {
  readonly path: string;
  readonly label: string;
  readonly icon: ReactNode;
  /** Alt+digit jumps here. */
  readonly keys: string;
  readonly component: ComponentType;
}

/**
 * Addresses that show a screen of the rail under another name: the situation board as a
 * wall display is opened at `#/situation?wall=1`.
 */
export const aliasRoutes: readonly { path: string; component: ComponentType }[] = [{ path: '/situation', component: SituationScreen }];

/** The navigation rail, in order. A feature adds its screen here. */
export const routes: readonly RouteDef[] = [
  { path: '/', label: 'Situation', icon: <IconLayoutDashboard />, keys: 'alt+1', component: SituationScreen },
  { path: '/incidents', label: 'Incidents', icon: <IconAlertTriangle />, keys: 'alt+2', component: IncidentsScreen },
  { path: '/log', label: 'Activity log', icon: <IconNotebook />, keys: 'alt+3', component: LogScreen },
  { path: '/timeline', label: 'Timeline', icon: <IconListDetails />, keys: 'alt+4', component: TimelineScreen },
  { path: '/decisions', label: 'Decisions', icon: <IconGavel />, keys: 'alt+5', component: DecisionsScreen },
  { path: '/messages', label: 'Messages', icon: <IconMail />, keys: 'alt+0', component: MessagesScreen },
  { path: '/board', label: 'Events board', icon: <IconStar />, keys: 'mod+shift+B', component: BoardScreen },
  { path: '/status', label: 'Status', icon: <IconBuildingHospital />, keys: 'alt+shift+S', component: StatusScreen },
  { path: '/sitrep', label: 'Sitrep', icon: <IconReportMedical />, keys: 'alt+shift+R', component: SitrepScreen },
  { path: '/requests', label: 'Requests', icon: <IconTruckDelivery />, keys: 'alt+6', component: RequestsScreen },
  { path: '/inventory', label: 'Inventory', icon: <IconBox />, keys: 'alt+7', component: InventoryScreen },
  { path: '/directory', label: 'Directory', icon: <IconAddressBook />, keys: 'alt+8', component: DirectoryScreen },
  { path: '/aar', label: 'After action', icon: <IconClipboardCheck />, keys: 'mod+shift+E', component: AarScreen },
  { path: '/exercises', label: 'Exercises', icon: <IconCalendarEvent />, keys: 'mod+shift+X', component: ExercisesScreen },
  { path: '/map', label: 'Map', icon: <IconMap />, keys: 'alt+shift+M', component: MapScreen },
  { path: '/prep', label: 'Preparedness', icon: <IconShieldCheck />, keys: 'mod+shift+P', component: PreparednessScreen },
  { path: '/sync', label: 'Sync', icon: <IconArrowsExchange />, keys: 'mod+shift+Y', component: SyncScreen },
  { path: '/settings', label: 'Settings', icon: <IconSettings />, keys: 'alt+9', component: SettingsScreen },
];
