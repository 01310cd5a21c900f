import fs from 'node:fs';
import path from 'node:path';
import { call, CliError, dataDirOption, stringOption, withBackend, type CliCommand } from '../command';

const LAYERS = ['organisations', 'requests', 'caches', 'annotations'] as const;

export const exportGeojsonCommand: CliCommand = {
  name: 'export geojson',
  summary: 'write one map layer (members, open requests, caches or annotations) as a GeoJSON file',
  usage: '--data-dir D --layer organisations|requests|caches|annotations --out FILE [--incident ID]',
  help: [
    '  --data-dir D    the console data folder (holding eoc.sqlite)',
    '  --layer L       organisations (members where the directory places them), requests (open',
    '                  resource requests at their delivery location), caches (inventory), or',
    '                  annotations (drawn on the map)',
    '  --out FILE      the GeoJSON file to write; an existing file is not overwritten',
    '  --incident ID   requests and annotations of one incident only (default: every incident)',
    'Reads only. Writes FILE, then prints how many features it holds.',
  ].join('\n'),
  options: { ...dataDirOption, layer: { type: 'string' }, out: { type: 'string' }, incident: { type: 'string' } },
  async run(args, io) {
    const dataDir = stringOption(args, 'data-dir', true);
    const layer = stringOption(args, 'layer', true);
    const out = path.resolve(stringOption(args, 'out', true));
    const incidentId = stringOption(args, 'incident');
    if (!(LAYERS as readonly string[]).includes(layer)) throw new CliError(`--layer must be one of: ${LAYERS.join(', ')} (not "${layer}")`);
    if (fs.existsSync(out)) throw new CliError(`${out} already exists; choose another --out or remove it first`);
    if (!fs.existsSync(path.dirname(out))) throw new CliError(`The folder ${path.dirname(out)} does not exist`);
    const result = await withBackend(dataDir, (b) =>
      call<{ content: string; featureCount: number }>(b, 'map.exportLayer', { layer, format: 'geojson', ...(incidentId ? { incidentId } : {}) }),
    );
    // Written beside, then renamed: a reader never sees half a file.
    const temp = `${out}.writing`;
    fs.writeFileSync(temp, result.content, { flag: 'wx' });
    fs.renameSync(temp, out);
    io.out(`Wrote ${result.featureCount} ${layer} feature${result.featureCount === 1 ? '' : 's'} to ${out}`);
    return 0;
  },
};
