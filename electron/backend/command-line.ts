import os from 'node:os';
import type { Actor, WriteTx } from './db/writer';

/**
 * A backend opened by the admin command line: no operator signs in there, so its writes
 * are attributed to the operating-system user running the command, and each of its write
 * transactions records the command line in an audit entry (a chained record of fact).
 */
export interface CommandLine {
  /** The command as typed, e.g. ['backup', '--data-dir', '/srv/eoc']. */
  readonly argv: readonly string[];
  /** The operating-system user running it. */
  readonly osUser: string;
}

export function currentOsUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown user';
  }
}

export function commandLineActor(workstationId: string, cli: CommandLine): Actor {
  return { workstationId, operatorName: `${cli.osUser} (command line)`, positionTitle: 'Administrator at the command line' };
}

export function auditCommand(tx: WriteTx, cli: CommandLine): void {
  tx.audit('cli.command', { commandLine: ['npm run cli --', ...cli.argv].join(' '), osUser: cli.osUser, host: os.hostname(), pid: process.pid });
}
