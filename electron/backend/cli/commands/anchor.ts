import fs from 'node:fs';
import path from 'node:path';
import type { AnchorFile } from '../../../../shared/contract/integrity';
import { witnessLine } from '../../integrity/heads';
import { call, CliError, dataDirOption, stringOption, withBackend, type CliCommand } from '../command';

export const anchorCommand: CliCommand = {
  name: 'anchor',
  summary: 'sign the chain heads now and write them to an anchor file kept outside the store',
  usage: '--data-dir D --out FILE',
  help: [
    '  --data-dir D   the console data folder',
    '  --out FILE     where to write the anchor file (e.g. on removable media); not overwritten',
    'Signs this workstation’s chain head with its key, and writes it with the newest signed',
    'head of every other workstation in the store. Keep the file away from the workstation:',
    '`verify --data-dir D --anchor FILE` later proves nothing recorded up to it was changed,',
    'removed or cut off. Audited with this command line.',
  ].join('\n'),
  options: { ...dataDirOption, out: { type: 'string' } },
  async run(args, io) {
    const dataDir = path.resolve(stringOption(args, 'data-dir', true));
    const out = path.resolve(stringOption(args, 'out', true));
    if (fs.existsSync(out)) throw new CliError(`${out} already exists; choose a new file name (an anchor is never overwritten).`);
    if (!fs.existsSync(path.dirname(out))) throw new CliError(`The folder ${path.dirname(out)} does not exist.`);
    const anchor = await withBackend(dataDir, (b) => call<AnchorFile>(b, 'integrity.anchor', {}), { argv: args.argv ?? ['anchor'] });
    try {
      fs.writeFileSync(out, `${JSON.stringify(anchor, null, 2)}\n`, { flag: 'wx' });
    } catch (e) {
      throw new CliError(`Could not write ${out}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const own = anchor.heads[0]!;
    io.out(`Wrote ${out}: ${anchor.heads.length} chain head(s).`);
    io.out(`This workstation: ${witnessLine(own)}`);
    return 0;
  },
};
