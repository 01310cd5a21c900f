import fs from 'node:fs';
import path from 'node:path';
import { backupDir } from '../../db/backups';
import { databaseFile, openDatabase, type Db } from '../../db/open';
import type { IntegrityProblem } from '../../integrity/problem';
import { verifyStore } from '../../integrity/verify';
import { parseWitnessLine, readWitnessFile, type Witness } from '../../integrity/witnesses';
import { CliError, listOption, stringOption, type CliCommand, type CliIo } from '../command';

export function describeProblem(p: IntegrityProblem): string {
  return `FAIL  [${p.kind}] ${p.problem}${p.workstationId ? `  (workstation ${p.workstationId})` : ''}`;
}

/** The sidecars of the backups in a data folder: each holds the heads signed when it was taken. */
function backupWitnesses(dataDir: string): Witness[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const out: Witness[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.sqlite.json')).sort()) {
    try {
      out.push(...readWitnessFile(path.join(dir, f)));
    } catch {
      // A sidecar from before signed heads existed holds none: nothing to witness.
    }
  }
  return out;
}

/** Checks one data file read-only against the witnesses given; 0 when intact, 1 otherwise. */
export function verifyFile(file: string, witnesses: readonly Witness[], io: CliIo): number {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`No data file at ${file}.`);
  let db: Db;
  try {
    db = openDatabase(file, { readonly: true });
  } catch (e) {
    throw new CliError(`Cannot open ${file} as a console data file: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    const hasChain = db.prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = 'fact_chain'").get();
    if (!hasChain) throw new CliError(`${file} is not a console data file: it has no fact_chain table.`);
    const r = verifyStore(db, { witnesses, maxProblems: 1000 });
    for (const p of r.problems) io.out(describeProblem(p));
    for (const n of r.notes) io.out(`NOTE  ${n}`);
    const scope = `${r.checkedLinks} chain links from ${r.workstations} workstation(s), against ${witnesses.length} witness(es)`;
    if (r.ok) {
      const head = r.vouched ? `; vouched for up to link ${r.vouched.seq} by the workstation's signed head` : '';
      io.out(`OK    ${file}: ${scope}; every record matches its hash${head}.`);
      return 0;
    }
    const n = r.problems.length + r.moreProblems;
    io.out(`${n} problem(s) in ${file}: ${scope}.`);
    return 1;
  } finally {
    db.close();
  }
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'check the records of a data folder or file against its chains, signed heads and witnesses, read-only',
  usage: '--data-dir D | FILE  [--anchor FILE]... [--head "LINE"]...',
  help: [
    '  --data-dir D     the console data folder (its eoc.sqlite is checked; the signed heads',
    '                   recorded beside its backups are used as witnesses)',
    '  FILE             or the path of a data file itself, e.g. a backup',
    '  --anchor FILE    an anchor file (npm run cli -- anchor) or a backup record (*.sqlite.json);',
    '                   may be given several times',
    '  --head "LINE"    a chain head read back from a printed footer, e.g.',
    '                   "Chain head 1234 · A1B2 C3D4 E5F6 0718 · key 3F2A 91C0 7D4E 2B18 A6F0 11CD"',
    'Changes nothing. Exit 0 when every record matches its chain, every signed head and every',
    'witness; 1 otherwise, each problem named: the record, or the missing or rewritten links',
    'and between which records, a cut-off tail, a key other than the enrolled one.',
  ].join('\n'),
  options: { 'data-dir': { type: 'string' }, anchor: { type: 'string', multiple: true }, head: { type: 'string', multiple: true } },
  positionals: { min: 0, max: 1, names: 'one data file' },
  run(args, io) {
    const dir = stringOption(args, 'data-dir');
    const file = args.positionals[0];
    if ((dir === undefined) === (file === undefined)) throw new CliError('Give either --data-dir D or the path of a data file.');
    const witnesses: Witness[] = [];
    for (const a of listOption(args, 'anchor')) {
      try {
        witnesses.push(...readWitnessFile(a));
      } catch (e) {
        throw new CliError(e instanceof Error ? e.message : String(e));
      }
    }
    for (const h of listOption(args, 'head')) {
      try {
        witnesses.push(parseWitnessLine(h));
      } catch (e) {
        throw new CliError(e instanceof Error ? e.message : String(e));
      }
    }
    if (dir !== undefined) witnesses.push(...backupWitnesses(path.resolve(dir)));
    return Promise.resolve(verifyFile(file ?? databaseFile(path.resolve(dir!)), witnesses, io));
  },
};
