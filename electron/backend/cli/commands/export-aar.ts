import fs from 'node:fs';
import path from 'node:path';
import type { AarExport } from '../../../../shared/contract';
import { call, CliError, dataDirOption, stringOption, withBackend, type CliCommand } from '../command';

const FORMATS = ['docx', 'pdf', 'csv'] as const;

export const exportAarCommand: CliCommand = {
  name: 'export aar',
  summary: 'write the after-action report of an incident as DOCX or PDF (or its improvement plan as CSV)',
  usage: '--data-dir D --incident ID --format docx|pdf|csv --out FILE',
  help: [
    '  --data-dir D      the console data folder (holding eoc.sqlite)',
    '  --incident ID     the incident or exercise (npm run cli -- incidents lists them)',
    '  --format F        docx (Word, HSEEP layout), pdf (for print), or csv (the improvement plan)',
    '  --out FILE        where to write it; an existing file is replaced',
    'Reads only: the report must have been drafted in the console. Prints the file written and its SHA-256.',
  ].join('\n'),
  options: { ...dataDirOption, incident: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  async run(args, io) {
    const dataDir = stringOption(args, 'data-dir', true);
    const incidentId = stringOption(args, 'incident', true);
    const format = stringOption(args, 'format', true);
    const out = path.resolve(stringOption(args, 'out', true));
    if (!(FORMATS as readonly string[]).includes(format)) throw new CliError(`--format must be docx, pdf or csv, not "${format}"`);
    if (!fs.existsSync(path.dirname(out))) throw new CliError(`The folder ${path.dirname(out)} does not exist`);
    if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new CliError(`${out} is a folder; give a file name`);
    const file = await withBackend(dataDir, (b) => call<AarExport>(b, 'aar.document', { incidentId, format }));
    // Written beside, then renamed: a failed write never leaves half a document under the name.
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(file.base64, 'base64'));
    fs.renameSync(tmp, out);
    io.out(`Wrote ${out} (${file.bytes} bytes, SHA-256 ${file.sha256}).`);
    return 0;
  },
};
