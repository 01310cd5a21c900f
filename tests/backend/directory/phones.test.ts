import { describe, expect, it, vi } from 'vitest';
import type * as phone from '../../../shared/domain/phone';
import { isDialable } from '../../../shared/domain/phone';
import { openBackend, openReadyBackend, type TestBackend } from '../helpers/backend';
import { snapshotCounts } from '../helpers/snapshot';

// A store written before the rule: the rule is switched off for its saves, as the console
// that wrote them had none (it took "413 555 01").
const rule = vi.hoisted(() => ({ on: true }));
vi.mock('../../../shared/domain/phone', async (original) => {
  const m = await original<typeof phone>();
  return { ...m, phoneProblem: (label: string, value: string) => (rule.on ? m.phoneProblem(label, value) : null) };
});

async function hospital(t: TestBackend): Promise<string> {
  return (await t.call('directory.saveOrganisation', { name: 'Quarry Hill Hospital', discipline: 'hospital', membership: 'core', town: 'Pittsfield', zip: '01201' })).organisation.id;
}

describe('phone numbers someone can dial', () => {
  it('refuses a 24/7 number a digit short, or run together, in words naming the field, and stores nothing', async () => {
    const t = await openReadyBackend();
    const organisationId = await hospital(t);
    const before = snapshotCounts(t.dataDir);
    const short = await t.raw('directory.saveContact', { organisationId, name: 'ED charge nurse', phone24x7: '413 555 01' });
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { issues: [{ path: ['phone24x7'], message: '24/7 phone has 8 digits: a North American number has 10, such as 413-555-0100 (a number abroad starts with + and its country code)' }] } },
    });
    const twice = await t.raw('directory.saveContact', { organisationId, name: 'ED charge nurse', phone24x7: '413-555-0142413-555-0199' });
    expect(JSON.stringify(twice)).toContain('24/7 phone has 20 digits');
    const other = await t.raw('directory.saveContact', { organisationId, name: 'ED charge nurse', phone24x7: '413-555-0142', otherPhones: ['413-555-0143', 'ask the operator'] });
    expect(other).toMatchObject({ ok: false, error: { details: { issues: [{ path: ['otherPhones', '1'], message: expect.stringMatching(/^Other phone may hold only digits/) }] } } });
    const service = await t.raw('service.save', { name: 'Pittsfield warming center', type: 'warming_center', town: 'Pittsfield', phone: '413-555-015' });
    expect(service).toMatchObject({ ok: false, error: { details: { issues: [{ path: ['phone'], message: expect.stringMatching(/^Phone has 9 digits/) }] } } });
    expect(snapshotCounts(t.dataDir)).toEqual(before);

    const { contact } = await t.call('directory.saveContact', { organisationId, name: 'ED charge nurse', phone24x7: '(413) 555-0142 ext. 12', otherPhones: ['+44 20 7946 0958'] });
    expect(contact).toMatchObject({ phone24x7: '(413) 555-0142 ext. 12', otherPhones: ['+44 20 7946 0958'] });
  });

  it('still reads and shows a number stored before the rule; a save of that contact asks for a number that can be dialled', async () => {
    const t = await openReadyBackend();
    const organisationId = await hospital(t);
    rule.on = false;
    let id: string;
    try {
      id = (await t.call('directory.saveContact', { organisationId, name: 'ED charge nurse', phone24x7: '413 555 01' })).contact.id;
    } finally {
      rule.on = true;
    }
    const { contacts } = await t.call('directory.get', { id: organisationId });
    expect(contacts.map((c) => c.phone24x7)).toEqual(['413 555 01']);
    expect((await t.call('calldown.contacts', {})).contacts.find((c) => c.id === id)).toMatchObject({ phone24x7: '413 555 01' });
    expect((await t.call('directory.exportCsv', {})).csv).toContain('413 555 01');

    const again = await t.raw('directory.saveContact', { id, organisationId, name: 'ED charge nurse', phone24x7: '413 555 01' });
    expect(JSON.stringify(again)).toContain('24/7 phone has 8 digits');
    expect((await t.call('directory.saveContact', { id, organisationId, name: 'ED charge nurse', phone24x7: '413 555 0142' })).contact.phone24x7).toBe('413 555 0142');
  });

  it('finds every number of the demonstration coalition dialable', async () => {
    const t = await openBackend();
    await t.call('demo.load', { workstationName: 'DEMO' });
    const numbers: string[] = [];
    const { organisations } = await t.call('directory.list', { limit: 1000 });
    for (const o of organisations) {
      for (const c of (await t.call('directory.get', { id: o.id })).contacts) numbers.push(...[c.phone24x7 ?? '', ...c.otherPhones].filter(Boolean));
    }
    for (const s of (await t.call('service.list', {})).services) if (s.phone) numbers.push(s.phone);
    const { sheet } = await t.call('activation.current', {});
    for (const c of sheet!.content.firstCalls) if (c.phone) numbers.push(c.phone);
    expect(numbers.length).toBeGreaterThan(60);
    expect(numbers.filter((n) => !isDialable(n))).toEqual([]);
  });
});
