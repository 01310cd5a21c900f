import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import type { setupMethods } from '../../../../shared/contract/setup';
import { STANDARD_POSITIONS } from '../../../../shared/domain/positions';
import { conflict, invalid } from '../../errors';
import type { HandlersFor } from '../../registry';
import { joiningCoalition } from '../sync/join';
import { getCoalition, getWorkstation, isConfigured } from './queries';

/** Standard positions get the same id on every workstation, so sync never doubles them. */
const POSITION_NAMESPACE = '6f1b7c1e-6d1a-4c55-9f55-4f6f2d0c9e10';
export const standardPositionId = (code: string) => uuidv5(`position:${code}`, POSITION_NAMESPACE);

function assertTimeZone(tz: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    throw invalid(`Time zone "${tz}" is not a known zone; use a name such as America/New_York`, {
      issues: [{ path: ['timeZone'], message: 'Unknown time zone' }],
    });
  }
}

export const setupHandlers: HandlersFor<keyof typeof setupMethods> = {
  'setup.status': (_input, { db, services }) => ({
    configured: isConfigured(db, services.workstationId),
    coalition: getCoalition(db),
    workstation: getWorkstation(db, services.workstationId),
  }),
  'setup.complete': (input, ctx) => {
    assertTimeZone(input.timeZone);
    return ctx.write((tx) => {
      if (isConfigured(ctx.db, ctx.services.workstationId)) {
        throw conflict('This workstation is already set up; change its settings instead');
      }
      // A workstation that joined a coalition gets its records from it; it never makes its own.
      if (joiningCoalition(ctx.db) && !getCoalition(ctx.db)) {
        throw conflict('This workstation has joined a coalition and is waiting for its records; it cannot set up another one');
      }
      const existing = getCoalition(ctx.db);
      const coalitionId = existing?.id ?? uuidv7();
      tx.put('coalition', coalitionId, { name: input.coalitionName, region: input.region, time_zone: input.timeZone, ...(existing ? {} : { founder_id: ctx.services.workstationId }) });
      // The first workstation of a coalition is WS1; others get theirs when they enrol.
      tx.put('workstations', ctx.services.workstationId, { name: input.workstationName, short_code: 'WS1' });
      for (const p of STANDARD_POSITIONS) {
        tx.put('positions', standardPositionId(p.code), { code: p.code, title: p.title, section: p.section, custom: 0 });
      }
      tx.audit('setup.completed', { coalitionName: input.coalitionName, workstationName: input.workstationName });
      return { coalition: getCoalition(ctx.db)! };
    });
  },
};
