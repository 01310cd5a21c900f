// A backend process that writes as fast as it can and says which writes were acknowledged.
// The parent kills it with SIGKILL at a random moment and checks nothing acknowledged was lost.
import { createBackend } from '../../../electron/backend';

const [dataDir, prefix] = process.argv.slice(2) as [string, string];

async function main() {
  const backend = await createBackend({ dataDir, backupIntervalMs: 0 });
  const call = async (method: string, input: unknown) => {
    const r = await backend.handle({ id: method, method, input });
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.result as Record<string, unknown>;
  };
  const status = await call('setup.status', {});
  if (!status.configured) {
    await call('setup.complete', { coalitionName: 'Soak', region: 'R', timeZone: 'UTC', workstationName: 'W' });
  }
  const { positions } = (await call('position.list', {})) as { positions: { id: string }[] };
  process.stdout.write('READY\n');
  for (let n = 0; ; n++) {
    const name = `${prefix}-${n}`;
    await call('session.signIn', { operatorName: name, positionId: positions[n % positions.length]!.id });
    // Written only after the transaction committed with synchronous=FULL: an acknowledgement.
    process.stdout.write(`ACK ${name}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});
