import fs from 'node:fs';
import path from 'node:path';
import type { Alert } from '../../../../shared/contract';
import { call, CliError, dataDirOption, stringOption, withBackend, type CliCommand } from '../command';

export const exportCapCommand: CliCommand = {
  name: 'export cap',
  summary: 'write an issued CAP 1.2 alert to a file, exactly as issued',
  usage: '--data-dir D --alert ID|latest --out FILE',
  help: [
    '  --data-dir D        the console data folder (holding eoc.sqlite)',
    '  --alert ID|latest   the alert\'s id (Preparedness > Public warning lists them), or latest',
    '  --out FILE          where to write the XML; an existing file is not overwritten',
    'Reads only. The bytes written are the alert as issued; their SHA-256 is printed and matches the record.',
  ].join('\n'),
  options: { ...dataDirOption, alert: { type: 'string' }, out: { type: 'string' } },
  async run(args, io) {
    const dataDir = stringOption(args, 'data-dir', true);
    const alert = stringOption(args, 'alert', true);
    const out = path.resolve(stringOption(args, 'out', true));
    // A mistyped folder must not become a new, empty data folder.
    if (!fs.existsSync(path.join(dataDir, 'eoc.sqlite'))) throw new CliError(`${dataDir} holds no console data (no eoc.sqlite); check the folder (nothing was written)`);
    if (fs.existsSync(out)) throw new CliError(`${out} already exists; choose another file name (nothing was written)`);
    if (!fs.existsSync(path.dirname(out))) throw new CliError(`The folder ${path.dirname(out)} does not exist (nothing was written)`);
    const r = await withBackend(dataDir, (b) => call<{ alert: Alert; xml: string }>(b, 'alert.get', { id: alert }));
    fs.writeFileSync(out, r.xml, { encoding: 'utf8', flag: 'wx' });
    io.out(`Wrote ${out}: ${r.alert.msgType} "${r.alert.headline}" (${r.alert.status}), sent ${r.alert.sent}, SHA-256 ${r.alert.sha256}`);
    return 0;
  },
};
