import path from 'node:path';
import type { storeMethods } from '../../../../shared/contract/store';
import { ASIDE_DIR, backupDir } from '../../db/backups';
import { AppError, forbidden } from '../../errors';
import type { HandlersFor } from '../../registry';

export const storeHandlers: HandlersFor<keyof typeof storeMethods> = {
  'store.status': (_input, { services }) => ({
    problem: services.storeProblem,
    dataDir: services.dataDir,
    databaseFile: services.databaseFile,
    backupDir: backupDir(services.dataDir),
    asideDir: path.join(services.dataDir, ASIDE_DIR),
  }),
  'store.restoreFile': async ({ path: file }, { services, signedIn }) => {
    // Public so that restore mode (no one can sign in) has a way forward; a sound store
    // is replaced only by an operator on duty.
    if (!services.storeProblem && !signedIn) throw forbidden('Sign in with your name and position before restoring a file');
    return services.restoreFile(file);
  },
  'store.startFresh': async (_input, { services }) => {
    const problem = services.storeProblem;
    if (!problem) throw new AppError('conflict', 'The data file is sound: starting fresh is offered only when it cannot be opened');
    if (problem.kind === 'read-only') throw new AppError('unavailable', `${problem.message} A new store cannot be started there either.`);
    return services.startFresh();
  },
};
