import type { CliCommand } from '../command';
import { exportAarCommand } from './export-aar';
import { exportGeojsonCommand } from './export-geojson';
import { anchorCommand } from './anchor';
import { backupCommand } from './backup';
import { demoCommand } from './demo';
import { incidentsCommand } from './incidents';
import { verifyCommand } from './verify';

/** Every admin command, in the order `help` lists them. A feature adds its command here. */
export const commands: readonly CliCommand[] = [
  verifyCommand,
  anchorCommand,
  backupCommand,
  demoCommand,
  incidentsCommand,
  exportAarCommand,
  exportGeojsonCommand,
];
