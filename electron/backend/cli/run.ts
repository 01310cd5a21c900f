import { CliError, parseCommandArgs, type CliCommand, type CliIo } from './command';
import { commands } from './commands';

const PROGRAM = 'npm run cli --';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `${PROGRAM} <command> --help tells each command's options. Exit 0 on success, 1 on any failure.`,
  ].join('\n');
}

export function commandHelp(c: CliCommand): string {
  return [`Usage: ${PROGRAM} ${c.name} ${c.usage}`, '', c.summary, '', c.help].join('\n');
}

/** The longest command name the words start with: `export have` before `export`. */
function find(words: readonly string[]): { cmd: CliCommand; rest: string[] } | null {
  let best: CliCommand | null = null;
  for (const c of commands) {
    const parts = c.name.split(' ');
    if (parts.every((p, i) => words[i] === p) && (!best || parts.length > best.name.split(' ').length)) best = c;
  }
  return best ? { cmd: best, rest: words.slice(best.name.split(' ').length) } : null;
}

/** Runs one command line; never throws, returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const words = argv[0] === '--' ? argv.slice(1) : [...argv];
  if (!words.length || ['help', '--help', '-h'].includes(words[0]!)) {
    const topic = words[0] === 'help' && words.length > 1 ? find(words.slice(1)) : null;
    io.out(topic ? commandHelp(topic.cmd) : overview());
    return 0;
  }
  const found = find(words);
  if (!found) {
    const group = commands.filter((c) => c.name.startsWith(`${words[0]} `)).map((c) => c.name);
    io.err(
      group.length
        ? `${words.join(' ')}: say which: ${group.join(', ')}.`
        : `Unknown command "${words[0]}". ${PROGRAM} help lists the commands.`,
    );
    return 1;
  }
  const { cmd, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(cmd));
    return 0;
  }
  try {
    return await cmd.run(parseCommandArgs(cmd, rest), io);
  } catch (e) {
    io.err(e instanceof CliError ? e.message : `${cmd.name} failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
