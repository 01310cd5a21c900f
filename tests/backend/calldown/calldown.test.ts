import { describe, expect, it } from 'vitest';
import { incidentFixture } from '../incident/fixtures';
import type { TestBackend } from '../helpers/backend';
import { pdfPagesText } from '../export/pdf-text';

async function fiveContacts(t: TestBackend) {
  const ids: string[] = [];
  for (const [org, discipline] of [
    ['Mercy Hospital', 'hospital'],
    ['Baystate', 'hospital'],
    ['Valley EMS', 'ems'],
  ] as const) {
    const { organisation } = await t.call('directory.saveOrganisation', { name: org, discipline, membership: 'core', town: 'Springfield', zip: '01103' });
    for (const n of [1, 2]) {
      const phone = org === 'Valley EMS' && n === 2 ? null : `413-555-01${ids.length}${n}`;
      ids.push((await t.call('directory.saveContact', { organisationId: organisation.id, name: `${org} contact ${n}`, phone24x7: phone })).contact.id);
    }
  }
  return ids;
}

describe('call-down', () => {
  it('calls the 24/7 contacts of chosen disciplines; two reached and one voicemail is 2 of 5 reached, three still to reach', async () => {
    const { t, incident } = await incidentFixture();
    await fiveContacts(t);
    const { calldown, skipped } = await t.call('calldown.start', { incidentId: incident.id, title: 'Activation call-down', source: { kind: 'disciplines', disciplines: ['hospital', 'ems'] } });
    expect(calldown.progress).toBe('0 of 5 reached');
    expect(skipped).toEqual(['Valley EMS contact 2 (Valley EMS): no 24/7 number in the directory']);
    const { targets } = await t.call('calldown.get', { id: calldown.id });
    expect(targets.every((x) => x.phone && x.status === 'not_called')).toBe(true);

    await t.call('calldown.attempt', { calldownId: calldown.id, targetId: targets[0]!.id, outcome: 'no_answer' });
    await t.call('calldown.attempt', { calldownId: calldown.id, targetId: targets[0]!.id, outcome: 'reached', acknowledgedBy: 'Charge nurse Ortiz' });
    await t.call('calldown.attempt', { calldownId: calldown.id, targetId: targets[1]!.id, outcome: 'reached', acknowledgedBy: 'House supervisor' });
    const last = await t.call('calldown.attempt', { calldownId: calldown.id, targetId: targets[2]!.id, outcome: 'voicemail', note: 'Left callback number' });
    expect(last.calldown.progress).toBe('2 of 5 reached');

    const got = await t.call('calldown.get', { id: calldown.id });
    expect(got.targets.map((x) => x.status)).toEqual(['reached', 'reached', 'voicemail', 'not_called', 'not_called']);
    expect(got.targets[0]!.acknowledgedBy).toBe('Charge nurse Ortiz');
    expect(got.targets[0]!.attempts.map((a) => a.outcome)).toEqual(['no_answer', 'reached']);
    expect(got.targets.filter((x) => x.status !== 'reached')).toHaveLength(3);
    expect((await t.call('calldown.list', { incidentId: incident.id })).calldowns[0]!.progress).toBe('2 of 5 reached');
  });

  it('keeps the numbers called as they were when the call-down started', async () => {
    const { t, incident } = await incidentFixture();
    const ids = await fiveContacts(t);
    const { calldown } = await t.call('calldown.start', { incidentId: incident.id, title: 'Two', source: { kind: 'contacts', contactIds: [ids[0]!, ids[1]!] } });
    const org = (await t.call('directory.list', { search: 'Mercy' })).organisations[0]!;
    await t.call('directory.saveContact', { id: ids[0]!, organisationId: org.id, name: 'Mercy Hospital contact 1', phone24x7: '413-555-0199' });
    expect((await t.call('calldown.get', { id: calldown.id })).targets[0]!.phone).toBe('413-555-0101');
  });

  it('refuses an acknowledgement on a call that reached nobody, and a contact not on the list, recording nothing', async () => {
    const { t, incident } = await incidentFixture();
    await fiveContacts(t);
    const { calldown } = await t.call('calldown.start', { incidentId: incident.id, title: 'x', source: { kind: 'disciplines', disciplines: ['hospital'] } });
    const { targets } = await t.call('calldown.get', { id: calldown.id });
    const r1 = await t.raw('calldown.attempt', { calldownId: calldown.id, targetId: targets[0]!.id, outcome: 'voicemail', acknowledgedBy: 'Someone' });
    expect(r1.ok).toBe(false);
    const r2 = await t.raw('calldown.attempt', { calldownId: calldown.id, targetId: calldown.id, outcome: 'reached' });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error.message).toBe('That contact is not on this call-down list');
    const r3 = await t.raw('calldown.attempt', { calldownId: calldown.id, targetId: targets[0]!.id, outcome: 'busy' });
    expect(r3.ok).toBe(false);
    if (!r3.ok) expect(r3.error.message).toMatch(/Outcome must be one of: Reached, Left voicemail, No answer, Wrong number/);
    expect((await t.call('calldown.get', { id: calldown.id })).targets.every((x) => x.attempts.length === 0)).toBe(true);
  });

  it('prints who is still to reach first, with the numbers, marked as an exercise when it is one', async () => {
    const { t, incident } = await incidentFixture({ exercise: true });
    await fiveContacts(t);
    const { calldown } = await t.call('calldown.start', { incidentId: incident.id, title: 'Activation call-down', source: { kind: 'disciplines', disciplines: ['hospital'] } });
    const { targets } = await t.call('calldown.get', { id: calldown.id });
    await t.call('calldown.attempt', { calldownId: calldown.id, targetId: targets[0]!.id, outcome: 'reached', acknowledgedBy: 'Ortiz' });
    const print = await t.call('calldown.print', { id: calldown.id });
    expect(print.fileName).toMatch(/^EXERCISE_Call-down_Activation-call-down_/);
    const [page] = await pdfPagesText(Buffer.from(print.base64, 'base64'));
    expect(page).toContain('EXERCISE EXERCISE EXERCISE');
    expect(page).toContain('1 of 4 reached');
    expect(page!.indexOf('Still to reach: 3')).toBeLessThan(page!.indexOf('Reached: 1'));
    expect(page).toContain('413-555-0112');
  });
});
