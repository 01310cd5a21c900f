import { IconAlertTriangle, IconGavel, IconLayoutDashboard, IconListDetails, IconMail, IconNotebook, IconSettings, IconStar } from '@tabler/icons-react';
import { IconAddressBook, IconBox, IconTruckDelivery } from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { BoardScreen } from '../features/board/BoardScreen';
import { DecisionsScreen } from '../features/decisions/DecisionsScreen';
import { IncidentsScreen } from '../features/incidents/IncidentsScreen';
import { LogScreen } from '../features/log/LogScreen';
import { MessagesScreen } from '../features/messages/MessagesScreen';
import { OverviewScreen } from '../features/overview/OverviewScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { TimelineScreen } from '../features/timeline/TimelineScreen';
import { RequestsScreen } from '../features/requests/RequestsScreen';
import { InventoryScreen } from '../features/inventory/InventoryScreen';
import { DirectoryScreen } from '../features/directory/DirectoryScreen';

export interface RouteDef {
  readonly path: string;
  readonly label: string;
  readonly icon: ReactNode;
  /** Alt+digit jumps here. */
  readonly keys: string;
  readonly component: ComponentType;
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
