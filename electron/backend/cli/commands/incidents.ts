import type { Incident } from '../../../../shared/contract';
import { call, dataDirOption, stringOption, withBackend, type CliCommand } from '../command';

export const incidentsCommand: CliCommand = {
  name: 'incidents',
  summary: 'list the incidents and exercises of a data folder',
  usage: '--data-dir D [--json]',
  help: [
    '  --data-dir D   the console data folder (holding eoc.sqlite)',
    '  --json         one JSON array: id, name, exercise, status',
    'Reads only; prints one incident a line otherwise.',
  ].join('\n'),
  options: { ...dataDirOption, json: { type: 'boolean' } },
  async run(args, io) {
    const dataDir = stringOption(args, 'data-dir', true);
    const { incidents } = await withBackend(dataDir, (b) =>
      call<{ incidents: Incident[] }>(b, 'incident.list', { status: 'all' }),
    );
    const rows = incidents.map((i) => ({ id: i.id, name: i.name, exercise: i.exercise, status: i.status }));
    if (args.values.json) io.out(JSON.stringify(rows, null, 2));
    else if (!rows.length) io.out('No incidents in this data folder.');
    else for (const r of rows) io.out(`${r.id}  ${r.status.padEnd(8)}  ${r.exercise ? 'EXERCISE  ' : ''}${r.name}`);
    return 0;
  },
};
