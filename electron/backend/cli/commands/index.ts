import type { CliCommand } from '../command';
import { bundleExportCommand, bundleImportCommand } from './bundle';
import { incidentsCommand } from './incidents';
import { verifyCommand } from './verify';

/** Every admin command, in the order `help` lists them. A feature adds its command here. */
export const commands: readonly CliCommand[] = [verifyCommand, incidentsCommand, bundleExportCommand, bundleImportCommand];
