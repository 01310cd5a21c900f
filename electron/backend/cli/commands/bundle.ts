import fs from 'node:fs';
import path from 'node:path';
import { BundleError, exportBundle, importBundle, openBundle } from '../../domains/sync/bundle';
import type { Vector } from '../../domains/sync/vector';
import { CliError, dataDirOption, stringOption, withBackend, type CliCommand } from '../command';

/** A point to export from: a previous bundle (what it covered) or a vector as JSON. */
function sincePoint(file: string | undefined): Vector {
  if (!file) return {};
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new CliError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (file.endsWith('.eocbundle')) {
    try {
      return openBundle(bytes).manifest.range.to;
    } catch (e) {
      throw new CliError(`--since ${file}: ${(e as Error).message}`);
    }
  }
  try {
    return JSON.parse(bytes.toString('utf8')) as Vector;
  } catch {
    throw new CliError(`--since ${file} is neither a bundle nor a vector (JSON)`);
  }
}

export const bundleExportCommand: CliCommand = {
  name: 'bundle export',
  summary: 'write a signed .eocbundle of this workstation’s records, to carry across an air gap',
  usage: '--data-dir D --out FILE [--since BUNDLE]',
  help: [
    '  --data-dir D      the console data folder (holding eoc.sqlite)',
    '  --out FILE        the bundle to write (.eocbundle); an existing file is not overwritten',
    '  --since BUNDLE    only what came after an earlier bundle (the range it covered)',
    'Writes one file, signed with this workstation’s key; changes nothing in the data folder.',
  ].join('\n'),
  options: { ...dataDirOption, out: { type: 'string' }, since: { type: 'string' } },
  async run(args, io) {
    const dataDir = stringOption(args, 'data-dir', true);
    const out = stringOption(args, 'out', true);
    if (fs.existsSync(out)) throw new CliError(`${out} already exists; choose another name`);
    const since = sincePoint(stringOption(args, 'since'));
    const { bytes, manifest } = await withBackend(dataDir, async (b) => {
      try {
        return exportBundle(b.sync, since, Date.now());
      } catch (e) {
        throw new CliError((e as Error).message);
      }
    });
    const tmp = path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}.partial`);
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, out);
    io.out(`Wrote ${out}: ${manifest.counts.facts} record(s) and ${manifest.counts.changes} change(s) from ${manifest.senderName ?? manifest.sender}, key ${manifest.fingerprint}`);
    return 0;
  },
};

export const bundleImportCommand: CliCommand = {
  name: 'bundle import',
  summary: 'check a signed .eocbundle and apply it (nothing is written if any of it is bad)',
  usage: '--data-dir D FILE',
  help: [
    '  --data-dir D   the console data folder (holding eoc.sqlite)',
    '  FILE           the .eocbundle to import',
    'Shows who signed it and their key fingerprint, checks every part, then applies them in order.',
    'Importing the same bundle twice changes nothing. Exit 1, nothing written, on a bad bundle.',
  ].join('\n'),
  options: { ...dataDirOption },
  positionals: { min: 1, max: 1, names: 'one bundle file' },
  async run(args, io) {
    const dataDir = stringOption(args, 'data-dir', true);
    const file = args.positionals[0]!;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      throw new CliError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    let opened;
    try {
      opened = openBundle(bytes);
    } catch (e) {
      throw new CliError(`${file}: ${(e as Error).message}. Nothing was written.`);
    }
    const m = opened.manifest;
    io.out(`Bundle from ${m.senderName ?? m.sender}, key fingerprint ${m.fingerprint}`);
    io.out(`Coalition ${m.coalitionName ?? m.coalitionId}; ${m.counts.facts} record(s), ${m.counts.changes} change(s), made ${new Date(m.createdAt).toISOString().replace('T', ' ').slice(0, 16)} UTC`);
    const results = await withBackend(dataDir, async (b) => {
      try {
        return importBundle(b.sync, opened, (done, total) => io.out(`  applied ${done} of ${total} part(s)`));
      } catch (e) {
        if (e instanceof BundleError) throw new CliError(`${e.message}. Nothing was written.`);
        throw e;
      }
    });
    const facts = results.reduce((n, r) => n + r.facts, 0);
    const changes = results.reduce((n, r) => n + r.changes, 0);
    const held = results.filter((r) => r.status === 'held');
    io.out(`Imported: ${facts} new record(s), ${changes} new change(s)${facts + changes === 0 ? ' (all of it was already here)' : ''}.`);
    if (held.length) io.out(`${held.length} part(s) wait for records not yet here: ${held[0]!.message}`);
    return 0;
  },
};
