import { describe, expect, it } from 'vitest';
import { HOUR, incidentFixture } from '../incident/fixtures';

const radio = {
  direction: 'in' as const,
  via: 'radio' as const,
  toName: 'Dana Duty',
  toPosition: 'Coalition Duty Officer',
  fromName: 'Sam Ortiz',
  fromPosition: 'Mercy General Incident Commander',
  subject: 'Request for 12 ventilators',
  body: 'Mercy General requests 12 adult ventilators by 1800 for ICU patients awaiting transfer.',
};

describe('ICS 213 general messages', () => {
  it('take the actual time of a radio message typed in later, and are marked transcribed', async () => {
    const { t, incident, positions } = await incidentFixture();
    const said = Date.now() - 25 * 60_000;
    const m = await t.call('message.record', { incidentId: incident.id, ...radio, messageAt: said, priority: 'urgent' });
    expect(m).toMatchObject({ ...radio, messageAt: said, priority: 'urgent', transcribed: true, reply: null, positionId: positions.get('HCCDO')!.id, approvedByName: null });
    expect(m.recordedAt).toBeGreaterThan(said);
  });

  it('are linked into the position’s log and found by its filter', async () => {
    const { t, incident, positions } = await incidentFixture();
    const m = await t.call('message.record', { incidentId: incident.id, ...radio, positionId: positions.get('LSC')!.id });
    const page = await t.call('timeline.page', { incidentId: incident.id, filters: { positionId: positions.get('LSC')!.id } });
    expect(page.items).toEqual([expect.objectContaining({ kind: 'message', id: m.id, positionTitle: 'Logistics Section Chief' })]);
    expect(page.items[0]!.summary).toContain('ICS 213 received from Sam Ortiz (Mercy General Incident Commander) by radio: Request for 12 ventilators');
  });

  it('take one reply (blocks 9-10); a second is refused', async () => {
    const { t, incident } = await incidentFixture();
    const m = await t.call('message.record', { incidentId: incident.id, ...radio, direction: 'out', via: 'digital', approvedByName: 'Irene Commander', approvedByPosition: 'Incident Commander' });
    expect(m.transcribed).toBe(false);
    const replied = await t.call('message.reply', { messageId: m.id, reply: 'Six ventilators from cache B, ETA 1700', repliedByName: 'Sam Ortiz', repliedByPosition: 'Mercy IC' });
    expect(replied.reply).toMatchObject({ text: 'Six ventilators from cache B, ETA 1700', repliedByName: 'Sam Ortiz', repliedByPosition: 'Mercy IC' });
    expect(await t.raw('message.reply', { messageId: m.id, reply: 'again' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('already has a reply (from Sam Ortiz') },
    });
    const page = await t.call('timeline.page', { incidentId: incident.id, filters: { kinds: ['reply'] } });
    expect(page.items[0]).toMatchObject({ kind: 'reply', refId: m.id });
  });

  it('refuse a reply before the message, and an approval without a position', async () => {
    const { t, incident } = await incidentFixture();
    const m = await t.call('message.record', { incidentId: incident.id, ...radio });
    expect(await t.raw('message.reply', { messageId: m.id, reply: 'x', repliedAt: m.messageAt - HOUR })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('cannot come before the message') },
    });
    expect(await t.raw('message.record', { incidentId: incident.id, ...radio, approvedByName: 'Irene' })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('"Approved by" needs both a name and a position') },
    });
  });

  it('list newest first, by direction, in pages', async () => {
    const { t, incident } = await incidentFixture();
    const now = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const m = await t.call('message.record', { incidentId: incident.id, ...radio, direction: i % 2 ? 'out' : 'in', subject: `M${i}`, messageAt: now - (10 - i) * 60_000 });
      ids.push(m.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.call('message.list', { incidentId: incident.id, direction: 'in', limit: 2, cursor });
      seen.push(...page.messages.map((m) => m.subject));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['M6', 'M4', 'M2', 'M0']);
    const all = await t.call('message.list', { incidentId: incident.id, limit: 50 });
    expect(all.messages.map((m) => m.subject)).toEqual(['M6', 'M5', 'M4', 'M3', 'M2', 'M1', 'M0']);
  });
});
