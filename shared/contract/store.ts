import { z } from 'zod';
import { empty, read, text, write, lazySchema } from './define';

/** Why the data file was not opened as the store (see electron/backend/db/recognise.ts). */
export const STORE_PROBLEM_KINDS = ['damaged', 'foreign', 'empty', 'half-migrated', 'read-only', 'missing'] as const;
export type StoreProblemKind = (typeof STORE_PROBLEM_KINDS)[number];

const restored = lazySchema(() => z.object({ restoredFrom: z.string(), keptAside: z.string() }));

export const storeMethods = {
  /** Where the data lives and, in restore mode, what is wrong with the file. */
  'store.status': read(
    () => empty,
    () => z.object({
      problem: z.object({ kind: z.enum(STORE_PROBLEM_KINDS), message: z.string() }).nullable(),
      dataDir: z.string(),
      databaseFile: z.string(),
      backupDir: z.string(),
      asideDir: z.string(),
    }),
    { public: true, reads: ['backups'] },
  ),
  /**
   * Restores from a file the operator names (another folder's store, a copy on removable
   * media, a file kept aside): checked and copied into the backups first, then restored.
   */
  'store.restoreFile': write(() => z.object({ path: text('File path', 1000) }).strict(), () => restored, { public: true }),
  /**
   * Restore mode only: moves the damaged or foreign file aside (never erased) and opens a
   * new, empty store, for when no backup can be restored.
   */
  'store.startFresh': write(
    () => z.object({ confirm: z.literal(true, { error: 'Confirm that the current file is to be kept aside and a new store started' }) }).strict(),
    () => z.object({ keptAside: z.string().nullable() }),
    { public: true },
  ),
} as const;
