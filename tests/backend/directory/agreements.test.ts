import { describe, expect, it } from 'vitest';
import { openReadyBackend } from '../helpers/backend';

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

describe('agreements', () => {
  it('flags agreements expiring within the chosen window and those already expired', async () => {
    const now = Date.UTC(2026, 5, 1, 16);
    const t = await openReadyBackend({ clock: () => now });
    const a = (await t.call('directory.saveOrganisation', { name: 'Riverbend General Hospital', discipline: 'hospital', membership: 'core', town: 'Holyoke' })).organisation.id;
    const b = (await t.call('directory.saveOrganisation', { name: 'Maple Terrace Care Center', discipline: 'long_term_care', membership: 'core', town: 'Ware' })).organisation.id;
    const save = (title: string, expiresOn: string | null) =>
      t.call('directory.saveAgreement', { title, kind: 'mutual_aid', partyIds: [a, b], scope: 'Staff and supplies', resourcesCovered: ['N95 respirator'], effectiveOn: '2024-01-01', expiresOn });
    await save('Soon', iso(now + 10 * DAY));
    await save('Later', iso(now + 200 * DAY));
    await save('Gone', iso(now - 3 * DAY));
    await save('Open', null);
    const r = await t.call('directory.listAgreements', { withinDays: 30 });
    expect(r.today).toBe('2026-06-01');
    expect(r.agreements.map((x) => [x.title, x.standing])).toEqual([
      ['Gone', 'expired'],
      ['Soon', 'expiring_soon'],
      ['Later', 'active'],
      ['Open', 'open_ended'],
    ]);
    expect(r).toMatchObject({ expiringSoon: 1, expired: 1 });
    expect(r.agreements[1]!.standingLabel).toBe('EXPIRES in 10 days (2026-06-11)');
    expect((await t.call('directory.listAgreements', { withinDays: 365 })).expiringSoon).toBe(2);
    expect((await t.call('directory.listAgreements', { partyId: a, standing: 'expired' })).agreements.map((x) => x.title)).toEqual(['Gone']);
    const detail = await t.call('directory.get', { id: b });
    expect(detail.agreements).toHaveLength(4);
    expect(detail.agreements[0]!.parties.map((p) => p.name)).toEqual(['Riverbend General Hospital', 'Maple Terrace Care Center']);
  });

  it('refuses an expiry before the effective date, and dates that are not real', async () => {
    const t = await openReadyBackend();
    const a = (await t.call('directory.saveOrganisation', { name: 'X', discipline: 'hospital', membership: 'core', town: 'Holyoke' })).organisation.id;
    const base = { title: 'MOU', kind: 'mou' as const, partyIds: [a], scope: 'PPE', effectiveOn: '2026-01-01' };
    expect(await t.raw('directory.saveAgreement', { ...base, expiresOn: '2025-12-31' })).toMatchObject({ ok: false, error: { message: 'Expiry date must be on or after the effective date' } });
    expect(await t.raw('directory.saveAgreement', { ...base, expiresOn: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('not a real calendar date') } });
  });

  it('keeps an organisation with open requests or stock from being removed', async () => {
    const t = await openReadyBackend();
    const a = (await t.call('directory.saveOrganisation', { name: 'Cache', discipline: 'other', membership: 'core', town: 'Holyoke' })).organisation.id;
    await t.call('inventory.save', { category: 'Medical and Public Health', resourceClass: 'supplies', kind: 'N95 respirator', name: 'N95', unit: 'each', location: 'Shed', ownerOrganisationId: a, status: 'available', heldQuantity: 10 });
    expect(await t.raw('directory.removeOrganisation', { id: a })).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Cache owns 1 inventory record; remove or reassign it first' } });
  });
});
