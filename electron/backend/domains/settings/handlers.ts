import type { settingsMethods } from '../../../../shared/contract/settings';
import { invalid } from '../../errors';
import type { HandlersFor } from '../../registry';
import { positionByCode } from '../session/queries';
import { readSettings, requireSettingsRole } from './queries';

export const settingsHandlers: HandlersFor<keyof typeof settingsMethods> = {
  'settings.get': (_i, { db, services }) => readSettings(db, services.workstationId),
  'settings.update': (input, ctx) =>
    ctx.write((tx) => {
      requireSettingsRole(ctx.db, ctx.services.workstationId);
      if (input.settingsPositionCodes) {
        const unknown = input.settingsPositionCodes.filter((c) => !positionByCode(ctx.db, c));
        if (unknown.length) throw invalid(`No position has the code ${unknown.join(', ')}`);
        tx.put('console_settings', 'settingsPositionCodes', { value: JSON.stringify(input.settingsPositionCodes) });
      }
      if (input.idleLockMinutes !== undefined) tx.put('console_settings', 'idleLockMinutes', { value: JSON.stringify(input.idleLockMinutes) });
      tx.audit('settings.changed', { ...input });
      return readSettings(ctx.db, ctx.services.workstationId);
    }),
};
