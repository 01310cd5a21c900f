// Opens a data folder as an unprivileged user would and reports what the console says:
// run by read-only.test.ts without permission-overriding capabilities when the tests run as root.
import { createBackend } from '../../../electron/backend';

const dataDir = process.argv[2]!;
const backend = await createBackend({ dataDir, backupIntervalMs: 0 });
const call = (method: string, input: unknown = {}) => backend.handle({ id: method, method, input });
const status = await call('store.status');
const started = Date.now();
const backup = await call('backup.create');
const backupMs = Date.now() - started;
await backend.close();
process.stdout.write(JSON.stringify({ status, backup, backupMs }));
