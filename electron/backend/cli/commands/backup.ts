import path from 'node:path';
import type { BackupInfo } from '../../../../shared/contract';
import { call, CliError, dataDirOption, stringOption, withBackend, type CliCommand } from '../command';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'take a verified backup of a data folder now',
  usage: '--data-dir D',
  help: [
    '  --data-dir D   the console data folder; the backup goes to its backups/ folder',
    'Uses SQLite’s online backup, checks the copy, and records the signed chain head beside',
    'it. Exit 1 when the copy fails its check. Audited with this command line.',
  ].join('\n'),
  options: { ...dataDirOption },
  async run(args, io) {
    const dataDir = path.resolve(stringOption(args, 'data-dir', true));
    const info = await withBackend(dataDir, (b) => call<BackupInfo>(b, 'backup.create', {}), { argv: args.argv ?? ['backup'] });
    if (!info.verified) throw new CliError(`The backup ${info.file} failed its check; it is kept but will not be offered for restore.`);
    io.out(`Backed up to ${path.join(dataDir, 'backups', info.file)} (${info.bytes} bytes, verified).`);
    return 0;
  },
};
