import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedIncidentFixture } from '../incident/fixtures';

let f: Awaited<ReturnType<typeof sharedIncidentFixture>>;
const ids: Record<string, string> = {};

afterAll(() => f.close());

beforeAll(async () => {
  f = await sharedIncidentFixture();
  const { t, incident } = f;
  ids.entry = (await t.call('log.append', { incidentId: incident.id, category: 'Facility status', text: 'Mercy General generator failed; running on battery' })).id;
  ids.accented = (await t.call('log.append', { incidentId: incident.id, category: 'General', text: 'Réunion with Hôpital Saint-Luc liaison' })).id;
  const m = await t.call('message.record', { incidentId: incident.id, direction: 'in', via: 'radio', toName: 'Dana', toPosition: 'HCCDO', fromName: 'Quinn', fromPosition: 'Valley Regional', subject: 'Ventilators needed', body: 'Twelve ventilators for the ICU' });
  ids.message = m.id;
  ids.reply = (await t.call('message.reply', { messageId: m.id, reply: 'Dispatching oxygen concentrators' })).reply!.id;
  ids.decision = (await t.call('decision.record', { incidentId: incident.id, title: 'Open alternate care site', decision: 'Open the armory as an alternate care site', rationale: 'Surge beyond hospital capacity', authority: 'Crisis standards of care plan' })).id;
  const other = await t.call('incident.create', { name: 'Other', exercise: false, activationLevelId: incident.activationLevelId });
  await t.call('log.append', { incidentId: other.incident.id, category: 'General', text: 'generator ventilators armory' });
});

async function search(text: string, extra: Record<string, unknown> = {}) {
  const page = await f.t.call('timeline.page', { incidentId: f.incident.id, filters: { text, ...extra } });
  return page.items;
}

describe('full-text search', () => {
  it('finds log entries, messages, replies and decisions, in this incident only', async () => {
    expect((await search('generator')).map((i) => [i.kind, i.id])).toEqual([['entry', ids.entry]]);
    expect((await search('ventilators')).map((i) => [i.kind, i.id])).toEqual([['message', ids.message]]);
    expect((await search('concentrators')).map((i) => i.kind)).toEqual(['reply']);
    expect((await search('armory')).map((i) => [i.kind, i.id])).toEqual([['decision', ids.decision]]);
    expect((await search('crisis standards')).map((i) => i.id)).toEqual([ids.decision]);
  });

  it('needs every word, matches word beginnings with *, and ignores case and accents', async () => {
    expect(await search('generator ventilators')).toEqual([]);
    expect((await search('generat*')).map((i) => i.id)).toEqual([ids.entry]);
    expect((await search('gener*')).map((i) => i.id).sort()).toEqual([ids.entry, ids.accented].sort()); // "General" is a category word
    expect((await search('MERCY general')).map((i) => i.id)).toEqual([ids.entry]);
    expect((await search('hopital reunion')).map((i) => i.id)).toEqual([ids.accented]);
    // A word the index cuts in two needs both parts.
    expect((await search('Saint-Luc')).map((i) => i.id)).toEqual([ids.accented]);
    expect(await search('Saint-Mercy')).toEqual([]);
  });

  it('combines with the other filters', async () => {
    expect(await search('generator', { kinds: ['message'] })).toEqual([]);
    expect((await search('ventilators', { kinds: ['message', 'decision'] })).map((i) => i.id)).toEqual([ids.message]);
    expect(await search('generator', { positionId: f.positions.get('SITL')!.id })).toEqual([]);
    expect(await search('generator', { operatorName: 'Nobody' })).toEqual([]);
  });

  it('treats query syntax as plain words and ignores text with nothing to search', async () => {
    for (const hostile of ['"', 'NEAR(', 'AND OR NOT', 'generator" OR "x', '* : ^', 'body:armory']) {
      const r = await f.t.raw('timeline.page', { incidentId: f.incident.id, filters: { text: hostile } });
      expect(r.ok, hostile).toBe(true);
    }
    const all = await f.t.call('timeline.page', { incidentId: f.incident.id });
    expect((await search('*** ---')).length).toBe(all.items.length);
  });
});
