import fs from 'node:fs';
import path from 'node:path';
import { verifyChains, type ChainProblem } from '../../db/chain';
import { FACT_TABLES } from '../../db/migrations';
import { databaseFile, openDatabase, type Db } from '../../db/open';
import { CliError, stringOption, type CliCommand, type CliIo } from '../command';

/** Only the fact tables this file has: an older file lacks the later ones. */
function tablesIn(db: Db): string[] {
  const present = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
  );
  return [...FACT_TABLES].filter((t) => present.has(t));
}

export function describeProblem(p: ChainProblem): string {
  const link = p.seq === null ? 'not in any chain' : `chain link ${p.seq}`;
  return `FAIL  ${p.table} row ${p.rowId ?? '(unknown)'}  workstation ${p.workstationId}  ${link}: ${p.problem}`;
}

/** Checks the chains of one data file read-only; 0 when intact, 1 otherwise. */
export function verifyFile(file: string, io: CliIo): number {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`No data file at ${file}.`);
  let db: Db;
  try {
    db = openDatabase(file, { readonly: true });
  } catch (e) {
    throw new CliError(`Cannot open ${file} as a console data file: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    const hasChain = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'fact_chain'").get();
    if (!hasChain) throw new CliError(`${file} is not a console data file: it has no fact_chain table.`);
    const tables = tablesIn(db);
    const r = verifyChains(db, tables, 1000);
    for (const p of r.problems) io.out(describeProblem(p));
    const scope = `${r.checkedLinks} chain links from ${r.workstations} workstation(s) over ${tables.length} record tables`;
    if (r.ok) {
      io.out(`OK    ${file}: ${scope}; every record matches its hash.`);
      return 0;
    }
    io.out(`${r.problems.length}${r.problems.length >= 1000 ? '+' : ''} problem(s) in ${file}: ${scope}.`);
    return 1;
  } finally {
    db.close();
  }
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'check the hash chains of a data folder or file, read-only',
  usage: '--data-dir D | FILE',
  help: [
    '  --data-dir D   the console data folder (its eoc.sqlite is checked)',
    '  FILE           or the path of a data file itself, e.g. a backup',
    'Changes nothing. Exit 0 when every record matches its hash, 1 when one does not',
    '(each is named: table, row, workstation, chain link, what is wrong).',
  ].join('\n'),
  options: { 'data-dir': { type: 'string' } },
  positionals: { min: 0, max: 1, names: 'one data file' },
  run(args, io) {
    const dir = stringOption(args, 'data-dir');
    const file = args.positionals[0];
    if ((dir === undefined) === (file === undefined))
      throw new CliError('Give either --data-dir D or the path of a data file.');
    return Promise.resolve(verifyFile(file ?? databaseFile(path.resolve(dir!)), io));
  },
};
