import { IconAlertTriangle, IconGavel, IconLayoutDashboard, IconListDetails, IconMail, IconNotebook, IconSettings, IconStar } from '@tabler/icons-react';
import { IconAddressBook, IconBox, IconTruckDelivery } from '@tabler/icons-react';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

/**
 * Screens load on first use, so the console parses only the shell at start-up; once the
 * first screen is up, `preloadScreens` fetches the rest while the operator reads it, so
 * moving between screens never waits (the files are local: no network is involved).
 */
type Loader = () => Promise<ComponentType>;
const loaders: Loader[] = [];
function screen(load: Loader): LazyExoticComponent<ComponentType> {
  loaders.push(load);
  return lazy(async () => ({ default: await load() }));
}

const BoardScreen = screen(() => import('../features/board/BoardScreen').then((m) => m.BoardScreen));
const DecisionsScreen = screen(() => import('../features/decisions/DecisionsScreen').then((m) => m.DecisionsScreen));
const IncidentsScreen = screen(() => import('../features/incidents/IncidentsScreen').then((m) => m.IncidentsScreen));
const LogScreen = screen(() => import('../features/log/LogScreen').then((m) => m.LogScreen));
const MessagesScreen = screen(() => import('../features/messages/MessagesScreen').then((m) => m.MessagesScreen));
const OverviewScreen = screen(() => import('../features/overview/OverviewScreen').then((m) => m.OverviewScreen));
const SettingsScreen = screen(() => import('../features/settings/SettingsScreen').then((m) => m.SettingsScreen));
const TimelineScreen = screen(() => import('../features/timeline/TimelineScreen').then((m) => m.TimelineScreen));
const RequestsScreen = screen(() => import('../features/requests/RequestsScreen').then((m) => m.RequestsScreen));
const InventoryScreen = screen(() => import('../features/inventory/InventoryScreen').then((m) => m.InventoryScreen));
const DirectoryScreen = screen(() => import('../features/directory/DirectoryScreen').then((m) => m.DirectoryScreen));

/** Fetches every screen's code; idempotent (the module loader caches). */
export function preloadScreens(): Promise<unknown> {
  return Promise.allSettled(loaders.map((l) => l()));
}

export interface RouteDef {
  readonly path: string;
  readonly label: string;
  readonly icon: ReactNode;
  /** Alt+digit jumps here. */
  readonly keys: string;
  readonly component: ComponentType | LazyExoticComponent<ComponentType>;
}

/** The navigation rail, in order. A feature adds its screen here. */
export const routes: readonly RouteDef[] = [
  { path: '/', label: 'Overview', icon: <IconLayoutDashboard />, keys: 'alt+1', component: OverviewScreen },
  { path: '/incidents', label: 'Incidents', icon: <IconAlertTriangle />, keys: 'alt+2', component: IncidentsScreen },
  { path: '/log', label: 'Activity log', icon: <IconNotebook />, keys: 'alt+3', component: LogScreen },
  { path: '/timeline', label: 'Timeline', icon: <IconListDetails />, keys: 'alt+4', component: TimelineScreen },
  { path: '/decisions', label: 'Decisions', icon: <IconGavel />, keys: 'alt+5', component: DecisionsScreen },
  { path: '/messages', label: 'Messages', icon: <IconMail />, keys: 'alt+0', component: MessagesScreen },
  { path: '/board', label: 'Events board', icon: <IconStar />, keys: 'mod+shift+B', component: BoardScreen },
  { path: '/requests', label: 'Requests', icon: <IconTruckDelivery />, keys: 'alt+6', component: RequestsScreen },
  { path: '/inventory', label: 'Inventory', icon: <IconBox />, keys: 'alt+7', component: InventoryScreen },
  { path: '/directory', label: 'Directory', icon: <IconAddressBook />, keys: 'alt+8', component: DirectoryScreen },
  { path: '/settings', label: 'Settings', icon: <IconSettings />, keys: 'alt+9', component: SettingsScreen },
];
