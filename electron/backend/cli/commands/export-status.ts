import fs from 'node:fs';
import path from 'node:path';
import type { Backend } from '../../backend';
import type { ExportResult, Position, Session } from '../../../../shared/contract';
import { call, CliError, dataDirOption, stringOption, withBackend, type CliCommand, type CliIo } from '../command';

/** The name the audit trail shows for an export made from the command line with nobody on duty. */
export const CLI_OPERATOR = 'Admin command line';

/**
 * Exports are audited, so they run signed in: as the operator on duty at this workstation
 * when there is one, else as the command line at the duty officer's position, signed out
 * again afterwards (both recorded in the audit trail like any sign-in).
 */
async function signedIn<T>(b: Backend, fn: () => Promise<T>): Promise<T> {
  const { session } = await call<{ session: Session | null }>(b, 'session.current', {});
  if (session) return fn();
  const { positions } = await call<{ positions: Position[] }>(b, 'position.list', {});
  const duty = positions.find((p) => p.code === 'HCCDO') ?? positions[0];
  if (!duty) throw new CliError('This data folder has no positions: set the console up first');
  await call(b, 'session.signIn', { operatorName: CLI_OPERATOR, positionId: duty.id });
  try {
    return await fn();
  } finally {
    await call(b, 'session.signOut', {});
  }
}

/** Writes the file and its SHA-256 manifest beside it; never over a directory. */
function writeExport(out: string, r: ExportResult, io: CliIo): void {
  const file = path.resolve(out);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new CliError(`${file} is a folder: give the path of the file to write`);
  if (!fs.existsSync(path.dirname(file))) throw new CliError(`The folder ${path.dirname(file)} does not exist`);
  fs.writeFileSync(file, Buffer.from(r.base64, 'base64'));
  fs.writeFileSync(`${file}.manifest.json`, r.manifestText);
  io.out(`Wrote ${file} (${r.manifest.bytes.toLocaleString('en-US')} bytes, SHA-256 ${r.manifest.sha256})${r.manifest.exercise ? ', marked EXERCISE' : ''}, and its manifest beside it.`);
}

export const exportHaveCommand: CliCommand = {
  name: 'export have',
  summary: 'write the current hospital status as EDXL-HAVE 1.0 in an EDXL-DE envelope',
  usage: '--data-dir D --out FILE',
  help: [
    '  --data-dir D   the console data folder (holding eoc.sqlite)',
    '  --out FILE     the XML file to write; FILE.manifest.json (its SHA-256) is written beside it',
    'Every hospital that has reported is included; an exercise says Exercise, the demo Test (and DEMO DATA in words).',
    `The export is recorded in the audit trail (as the operator on duty here, or as "${CLI_OPERATOR}").`,
  ].join('\n'),
  options: { ...dataDirOption, out: { type: 'string' } },
  async run(args, io) {
    const dataDir = stringOption(args, 'data-dir', true);
    const out = stringOption(args, 'out', true);
    const r = await withBackend(dataDir, (b) => signedIn(b, () => call<ExportResult & { hospitals: number }>(b, 'status.exportHave', {})));
    writeExport(out, r, io);
    io.out(`${r.hospitals} hospitals.`);
    return 0;
  },
};

interface SitrepList {
  sitreps: { id: string; periodNumber: number; latestVersion: number | null }[];
}

export const exportSitrepCommand: CliCommand = {
  name: 'export sitrep',
  summary: 'write an approved situation report of an incident as PDF or DOCX',
  usage: '--data-dir D --incident ID --format pdf|docx --out FILE [--period N]',
  help: [
    '  --data-dir D    the console data folder (holding eoc.sqlite)',
    '  --incident ID   the incident (npm run cli -- incidents lists them)',
    '  --format F      pdf or docx',
    '  --out FILE      the file to write; FILE.manifest.json (its SHA-256) is written beside it',
    '  --period N      the operational period (default: the latest with an approved report)',
    'Prints the latest approved version; a draft is never printed. Recorded in the audit trail.',
  ].join('\n'),
  options: { ...dataDirOption, incident: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, period: { type: 'string' } },
  async run(args, io) {
    const dataDir = stringOption(args, 'data-dir', true);
    const incidentId = stringOption(args, 'incident', true);
    const format = stringOption(args, 'format', true);
    const out = stringOption(args, 'out', true);
    const periodArg = stringOption(args, 'period');
    if (format !== 'pdf' && format !== 'docx') throw new CliError(`--format must be pdf or docx, not "${format}"`);
    const period = periodArg === undefined ? null : Number(periodArg);
    if (period !== null && (!Number.isInteger(period) || period < 1)) throw new CliError(`--period must be a period number such as 1, not "${periodArg}"`);
    const r = await withBackend(dataDir, (b) =>
      signedIn(b, async () => {
        const { sitreps } = await call<SitrepList>(b, 'sitrep.list', { incidentId });
        const approved = sitreps.filter((s) => s.latestVersion !== null && (period === null || s.periodNumber === period)).sort((a, x) => x.periodNumber - a.periodNumber);
        const pick = approved[0];
        if (!pick) throw new CliError(period === null ? 'This incident has no approved situation report yet: approve one in the console first' : `Period ${period} has no approved situation report`);
        const { sitrep } = await call<{ sitrep: { versions: { id: string }[] } }>(b, 'sitrep.get', { id: pick.id });
        return call<ExportResult>(b, 'sitrep.export', { versionId: sitrep.versions.at(-1)!.id, format });
      }),
    );
    writeExport(out, r, io);
    return 0;
  },
};
