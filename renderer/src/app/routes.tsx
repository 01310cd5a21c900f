import { IconLayoutDashboard, IconSettings } from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { OverviewScreen } from '../features/overview/OverviewScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';

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
  { path: '/settings', label: 'Settings', icon: <IconSettings />, keys: 'alt+9', component: SettingsScreen },
];
