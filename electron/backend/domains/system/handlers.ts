import type { systemMethods } from '../../../../shared/contract/system';
import { invalid, notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { listWorkstations, recentAudit } from './queries';

export const systemHandlers: HandlersFor<keyof typeof systemMethods> = {
  'system.ping': (_input, { services }) => ({ now: services.now() }),
  'system.info': (_input, { services }) => ({
    appVersion: services.appVersion,
    schemaVersion: services.schemaVersion(),
    workstationId: services.workstationId,
    dataDir: services.dataDir,
    databaseFile: services.databaseFile,
    startedAt: services.startedAt,
    degraded: services.degraded,
    identity: {
      publicKey: services.identity.publicKey,
      fingerprint: services.identity.fingerprint,
      protection: services.identity.protection,
    },
  }),
  'system.workstations': (_input, { db }) => ({ workstations: listWorkstations(db) }),
  'backup.list': (_input, { services }) => ({ backups: services.listBackups() }),
  'backup.create': async (_input, { services }) => services.backup('manual'),
  'backup.restore': async ({ file }, { services }) => {
    const chosen = services.listBackups().find((b) => b.file === file);
    if (!chosen) throw notFound(`Backup ${file}`);
    if (!chosen.verified) throw invalid(`Backup ${file} failed its verification and cannot be restored; choose another`);
    return services.restore(file);
  },
  'audit.recent': ({ limit }, { db }) => ({ entries: recentAudit(db, limit) }),
};
