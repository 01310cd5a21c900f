import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUEST_BACKFILL } from '../../../electron/backend/db/migrations/010-ux';
import { asBeforeLean } from '../db/before-lean';
import { openBackend } from '../helpers/backend';
import { incidentFixture } from '../incident/fixtures';
import { makeOrg, requestInput, step } from '../request/fixtures';

describe('the timeline of an activation', () => {
  it('shows every step of a resource request and every staffing change, in words, and finds them by search', async () => {
    const { t, incident, period, positions } = await incidentFixture();
    const org = await makeOrg(t, 'Hilltop Care Center');
    const { request } = await t.call('request.create', requestInput(incident.id, org));
    await step(t, 'HCCDO', { action: 'submit', id: request.id });
    await t.call('incident.staff', { periodId: period.id, positionId: positions.get('SITL')!.id, holderName: 'Sam Situation' });

    const page = await t.call('timeline.page', { incidentId: incident.id, filters: { kinds: ['request', 'staffing'] } });
    const summaries = page.items.map((i) => `${i.kind}: ${i.summary}`);
    expect(summaries).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^request: WS1-RR-0001 \(.+\): created, now Draft/),
        expect.stringMatching(/^request: WS1-RR-0001 \(.+\): step “Submit”, now Awaiting approval/),
        'staffing: Sam Situation holds Situation Unit Leader in operational period 1',
      ]),
    );
    const found = await t.call('timeline.page', { incidentId: incident.id, filters: { text: 'Sam Situation' } });
    expect(found.items.map((i) => i.kind)).toContain('staffing');
  });

  it('carries request steps recorded before the upgrade into the timeline', async () => {
    const { t, incident } = await incidentFixture();
    const org = await makeOrg(t, 'Hilltop Care Center');
    await t.call('request.create', requestInput(incident.id, org));
    await t.backend.close();
    // As an older store would be: the steps are there, the timeline has none of them.
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    // (The timeline as migration 10 met it, before migration 13 interned its names.)
    asBeforeLean(db);
    db.exec(`DROP TRIGGER timeline_no_delete; DELETE FROM timeline WHERE kind = 'request';`);
    db.exec(REQUEST_BACKFILL);
    // Then, as the store opens, the later upgrade (13) remakes the timeline and its full-text index.
    db.close();
    const again = await openBackend({ dataDir: t.dataDir });
    const page = await again.call('timeline.page', { incidentId: incident.id, filters: { kinds: ['request'] } });
    expect(page.items.map((i) => i.summary)).toEqual([expect.stringMatching(/^WS1-RR-0001 .*created, now Draft/)]);
    const found = await again.call('timeline.page', { incidentId: incident.id, filters: { text: 'N95' } });
    expect(found.items.map((i) => i.kind)).toEqual(['request']);
  });
});
