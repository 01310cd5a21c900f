import { describe, expect, it } from 'vitest';
import { openBackend, openReadyBackend } from '../helpers/backend';

describe('first-run setup and sign-in', () => {
  it('starts unconfigured, then records the coalition, the workstation and the standard positions', async () => {
    const t = await openBackend();
    const before = await t.call('setup.status', {});
    expect(before.configured).toBe(false);
    expect(before.workstation.id).toMatch(/^[0-9a-f-]{36}$/);
    await t.call('setup.complete', {
      coalitionName: 'Pioneer Valley HMCC',
      region: 'Massachusetts Region 1',
      timeZone: 'America/New_York',
      workstationName: 'EOC-1',
    });
    const after = await t.call('setup.status', {});
    expect(after.configured).toBe(true);
    expect(after.coalition?.name).toBe('Pioneer Valley HMCC');
    expect(after.workstation.name).toBe('EOC-1');
    const { positions } = await t.call('position.list', {});
    expect(positions.map((p) => p.code)).toContain('SITL');
  });

  it('refuses an unknown time zone with a message naming it, and writes nothing', async () => {
    const t = await openBackend();
    const r = await t.raw('setup.complete', {
      coalitionName: 'X',
      region: 'Y',
      timeZone: 'Mars/Olympus_Mons',
      workstationName: 'W',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('Mars/Olympus_Mons');
    expect((await t.call('setup.status', {})).configured).toBe(false);
  });

  it('refuses a second setup', async () => {
    const t = await openReadyBackend();
    const r = await t.raw('setup.complete', { coalitionName: 'X', region: 'Y', timeZone: 'UTC', workstationName: 'W' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('conflict');
  });

  it('keeps the workstation id across restarts', async () => {
    const t = await openReadyBackend();
    const { workstation } = await t.call('setup.status', {});
    await t.backend.close();
    const again = await openBackend({ dataDir: t.dataDir });
    expect((await again.call('setup.status', {})).workstation.id).toBe(workstation.id);
  });
});

describe('sessions', () => {
  it('refuses attributed writes until someone signs in, then attributes them', async () => {
    const t = await openBackend();
    await t.call('setup.complete', { coalitionName: 'C', region: 'R', timeZone: 'UTC', workstationName: 'W' });
    const r = await t.raw('backup.create', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('forbidden');
    const { positions } = await t.call('position.list', {});
    const sitl = positions.find((p) => p.code === 'SITL')!;
    const { session } = await t.call('session.signIn', { operatorName: 'Sam Sit', positionId: sitl.id });
    expect(session.position.title).toBe('Situation Unit Leader');
    expect((await t.call('session.current', {})).session?.operatorName).toBe('Sam Sit');
  });

  it('switches operator in one action and signs out', async () => {
    const t = await openReadyBackend();
    const { positions } = await t.call('position.list', {});
    const lsc = positions.find((p) => p.code === 'LSC')!;
    await t.call('session.signIn', { operatorName: 'Lee Logistics', positionId: lsc.id });
    expect((await t.call('session.current', {})).session?.position.code).toBe('LSC');
    expect(await t.call('session.signOut', {})).toEqual({ signedOut: true });
    expect((await t.call('session.current', {})).session).toBeNull();
  });

  it('adds a custom position and refuses a duplicate code', async () => {
    const t = await openReadyBackend();
    const p = await t.call('position.addCustom', { title: 'Evacuation Coordinator', code: 'EVAC-COORD', section: 'Operations' });
    expect(p.custom).toBe(true);
    const dup = await t.raw('position.addCustom', { title: 'Other', code: 'EVAC-COORD', section: 'Operations' });
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.error.message).toContain('EVAC-COORD');
  });

  it('names workstations as set up, so records can say where they were made by name', async () => {
    const t = await openReadyBackend();
    const { workstationId } = await t.call('system.info', {});
    expect((await t.call('system.workstations', {})).workstations).toEqual([{ id: workstationId, name: 'EOC-1' }]);
  });
});
