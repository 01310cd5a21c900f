import { describe, expect, it } from 'vitest';
import { coalition, hashes, syncAll, syncOnce } from './harness';

describe('sync: one apply path for local and remote writes', () => {
  it('a joined workstation receives the coalition, numbers its requests with its own code, and both end identical', async () => {
    const [a, b] = await coalition(2);
    const { levels } = await a!.call('incident.levels', {});
    const { incident } = await a!.call('incident.create', {
      name: 'Ice storm',
      exercise: true,
      activationLevelId: levels[0]!.id,
    });
    await a!.call('log.append', { incidentId: incident.id, category: 'General', text: 'Power out at Hilltop' });
    syncOnce(a!, b!);
    const entries = await b!.call('log.list', { incidentId: incident.id });
    expect(JSON.stringify(entries)).toContain('Power out at Hilltop');
    const { organisation } = await b!.call('directory.saveOrganisation', {
      name: 'Hilltop Care Center',
      discipline: 'long_term_care',
      membership: 'core',
      town: 'Amherst',
    });
    const { request } = await b!.call('request.create', {
      incidentId: incident.id,
      requestingOrganisationId: organisation.id,
      requestedByName: 'Lee Park',
      priority: 'urgent',
      deliveryLocation: 'Dock',
      lines: [{ quantity: 5, kind: 'N95 respirator' }],
    });
    expect(request.number).toBe('WS2-RR-0001');
    syncAll([a!, b!]);
    const onA = await a!.call('request.get', { id: request.id });
    expect(onA.request).toMatchObject({ number: 'WS2-RR-0001', status: 'draft' });
    const [ha, hb] = hashes([a!, b!]);
    expect(ha).toBe(hb);
    expect(await a!.call('integrity.verify', {})).toMatchObject({ ok: true });
    expect(await b!.call('integrity.verify', {})).toMatchObject({ ok: true });
  });
});

describe('sync: a workstation that has joined', () => {
  it('cannot set up a coalition of its own or load the demonstration while it waits for its records', async () => {
    const { openBackend, openReadyBackend } = await import('../helpers/backend');
    const a = await openReadyBackend();
    const n = await openBackend();
    const { code } = await a.call('sync.issueJoin', {});
    await n.call('sync.join', { code, workstationName: 'EOC-2' });
    const setup = await n.raw('setup.complete', { coalitionName: 'Another', region: 'R', timeZone: 'UTC', workstationName: 'X' });
    expect(setup).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/joined a coalition/) } });
    const demo = await n.raw('demo.load', {});
    expect(demo).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
