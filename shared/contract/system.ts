import { z } from 'zod';
import { cleanString, empty, epochMs, read, write, lazySchema } from './define';

export const backupInfo = lazySchema(() => z.object({
  file: z.string(),
  createdAt: epochMs(),
  bytes: z.number().int(),
  verified: z.boolean(),
  reason: z.string(),
}));
export type BackupInfo = z.infer<typeof backupInfo>;

export const systemMethods = {
  /** A trivial read: the round trip the benchmark measures. */
  'system.ping': read(() => empty, () => z.object({ now: epochMs() }), { public: true, reads: [] }),
  'system.info': read(
    () => empty,
    () => z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      workstationId: z.string(),
      dataDir: z.string(),
      databaseFile: z.string(),
      startedAt: epochMs(),
      /** Set when the store failed its start-up check and is open read-only for restore. */
      degraded: z.string().nullable(),
      /** This workstation's signing key (Ed25519): what peers and witnesses know it by. */
      identity: z.object({
        publicKey: z.string(),
        fingerprint: z.string(),
        /** In words: what protects the private key at rest. */
        protection: z.string(),
      }),
    }),
    { public: true, reads: [] },
  ),
  /** Every workstation this store has heard of, by name: records say where they were made. */
  'system.workstations': read(() => empty, () => z.object({ workstations: z.array(z.object({ id: z.string(), name: z.string().nullable() })) }), {
    public: true,
    reads: ['workstations'],
  }),
  'backup.list': read(() => empty, () => z.object({ backups: z.array(backupInfo) }), { public: true, reads: ['backups'] }),
  'backup.create': write(() => empty, () => backupInfo),
  /**
   * Restore is staged: the chosen verified backup replaces the store at the next start,
   * after the current file is kept aside. Nothing is ever erased.
   */
  'backup.restore': write(
    () => z.object({ file: cleanString('Backup file').min(1, { error: 'Choose a backup' }).max(300, { error: 'Backup file must be at most 300 characters' }) }).strict(),
    () => z.object({ restoredFrom: z.string(), keptAside: z.string() }),
    { public: true },
  ),
  'audit.recent': read(
    () => z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    () => z.object({
      entries: z.array(
        z.object({
          id: z.string(),
          action: z.string(),
          detail: z.record(z.string(), z.unknown()),
          operatorName: z.string().nullable(),
          positionTitle: z.string().nullable(),
          workstationId: z.string(),
          recordedAt: epochMs(),
        }),
      ),
    }),
    { reads: ['audit_entries'] },
  ),
} as const;
