import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../../shared/contract';
import { openBackend, type TestBackend } from '../helpers/backend';

/** A fixed clock: the demo's record is written relative to it. */
const NOW = Date.UTC(2026, 0, 15, 14, 30);
const HOUR = 3_600_000;

async function loadDemo(clock: () => number = () => NOW) {
  const t = await openBackend({ clock });
  const started = performance.now();
  const r = await t.call('demo.load', { workstationName: 'DEMO-EOC-1' });
  const ms = performance.now() - started;
  const { positions } = await t.call('position.list', {});
  await t.call('session.signIn', { operatorName: 'Dana Duty', positionId: positions.find((p) => p.code === 'HCCDO')!.id });
  return { t, r, ms, incidentId: r.incidentId!, positions };
}

async function timeline(t: TestBackend, incidentId: string): Promise<TimelineItem[]> {
  const items: TimelineItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await t.call('timeline.page', { incidentId, order: 'oldest', limit: 200, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const kinds = (items: TimelineItem[], kind: TimelineItem['kind']) => items.filter((i) => i.kind === kind);

describe('the demonstration incident’s record', () => {
  it('has period 1 objectives, staffed positions and ticked checklist items', async () => {
    const { t, incidentId } = await loadDemo();
    const { incident, currentPeriod } = await t.call('incident.get', { id: incidentId });
    expect(incident.exercise).toBe(true);
    expect(currentPeriod).not.toBeNull();
    const period = currentPeriod!;
    expect(period.objectives.length).toBeGreaterThanOrEqual(4);
    expect(period.objectives.length).toBeLessThanOrEqual(6);
    expect(period.preparedBy).toMatch(/Planning Section Chief/);
    expect(period.approvedBy).toMatch(/Incident Commander/);
    const held = new Map(period.staffing.map((s) => [s.positionCode, s.holderName]));
    for (const code of ['HCCDO', 'IC', 'SITL', 'LSC', 'PSC', 'MTS']) expect(held.get(code), code).toBeTruthy();
    expect(period.staffing.every((s) => s.holderName && s.homeAgency)).toBe(true);

    const { items } = await t.call('incident.checklists', { incidentId });
    const ticked = items.filter((i) => i.done);
    expect(ticked.length).toBeGreaterThanOrEqual(3);
    expect(ticked.length).toBeLessThan(items.length);
    // Ticked by whoever holds that position.
    for (const item of ticked) {
      const holder = period.staffing.find((s) => s.positionId === item.positionId)?.holderName;
      expect(item.ticks.at(-1)!.operatorName).toBe(holder);
      expect(item.ticks.at(-1)!.at).toBeLessThanOrEqual(NOW);
    }
  });

  it('fills the timeline with entries, decisions and messages, attributed and in the incident’s span', async () => {
    const { t, r, incidentId } = await loadDemo();
    const { incident } = await t.call('incident.get', { id: incidentId });
    const items = await timeline(t, incidentId);

    expect(r.logEntries).toBeGreaterThanOrEqual(40);
    expect(r.logEntries).toBeLessThanOrEqual(80);
    expect(r.decisions).toBeGreaterThanOrEqual(3);
    expect(r.decisions).toBeLessThanOrEqual(5);
    expect(r.messages).toBeGreaterThanOrEqual(3);
    expect(r.messages).toBeLessThanOrEqual(6);
    expect(kinds(items, 'entry')).toHaveLength(r.logEntries);
    expect(kinds(items, 'decision')).toHaveLength(r.decisions);
    expect(kinds(items, 'message')).toHaveLength(r.messages);
    for (const k of ['reply', 'proposal', 'review', 'tick'] as const) expect(kinds(items, k).length, k).toBeGreaterThan(0);

    // Every record names a person and a position, and happened between the start and now.
    for (const i of items) {
      expect(i.operatorName, i.summary).toBeTruthy();
      expect(i.operatorPositionTitle, i.summary).toBeTruthy();
      expect(i.occurredAt).toBeGreaterThanOrEqual(incident.startedAt);
      expect(i.occurredAt).toBeLessThanOrEqual(NOW);
    }
    // Spread over the ~20 hours, across the positions, some typed in from phone and radio.
    const entries = kinds(items, 'entry');
    expect(entries[0]!.occurredAt - incident.startedAt).toBeLessThan(HOUR);
    expect(NOW - entries.at(-1)!.occurredAt).toBeLessThan(HOUR);
    expect(new Set(entries.map((e) => e.positionId)).size).toBeGreaterThanOrEqual(6);
    expect(entries.some((e) => e.source === 'phone')).toBe(true);
    expect(entries.some((e) => e.source === 'radio')).toBe(true);
    const { categories } = await t.call('timeline.facets', { incidentId });
    expect(categories.length).toBeGreaterThanOrEqual(8);

    // Search finds the story.
    const found = await t.call('timeline.page', { incidentId, filters: { text: 'dialysis' }, limit: 50 });
    expect(found.items.length).toBeGreaterThan(3);
  });

  it('has no unattributed record in the incident, its requests or the demo directory', async () => {
    const { t, incidentId } = await loadDemo();
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'), { readonly: true });
    try {
      for (const table of ['log_entries', 'decisions', 'messages', 'message_replies', 'significant_proposals', 'significant_reviews', 'checklist_ticks']) {
        const rows = db.prepare(`SELECT operator_name, position_title FROM ${table} WHERE incident_id = ?`).all(incidentId) as { operator_name: string | null; position_title: string | null }[];
        expect(rows.length, table).toBeGreaterThan(0);
        expect(rows.filter((r) => !r.operator_name || !r.position_title), table).toEqual([]);
      }
      const events = db.prepare('SELECT count(*) AS n, count(operator_name) AS named FROM request_events').get() as { n: number; named: number };
      expect(events.n).toBeGreaterThan(0);
      expect(events.named).toBe(events.n);
      const changes = db
        .prepare(
          `SELECT table_name, count(*) AS n, count(operator_name) AS named FROM changes
           WHERE table_name IN ('organisations', 'contacts', 'agreements', 'inventory', 'requests', 'incidents', 'periods', 'objectives', 'staffing', 'checklist_items')
           GROUP BY table_name`,
        )
        .all() as { table_name: string; n: number; named: number }[];
      expect(changes.length).toBeGreaterThanOrEqual(8);
      for (const c of changes) expect(c.named, c.table_name).toBe(c.n);
    } finally {
      db.close();
    }
  });

  it('keeps its links consistent: a correction after its original, reviews after proposals, replies after messages, decisions after what they cite', async () => {
    const { t, incidentId, positions } = await loadDemo();
    const items = await timeline(t, incidentId);
    const at = new Map(items.map((i) => [i.id, i.occurredAt]));

    // A correction links to its original, which stays as it was.
    const corrections = kinds(items, 'entry').filter((e) => e.refId);
    expect(corrections.length).toBeGreaterThanOrEqual(1);
    for (const c of corrections) {
      const { entry, chain } = await t.call('log.get', { id: c.id });
      expect(entry.correctsId).toBe(c.refId);
      expect(chain.map((e) => e.id)).toEqual([c.refId, c.id]);
      expect(chain[0]!.correctedById).toBe(c.id);
      expect(entry.occurredAt).toBeGreaterThanOrEqual(chain[0]!.occurredAt);
      expect(items.findIndex((i) => i.id === c.id)).toBeGreaterThan(items.findIndex((i) => i.id === c.refId));
    }

    // The board: several proposed, some approved by the Situation Unit Leader, one still waiting.
    const sitl = positions.find((p) => p.code === 'SITL')!;
    const { events } = await t.call('log.board', { incidentId });
    expect(events.length).toBeGreaterThanOrEqual(3);
    const proposals = (await t.call('log.proposals', { incidentId, status: 'all' })).proposals;
    expect(proposals.length).toBeGreaterThan(events.length);
    expect(proposals.some((p) => p.status === 'pending')).toBe(true);
    for (const p of proposals) {
      expect(p.proposedAt).toBeGreaterThanOrEqual(p.entry.occurredAt);
      if (p.status === 'pending') continue;
      expect(p.reviewedByPosition).toBe(sitl.title);
      expect(p.reviewedAt!).toBeGreaterThan(p.proposedAt);
    }

    // ICS 213 in and out; replies after their message.
    const { messages } = await t.call('message.list', { incidentId, limit: 50 });
    expect(new Set(messages.map((m) => m.direction))).toEqual(new Set(['in', 'out']));
    expect(messages.some((m) => m.via === 'phone' || m.via === 'radio')).toBe(true);
    expect(messages.some((m) => m.approvedByName)).toBe(true);
    const replied = messages.filter((m) => m.reply);
    expect(replied.length).toBeGreaterThanOrEqual(2);
    for (const m of replied) expect(m.reply!.repliedAt).toBeGreaterThanOrEqual(m.messageAt);

    // Decisions: options, rationale, authority, a named maker, links to earlier records, a snapshot; one superseded.
    const { decisions } = await t.call('decision.list', { incidentId, includeSuperseded: true });
    expect(decisions.filter((d) => d.supersededById)).toHaveLength(1);
    for (const d of decisions) {
      expect(d.options.length).toBeGreaterThanOrEqual(2);
      expect(d.options.filter((o) => o.chosen)).toHaveLength(1);
      expect(d.rationale.length).toBeGreaterThan(40);
      expect(d.authority).toBeTruthy();
      expect(d.madeByName).toBeTruthy();
      expect(d.links.length).toBeGreaterThanOrEqual(2);
      for (const l of d.links) if (l.type !== 'request') expect(at.get(l.id)!, l.label).toBeLessThanOrEqual(d.decidedAt);
      expect(d.snapshot.capturedAt).toBeGreaterThanOrEqual(d.decidedAt);
      expect(d.snapshot.capturedAt).toBeLessThanOrEqual(NOW);
      expect(d.snapshot.logEntries).toBeGreaterThan(0);
      expect(d.snapshot.currentPeriod?.number).toBe(1);
    }
    const later = decisions.find((d) => d.supersedesId)!;
    const earlier = decisions.find((d) => d.id === later.supersedesId)!;
    expect(earlier.supersededById).toBe(later.id);
    expect(later.decidedAt).toBeGreaterThan(earlier.decidedAt);
    expect(later.links.some((l) => l.type === 'decision' && l.id === earlier.id)).toBe(true);
    // Snapshots show the situation growing: a later decision saw more of the record.
    const byTime = [...decisions].sort((a, b) => a.decidedAt - b.decidedAt);
    expect(byTime.at(-1)!.snapshot.logEntries).toBeGreaterThan(byTime[0]!.snapshot.logEntries);

    expect((await t.call('integrity.verify', {})).ok).toBe(true);
    expect((await t.call('incident.verify', { incidentId })).ok).toBe(true);
  });

  it('reads as typed over the twenty hours: each record recorded at its own time in the story, never before it happened or after loading', async () => {
    const { t, incidentId } = await loadDemo();
    const { incident } = await t.call('incident.get', { id: incidentId });
    const items = await timeline(t, incidentId);
    for (const i of items) {
      expect(i.recordedAt, i.summary).toBeGreaterThanOrEqual(i.occurredAt);
      expect(i.recordedAt, i.summary).toBeLessThanOrEqual(NOW);
    }
    // Entries typed as they happened are not late (the story has a couple typed minutes after);
    // those typed in from phone or radio later are marked.
    const entries = kinds(items, 'entry');
    const direct = entries.filter((e) => e.source === 'direct' && !e.refId);
    expect(direct.length).toBeGreaterThan(10);
    expect(direct.filter((e) => e.transcribed).length).toBeLessThan(direct.length / 10);
    expect(entries.some((e) => e.transcribed && e.source !== 'direct')).toBe(true);
    expect(new Set(items.map((i) => i.recordedAt)).size).toBeGreaterThan(items.length / 2);
    expect(await t.call('integrity.verify', {})).toMatchObject({ ok: true });

    // The one true time is kept too: the audit entry of the load is stamped when it happened.
    const { entries: audit } = await t.call('audit.recent', { limit: 50 });
    expect(audit.find((a) => a.action === 'demo.loaded')!.recordedAt).toBe(NOW);
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'), { readonly: true });
    try {
      const oldest = db.prepare('SELECT min(recorded_at) AS t FROM request_events').get() as { t: number };
      expect(oldest.t).toBeGreaterThanOrEqual(incident.startedAt);
      expect(oldest.t).toBeLessThan(NOW - 10 * HOUR);
      // The directory and the caches were there before the requests that drew on them.
      for (const table of ['organisations', 'contacts', 'agreements', 'inventory']) {
        const entered = db.prepare(`SELECT max(created_at) AS t FROM ${table}`).get() as { t: number };
        expect(entered.t, table).toBeLessThan(incident.startedAt);
      }
    } finally {
      db.close();
    }
  });

  it('is the only code that may stamp a record with a time other than now', async () => {
    const { execFileSync } = await import('node:child_process');
    const users = execFileSync('git', ['grep', '-l', '-E', '\\.asOf\\(', '--', 'electron', 'shared', 'renderer'], { encoding: 'utf8' }).trim().split('\n');
    expect(users.length).toBeGreaterThan(0);
    expect(users.filter((f) => !f.startsWith('electron/backend/domains/demo/'))).toEqual([]);
  });

  it('is the same record every time for the same clock', async () => {
    const story = async () => {
      const { t, incidentId } = await loadDemo();
      return (await timeline(t, incidentId)).map((i) => [i.kind, i.occurredAt, i.operatorName, i.positionTitle, i.summary].join('|'));
    };
    const a = await story();
    expect(a.length).toBeGreaterThan(60);
    expect(await story()).toEqual(a);
  });

  it('still loads quickly', async () => {
    const { ms } = await loadDemo(Date.now);
    console.log(`demo.load took ${ms.toFixed(0)} ms`);
    // Generous: the machine running the tests may be busy; the load takes well under a second alone.
    expect(ms).toBeLessThan(10_000);
  });
});
