// A console backend that saves three log entries, each acknowledged only once committed,
// and then idles with their chain head not yet signed (its signing interval is an hour):
// the signing test kills it with SIGKILL there, between the commits and the signature.
import { createBackend } from '../../../electron/backend';

const dataDir = process.argv[2]!;
const backend = await createBackend({ dataDir, backupIntervalMs: 0, integrityCheckMs: 0, signAfterMs: 3_600_000 });
const call = async (method: string, input: unknown = {}) => {
  const r = await backend.handle({ id: method, method, input });
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.result as unknown;
};
await call('setup.complete', { coalitionName: 'Crash', region: 'R', timeZone: 'UTC', workstationName: 'W' });
const { positions } = (await call('position.list')) as { positions: { id: string; code: string }[] };
await call('session.signIn', { operatorName: 'Dana Duty', positionId: positions.find((p) => p.code === 'HCCDO')!.id });
const { levels } = (await call('incident.levels')) as { levels: { id: string }[] };
const { incident } = (await call('incident.create', { name: 'Crash incident', exercise: true, activationLevelId: levels[0]!.id })) as { incident: { id: string } };
for (let i = 1; i <= 3; i++) await call('log.append', { incidentId: incident.id, category: 'Situation', text: `Entry ${i}` });
process.stdout.write('ACK 3\n');
setInterval(() => {}, 60_000);
