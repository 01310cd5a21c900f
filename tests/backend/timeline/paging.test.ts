import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineFilters, TimelineItem } from '../../../shared/contract';
import { HOUR, sharedIncidentFixture } from '../incident/fixtures';

/**
 * One incident with every kind of record from three operators in four positions, many
 * sharing the same millisecond (a transcribed paper log), beside a second incident whose
 * records must never leak in.
 */
let f: Awaited<ReturnType<typeof sharedIncidentFixture>>;
let all: TimelineItem[];
const CATEGORIES = ['Situation', 'Resource', 'Staffing'];

afterAll(() => f.close());

beforeAll(async () => {
  f = await sharedIncidentFixture();
  const { t, incident, positions, signInAs } = f;
  const other = await t.call('incident.create', { name: 'Other', exercise: false, activationLevelId: incident.activationLevelId });
  const base = Date.now() - 3 * HOUR;
  const codes = ['HCCDO', 'SITL', 'LSC', 'MEDCARE'];
  for (const [i, code] of codes.entries()) {
    await signInAs(code, `Operator ${i % 3}`);
    await t.call('log.import', {
      incidentId: incident.id,
      source: 'paper',
      // Forty entries in the same millisecond, the rest a second apart.
      entries: Array.from({ length: 60 }, (_, k) => ({
        occurredAt: k < 40 ? base + i * 1000 : base + k * 1000 + i * 7,
        category: CATEGORIES[k % 3]!,
        text: `${code} entry ${k}${k % 10 === 0 ? ' generator fuel low' : ''}`,
      })),
    });
    await t.call('log.import', { incidentId: other.incident.id, source: 'paper', entries: [{ occurredAt: base + 5, category: 'Situation', text: 'other incident generator' }] });
    const e = await t.call('log.append', { incidentId: incident.id, category: 'Situation', text: `${code} live entry` });
    await t.call('log.correct', { entryId: e.id, text: `${code} live entry, corrected` });
    const m = await t.call('message.record', { incidentId: incident.id, direction: 'in', via: 'phone', toName: 'A', toPosition: 'B', fromName: 'C', fromPosition: 'D', subject: `${code} message`, body: 'body', messageAt: base + 30_000 });
    await t.call('message.reply', { messageId: m.id, reply: 'ok' });
    await t.call('decision.record', { incidentId: incident.id, title: `${code} decision`, decision: 'd', rationale: 'r', authority: 'a', decidedAt: base + 45_000 });
    await t.call('log.proposeSignificant', { entryId: e.id });
  }
  const { items } = await t.call('incident.checklists', { incidentId: incident.id });
  await t.call('incident.tick', { itemId: items[0]!.id, done: true });
  all = await pageAll({}, 'oldest', 200);
  void positions;
});

async function pageAll(filters: TimelineFilters, order: 'newest' | 'oldest', limit: number): Promise<TimelineItem[]> {
  const out: TimelineItem[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await f.t.call('timeline.page', { incidentId: f.incident.id, filters, order, limit, cursor });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    out.push(...page.items);
    if (!page.nextCursor) return out;
    expect(page.items.length).toBe(limit);
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

function expected(filters: TimelineFilters): TimelineItem[] {
  return all.filter(
    (i) =>
      (!filters.kinds || filters.kinds.includes(i.kind)) &&
      (!filters.positionId || i.positionId === filters.positionId) &&
      (!filters.operatorName || i.operatorName === filters.operatorName) &&
      (!filters.category || i.category === filters.category) &&
      (filters.from === undefined || i.occurredAt >= filters.from) &&
      (filters.to === undefined || i.occurredAt < filters.to) &&
      (!filters.text || i.summary.includes(filters.text)),
  );
}

describe('the timeline', () => {
  it('holds every record of the incident once, in time order, and none of another incident', () => {
    // 4 x (60 imported + entry + correction + message + reply + decision + proposal) + 1 tick
    expect(all).toHaveLength(4 * 66 + 1);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    expect(all.some((i) => i.summary.includes('other incident'))).toBe(false);
    for (let k = 1; k < all.length; k++) expect(all[k]!.occurredAt).toBeGreaterThanOrEqual(all[k - 1]!.occurredAt);
    expect(new Set(all.map((i) => i.kind))).toEqual(new Set(['entry', 'message', 'reply', 'decision', 'proposal', 'tick']));
  });

  const cases: [string, () => TimelineFilters][] = [
    ['no filter', () => ({})],
    ['one kind', () => ({ kinds: ['decision'] })],
    ['several kinds', () => ({ kinds: ['message', 'reply', 'tick'] })],
    ['a position', () => ({ positionId: f.positions.get('SITL')!.id })],
    ['an operator', () => ({ operatorName: 'Operator 0' })],
    ['a category', () => ({ category: 'Resource' })],
    ['a time range', () => ({ from: all[50]!.occurredAt, to: all[200]!.occurredAt })],
    ['the period', () => ({ periodId: f.period.id })],
    ['position, category and kind', () => ({ positionId: f.positions.get('LSC')!.id, category: 'Staffing', kinds: ['entry'] })],
    ['text', () => ({ text: 'generator' })],
    ['text with a position', () => ({ text: 'generator', positionId: f.positions.get('HCCDO')!.id })],
  ];

  for (const [label, filters] of cases) {
    for (const order of ['newest', 'oldest'] as const) {
      it(`returns every record exactly once across pages: ${label}, ${order} first`, async () => {
        const want = expected(filters());
        if (filters().periodId) want.splice(0, want.length, ...all.filter((i) => i.occurredAt >= f.period.startsAt && i.occurredAt < f.period.endsAt));
        expect(want.length).toBeGreaterThan(0);
        for (const limit of [7, 50]) {
          const got = await pageAll(filters(), order, limit);
          const ids = got.map((i) => i.id);
          expect(new Set(ids).size, 'no duplicates').toBe(ids.length);
          const wantIds = (order === 'oldest' ? want : [...want].reverse()).map((i) => i.id);
          expect(ids).toEqual(wantIds);
        }
      });
    }
  }

  it('keeps ties in the same millisecond in the order they were recorded', () => {
    const tied = all.filter((i) => i.summary.startsWith('HCCDO entry') && Number(i.summary.split(' ')[2]) < 40);
    expect(tied.map((i) => i.summary)).toEqual(Array.from({ length: 40 }, (_, k) => `HCCDO entry ${k}${k % 10 === 0 ? ' generator fuel low' : ''}`));
  });

  it('refuses a cursor it did not make', async () => {
    const r = await f.t.raw('timeline.page', { incidentId: f.incident.id, cursor: 'bm90LWEtY3Vyc29y' });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: 'The page cursor is not valid; reload the list' } });
  });

  it('offers the positions, operators, categories and periods present, for the filters', async () => {
    const facets = await f.t.call('timeline.facets', { incidentId: f.incident.id });
    expect(facets.operators).toEqual(['Operator 0', 'Operator 1', 'Operator 2']);
    expect(facets.categories).toEqual(expect.arrayContaining(CATEGORIES));
    expect(facets.positions.map((p) => p.code).sort()).toEqual(['HCCDO', 'LSC', 'MEDCARE', 'SITL']);
    expect(facets.periods.map((p) => p.number)).toEqual([1]);
    expect(facets.total).toBe(all.length);
  });

  it('lists one position’s log oldest first in pages', async () => {
    const pos = f.positions.get('MEDCARE')!.id;
    const texts: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await f.t.call('log.list', { incidentId: f.incident.id, positionId: pos, limit: 25, cursor });
      texts.push(...page.entries.map((e) => e.text));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(texts).toHaveLength(62);
    expect(texts.at(-1)).toBe('MEDCARE live entry, corrected');
  });
});
