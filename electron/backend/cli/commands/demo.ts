import fs from 'node:fs';
import path from 'node:path';
import { call, CliError, dataDirOption, stringOption, withBackend, type CliCommand } from '../command';

interface DemoLoaded {
  coalition: { name: string };
  organisations: number;
  requests: number;
  logEntries: number;
  decisions: number;
  messages: number;
}

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'load the demonstration coalition into an empty data folder',
  usage: '--data-dir D [--workstation NAME]',
  help: [
    '  --data-dir D          an empty or new folder; a folder that holds anything is refused',
    '  --workstation NAME    this workstation’s name (default "DEMO workstation")',
    'Writes a new data file with the fictional coalition, its directory, caches and an',
    'ice-storm exercise in progress, all marked DEMO DATA. Audited with this command line.',
  ].join('\n'),
  options: { ...dataDirOption, workstation: { type: 'string' } },
  async run(args, io) {
    const dataDir = path.resolve(stringOption(args, 'data-dir', true));
    if (fs.existsSync(dataDir)) {
      if (!fs.statSync(dataDir).isDirectory()) throw new CliError(`${dataDir} is a file, not a folder.`);
      const inside = fs.readdirSync(dataDir);
      if (inside.length) {
        throw new CliError(`${dataDir} is not empty (it holds ${inside.slice(0, 3).join(', ')}${inside.length > 3 ? ', …' : ''}); the demonstration coalition is loaded only into an empty folder.`);
      }
    }
    const name = stringOption(args, 'workstation');
    const r = await withBackend(dataDir, (b) => call<DemoLoaded>(b, 'demo.load', name ? { workstationName: name } : {}), { argv: args.argv ?? ['demo'] });
    io.out(`Loaded ${r.coalition.name} into ${dataDir}: ${r.organisations} organisations, ${r.requests} requests, ${r.logEntries} log entries, ${r.decisions} decisions, ${r.messages} messages.`);
    return 0;
  },
};
