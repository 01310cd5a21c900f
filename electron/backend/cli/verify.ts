// npm run verify -- <file>: checks the hash chains of a console data file without
// changing a byte of it. Exit 0 when intact, 1 when a record fails, 2 on a usage error.
import fs from 'node:fs';
import { verifyChains, type ChainProblem } from '../db/chain';
import { FACT_TABLES } from '../db/migrations';
import { openDatabase, type Db } from '../db/open';

const USAGE = 'Usage: npm run verify -- <path to the data file, e.g. eoc.sqlite>';

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

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

function main(argv: string[]): number {
  const args = argv.filter((a) => a !== '--');
  if (args.length !== 1 || args[0] === '-h' || args[0] === '--help') fail(USAGE, 2);
  const file = args[0]!;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) fail(`No data file at ${file}.\n${USAGE}`, 2);
  let db: Db;
  try {
    db = openDatabase(file, { readonly: true });
  } catch (e) {
    return fail(`Cannot open ${file} as a console data file: ${e instanceof Error ? e.message : String(e)}`, 2);
  }
  try {
    const hasChain = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'fact_chain'").get();
    if (!hasChain) fail(`${file} is not a console data file: it has no fact_chain table.`, 2);
    const tables = tablesIn(db);
    const r = verifyChains(db, tables, 1000);
    for (const p of r.problems) console.log(describeProblem(p));
    const scope = `${r.checkedLinks} chain links from ${r.workstations} workstation(s) over ${tables.length} record tables`;
    if (r.ok) {
      console.log(`OK    ${file}: ${scope}; every record matches its hash.`);
      return 0;
    }
    console.log(`${r.problems.length}${r.problems.length >= 1000 ? '+' : ''} problem(s) in ${file}: ${scope}.`);
    return 1;
  } finally {
    db.close();
  }
}

process.exitCode = main(process.argv.slice(2));
