import { parseArgs } from 'node:util';
import { joinHub, startHub } from './server';

const HELP = `Regional hub: relays signed batches between the workstations of a coalition over PostgreSQL.

  npm run hub -- --database postgres://USER@HOST/DB --join CODE
      let the hub serve a coalition (a join code issued on any member's Sync screen)
  npm run hub -- --database postgres://USER@HOST/DB [--port 4791] [--host 0.0.0.0] [--name NAME]
      serve workstations; run as many processes as you like over one database

Workstations add the hub like any peer: type HOST:PORT on their Sync screen.`;

/** The hub's command line; returns the exit code (0 ok, 1 error). */
export async function main(argv: string[]): Promise<number> {
  let a;
  try {
    a = parseArgs({
      args: argv,
      options: {
        database: { type: 'string' },
        port: { type: 'string', default: '4791' },
        host: { type: 'string', default: '0.0.0.0' },
        name: { type: 'string', default: 'Regional hub' },
        join: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n\n${HELP}`);
    return 1;
  }
  if (a.help) {
    console.log(HELP);
    return 0;
  }
  const database = a.database ?? process.env.EOC_HUB_DATABASE;
  if (!database) {
    console.error(`Say which PostgreSQL database the hub keeps its store in: --database postgres://...\n\n${HELP}`);
    return 1;
  }
  const port = Number(a.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number, not "${a.port}"`);
    return 1;
  }
  try {
    if (a.join) {
      const j = await joinHub(database, a.join);
      console.log(`The hub now serves ${j.coalitionName} (invited by workstation ${j.issuer}).`);
      return 0;
    }
    const hub = await startHub({ database, port, host: a.host, name: a.name });
    console.log(`Hub listening on ${a.host}:${hub.port} (key fingerprint ${hub.identity.fingerprint})`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await hub.close();
    return 0;
  } catch (e) {
    console.error(`The hub could not start: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

const isMain = process.argv[1] && /hub[\\/]main\.[tj]s$/.test(process.argv[1]);
if (isMain) void main(process.argv.slice(2)).then((code) => process.exit(code));
