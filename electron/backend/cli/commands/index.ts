import type { CliCommand } from '../command';
import { exportCapCommand } from './export-cap';
import { incidentsCommand } from './incidents';
import { verifyCommand } from './verify';

/** Every admin command, in the order `help` lists them. A feature adds its command here. */
export const commands: readonly CliCommand[] = [verifyCommand, incidentsCommand, exportCapCommand];
