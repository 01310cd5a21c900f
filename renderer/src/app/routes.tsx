import { IconLayoutDashboard, IconSettings } from '@tabler/icons-react';
import { IconAddressBook, IconBox, IconTruckDelivery } from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { OverviewScreen } from '../features/overview/OverviewScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
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
  { path: '/requests', label: 'Requests', icon: <IconTruckDelivery />, keys: 'alt+6', component: RequestsScreen },
  { path: '/inventory', label: 'Inventory', icon: <IconBox />, keys: 'alt+7', component: InventoryScreen },
  { path: '/directory', label: 'Directory', icon: <IconAddressBook />, keys: 'alt+8', component: DirectoryScreen },
  { path: '/settings', label: 'Settings', icon: <IconSettings />, keys: 'alt+9', component: SettingsScreen },
];
