// A console backend that writes across domains as fast as it can and says, line by line,
// which writes were acknowledged. The soak kills it with SIGKILL at a random moment (in
// its start-up migration, mid-write, mid-backup, mid-restore) and checks that nothing
// acknowledged was lost. It loads, then waits for "GO <dataDir> <prefix> <mode>" on stdin,
// so the soak can start the next one loading while the current one runs.
// Lines: OPENING, READY, ACK <kind> <key>, RESTORING <file>, RESTORED <file>.
import { createInterface } from 'node:readline';
import { createBackend } from '../../../electron/backend';

const say = (line: string) => process.stdout.write(`${line}\n`);

function go(): Promise<[string, string, 'write' | 'restore']> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin });
    rl.once('line', (line) => {
      rl.close();
      resolve(line.split(' ').slice(1) as [string, string, 'write' | 'restore']);
    });
  });
}

type Result = Record<string, unknown>;

async function main() {
  const [dataDir, prefix, mode] = await go();
  say('OPENING');
  // Scheduled backups run often, so kills land in them too.
  const backend = await createBackend({ dataDir, backupIntervalMs: 150 });
  const call = async (method: string, input: unknown = {}): Promise<Result> => {
    const r = await backend.handle({ id: method, method, input });
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.result as Result;
  };

  const fixtures = async () => {
    if (!((await call('setup.status')) as { configured: boolean }).configured) {
      await call('setup.complete', { coalitionName: 'Soak', region: 'R', timeZone: 'UTC', workstationName: 'W' });
    }
    const { positions } = (await call('position.list')) as { positions: { id: string; code: string }[] };
    await call('session.signIn', { operatorName: 'Soak Operator', positionId: positions.find((p) => p.code === 'HCCDO')!.id });
    const open = (await call('incident.list', { status: 'open' })) as { incidents: { id: string; name: string }[] };
    let incidentId = open.incidents.find((i) => i.name === 'Soak incident')?.id;
    if (!incidentId) {
      const { levels } = (await call('incident.levels')) as { levels: { id: string }[] };
      incidentId = ((await call('incident.create', { name: 'Soak incident', exercise: true, activationLevelId: levels[0]!.id })) as { incident: { id: string } })
        .incident.id;
    }
    const orgs = (await call('directory.list', { search: 'Soak Hospital' })) as { organisations: { id: string }[] };
    const orgId =
      orgs.organisations[0]?.id ??
      ((await call('directory.saveOrganisation', { name: 'Soak Hospital', discipline: 'hospital', membership: 'core', town: 'Springfield', zip: '01103' })) as {
        organisation: { id: string };
      }).organisation.id;
    const items = (await call('inventory.list', { search: 'Soak cots' })) as { items: { id: string }[] };
    const itemId =
      items.items[0]?.id ??
      (
        (await call('inventory.save', {
          category: 'Medical and Public Health',
          resourceClass: 'supplies',
          kind: 'Cot',
          name: 'Soak cots',
          unit: 'each',
          location: 'Warehouse A',
          ownerOrganisationId: orgId,
          status: 'available',
          heldQuantity: 1,
        })) as { item: { id: string } }
      ).item.id;
    return { incidentId, orgId, itemId };
  };

  let f = await fixtures();
  say('READY');
  // Written only after each transaction committed with synchronous=FULL: an acknowledgement.
  for (let n = 0; ; n++) {
    const key = `${prefix}-${n}`;
    if (mode === 'restore' && n === 12) {
      const { backups } = (await call('backup.list')) as { backups: { file: string; verified: boolean }[] };
      const newest = backups.find((b) => b.verified);
      if (newest) {
        say(`RESTORING ${newest.file}`);
        await call('backup.restore', { file: newest.file });
        say(`RESTORED ${newest.file}`);
        f = await fixtures(); // the backup may predate a fixture
      }
    }
    switch (n % 4) {
      case 0:
        await call('log.append', { incidentId: f.incidentId, category: 'Soak', text: key });
        say(`ACK log ${key}`);
        break;
      case 1:
        await call('decision.record', { incidentId: f.incidentId, title: key, decision: 'Proceed', rationale: 'Soak', authority: 'HCC plan' });
        say(`ACK decision ${key}`);
        break;
      case 2: {
        const { request } = (await call('request.create', {
          incidentId: f.incidentId,
          requestingOrganisationId: f.orgId,
          requestedByName: 'Soak Requester',
          requestedByPosition: 'Charge nurse',
          priority: 'routine',
          deliveryLocation: 'Dock',
          lines: [{ quantity: 1, kind: 'Cot', description: key }],
        })) as { request: { id: string } };
        await call('request.transition', { action: 'submit', id: request.id });
        say(`ACK submit ${request.id}`);
        break;
      }
      case 3: {
        const value = 1000 + n;
        await call('inventory.count', { id: f.itemId, heldQuantity: value });
        say(`ACK count ${f.itemId} ${value}`);
        break;
      }
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
