// npm run verify -- <file>: the same check as `npm run cli -- verify <file>`, kept for the
// README's older command. Exit 0 when intact, 1 when a record fails or the file is unusable.
import { runCli } from './run';

runCli(['verify', ...process.argv.slice(2).filter((a) => a !== '--')], {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
}).then((code) => {
  process.exitCode = code;
});
