import { v7 as uuidv7 } from 'uuid';
import type { demoMethods } from '../../../../shared/contract/demo';
import { STANDARD_POSITIONS } from '../../../../shared/domain/positions';
import { conflict } from '../../errors';
import type { HandlersFor } from '../../registry';
import { getCoalition, isConfigured } from '../setup/queries';
import { joiningCoalition } from '../sync/join';
import { standardPositionId } from '../setup/handlers';
import { demoLoadedAt, markDemo } from './queries';

const DEMO_COALITION = { name: 'Pioneer Valley & Berkshires Health Care Coalition (DEMO)', region: 'Region 1 (Western Massachusetts) - demonstration', timeZone: 'America/New_York' };

export const demoHandlers: HandlersFor<keyof typeof demoMethods> = {
  'demo.load': async ({ workstationName }, ctx) => {
    // The demonstration's data and its generator (about a tenth of the backend's code) load
    // on this first use, not at every start of the host.
    const { generateDemo } = await import('./generator');
    if (isConfigured(ctx.db, ctx.services.workstationId) || joiningCoalition(ctx.db)) {
      throw conflict('This workstation is already set up; the demonstration coalition can be loaded only on a new workstation');
    }
    return ctx.write((tx) => {
      const now = tx.now();
      // The same first-run setup as setup.complete, with the demo coalition's identity.
      const coalitionId = getCoalition(ctx.db)?.id ?? uuidv7();
      tx.put('coalition', coalitionId, { name: DEMO_COALITION.name, region: DEMO_COALITION.region, time_zone: DEMO_COALITION.timeZone });
      tx.put('workstations', ctx.services.workstationId, { name: workstationName?.trim() || 'DEMO workstation' });
      for (const p of STANDARD_POSITIONS) {
        tx.put('positions', standardPositionId(p.code), { code: p.code, title: p.title, section: p.section, custom: 0 });
      }
      markDemo(ctx.db, now);
      tx.touched('meta');
      const counts = generateDemo(tx, ctx.db, ctx.services.workstationId, now, DEMO_COALITION.timeZone, ctx.services.dataDir);
      tx.audit('setup.completed', { coalitionName: DEMO_COALITION.name, workstationName: workstationName ?? null, demo: true });
      tx.audit('demo.loaded', { ...counts });
      return { coalition: getCoalition(ctx.db)!, ...counts };
    });
  },
  'demo.status': (_input, { db }) => {
    const loadedAt = demoLoadedAt(db);
    return { demo: loadedAt !== null, loadedAt, coalitionName: loadedAt !== null ? (getCoalition(db)?.name ?? null) : null };
  },
};
