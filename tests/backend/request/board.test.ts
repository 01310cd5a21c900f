import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boardSql, boardWhere } from '../../../electron/backend/domains/request/board';
import { makeOrg, requestInput, signInAs, step, withIncident } from './fixtures';

const HOUR = 3_600_000;

async function boardFixture() {
  let now = Date.UTC(2026, 10, 1, 12);
  const t = await withIncident({ clock: () => now });
  const ltc = await makeOrg(t, 'Hilltop Care Center', { discipline: 'long_term_care' });
  const hosp = await makeOrg(t, 'Riverbend General Hospital');
  const mk = async (org: string, priority: 'urgent' | 'routine' | 'low', kind: string, submit = true) => {
    const { request } = await t.call('request.create', requestInput(t.incidentId, org, { priority, lines: [{ quantity: 10, kind, description: `${kind} for ward 3` }] }));
    if (submit) await step(t, 'HCCDO', { action: 'submit', id: request.id });
    now += 60_000;
    return request.id;
  };
  const a = await mk(ltc, 'routine', 'Surge cot');
  const b = await mk(hosp, 'urgent', 'Ventilator (portable)');
  const c = await mk(ltc, 'low', 'Face shield', false);
  const d = await mk(hosp, 'urgent', 'N95 respirator');
  await step(t, 'OSC', { action: 'approve', id: d });
  await signInAs(t, 'HCCDO');
  return { t, a, b, c, d, hosp, advance: (ms: number) => (now += ms), at: () => now };
}

describe('the request board', () => {
  it('lists open requests most urgent and oldest first, with age, time in status and next action owner', async () => {
    const { t, a, b, c, d } = await boardFixture();
    const r = await t.call('request.board', {});
    expect(r.rows.map((x) => x.id)).toEqual([b, d, a, c]);
    expect(r.total).toBe(4);
    expect(r.rows[0]).toMatchObject({ status: 'submitted', statusLabel: 'Awaiting approval', priority: 'urgent', flags: ['URGENT'], nextAction: { role: 'approver', roleLabel: 'Section chief' } });
    expect(r.rows[1]).toMatchObject({ status: 'resource_check', nextAction: { role: 'resource_unit' } });
    expect(r.rows[3]).toMatchObject({ status: 'draft', submittedAt: null, nextAction: { role: 'requestor' } });
    expect(r.rows[2]!.ageMs).toBeGreaterThan(r.rows[0]!.ageMs);
    expect(r.counts).toEqual({ urgent: 2, overdue: 0, byStatus: { submitted: 2, resource_check: 1, draft: 1 } });
  });

  it('sorts by any column either way', async () => {
    const { t, a, b, c, d } = await boardFixture();
    expect((await t.call('request.board', { sort: 'age' })).rows.map((x) => x.id)).toEqual([a, b, c, d]);
    expect((await t.call('request.board', { sort: 'age', direction: 'asc' })).rows.map((x) => x.id)).toEqual([d, c, b, a]);
    expect((await t.call('request.board', { sort: 'organisation' })).rows.map((x) => x.requestingOrganisationName)).toEqual([
      'Hilltop Care Center',
      'Hilltop Care Center',
      'Riverbend General Hospital',
      'Riverbend General Hospital',
    ]);
    expect((await t.call('request.board', { sort: 'status' })).rows.map((x) => x.status)).toEqual(['draft', 'submitted', 'submitted', 'resource_check']);
    expect((await t.call('request.board', { sort: 'number' })).rows.map((x) => x.number)).toEqual(['WS1-RR-0004', 'WS1-RR-0003', 'WS1-RR-0002', 'WS1-RR-0001']);
  });

  it('filters by status, priority, organisation, next action owner, and searches words', async () => {
    const { t, b, d } = await boardFixture();
    expect((await t.call('request.board', { statuses: ['submitted'], priorities: ['urgent'] })).rows.map((x) => x.id)).toEqual([b]);
    expect((await t.call('request.board', { nextActionRole: 'resource_unit' })).rows.map((x) => x.id)).toEqual([d]);
    const hosp = (await t.call('request.board', { search: 'riverbend' })).rows;
    expect(hosp.map((x) => x.id).sort()).toEqual([b, d].sort());
    expect((await t.call('request.board', { search: 'ventil ward' })).rows.map((x) => x.id)).toEqual([b]);
    expect((await t.call('request.board', { search: 'RR 0004' })).rows.map((x) => x.id)).toEqual([d]);
    expect((await t.call('request.board', { search: '"); DROP TABLE requests; --' })).total).toBe(0);
    expect((await t.call('request.board', { flag: 'urgent' })).total).toBe(2);
  });

  it('finds an organisation’s requests by its new name after a rename, and no longer by the old one', async () => {
    const { t, b, d } = await boardFixture();
    const hospId = (await t.call('request.board', { search: 'riverbend' })).rows[0]!.requestingOrganisationId;
    await t.call('directory.saveOrganisation', { id: hospId, name: 'Mercy Valley Medical Center', discipline: 'hospital', membership: 'core', town: 'Springfield', zip: '01103' });
    expect((await t.call('request.board', { search: 'mercy valley' })).rows.map((x) => x.id).sort()).toEqual([b, d].sort());
    expect((await t.call('request.board', { search: 'riverbend' })).total).toBe(0);
    expect((await t.call('request.board', { search: 'mercy valley' })).rows[0]!.requestingOrganisationName).toBe('Mercy Valley Medical Center');
    expect(await t.call('integrity.verify', {})).toMatchObject({ ok: true });
  });

  it('marks overdue requests in words, and filters by them', async () => {
    const { t, b, d, advance } = await boardFixture();
    advance(2 * HOUR);
    const r = await t.call('request.board', { flag: 'overdue' });
    expect(r.rows.map((x) => x.id).sort()).toEqual([b, d].sort());
    expect(r.rows[0]!.flags).toEqual(['URGENT', 'OVERDUE']);
    expect(r.rows.find((x) => x.id === b)!.overdueReason).toMatch(/^2 h \d+ min in "Awaiting approval"; urgent requests should move within 1 h$/);
    expect(r.counts.overdue).toBe(2);
    advance(3 * HOUR);
    expect((await t.call('request.board', { flag: 'overdue' })).total).toBe(3);
  });

  it('counts as submitted only the open requests sent to someone: drafts are in neither the rows, the total nor the urgent count', async () => {
    const { t, a, b, c, d, hosp } = await boardFixture();
    // An urgent draft besides the routine one: the situation board once counted both as open.
    const { request: e } = await t.call('request.create', requestInput(t.incidentId, hosp, { priority: 'urgent', lines: [{ quantity: 2, kind: 'Ventilator (portable)', description: 'Not yet sent' }] }));
    const open = await t.call('request.board', { incidentId: t.incidentId, scope: 'open' });
    expect(open.total).toBe(5);
    expect(open.counts).toMatchObject({ urgent: 3, byStatus: { draft: 2 } });
    const sent = await t.call('request.board', { incidentId: t.incidentId, scope: 'submitted' });
    expect(sent.rows.map((x) => x.id)).toEqual([b, d, a]);
    expect(sent.total).toBe(3);
    expect(sent.counts).toEqual({ urgent: 2, overdue: 0, byStatus: { submitted: 2, resource_check: 1 } });
    // The drafts, said apart on the board, are the rest of the open ones.
    const drafts = await t.call('request.board', { incidentId: t.incidentId, scope: 'open', statuses: ['draft'] });
    expect(drafts.rows.map((x) => x.id).sort()).toEqual([c, e.id].sort());
    // Once submitted, a draft counts.
    await step(t, 'HCCDO', { action: 'submit', id: e.id });
    expect((await t.call('request.board', { incidentId: t.incidentId, scope: 'submitted' })).total).toBe(4);
  });

  it('moves closed, denied and cancelled requests off the open board', async () => {
    const { t, a, b } = await boardFixture();
    await step(t, 'OSC', { action: 'deny', id: a, reason: 'Not needed' });
    await step(t, 'HCCDO', { action: 'cancel', id: b, reason: 'Resolved' });
    expect((await t.call('request.board', {})).total).toBe(2);
    expect((await t.call('request.board', { scope: 'closed' })).rows.map((x) => x.status).sort()).toEqual(['cancelled', 'denied']);
    expect((await t.call('request.board', { scope: 'all' })).total).toBe(4);
  });

  it('answers the default board and its count from indexes, not a scan of every request', async () => {
    const { t } = await boardFixture();
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'), { readonly: true });
    try {
      const plan = (sql: string, p: Record<string, unknown>) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(p) as { detail: string }[]).map((r) => r.detail).join(' | ');
      const base = { scope: 'open' as const, sort: 'priority' as const, limit: 200, offset: 0 };
      const q1 = boardSql(base, Date.now());
      const p1 = plan(q1.sql, q1.p);
      expect(p1).toMatch(/SEARCH r USING INDEX requests_board \(is_open=\?\)/);
      expect(p1).not.toMatch(/SCAN r\b/);
      expect(p1).not.toContain('USE TEMP B-TREE FOR ORDER BY');
      const q2 = boardSql({ ...base, incidentId: '01a21000-0000-7000-8000-000000000000' }, Date.now());
      expect(plan(q2.sql, q2.p)).toMatch(/SEARCH r USING INDEX requests_incident_board \(incident_id=\? AND is_open=\?\)/);
      const w = boardWhere(base, Date.now());
      expect(plan(`SELECT count(*) FROM requests r WHERE ${w.where}`, w.p)).toMatch(/SEARCH r USING COVERING INDEX requests_\w+ \(is_open=\?\)/);
      const c = boardWhere(base, Date.now(), { forCounts: true });
      expect(plan(`SELECT r.status, count(*) FROM requests r WHERE ${c.where} GROUP BY r.status`, c.p)).toMatch(/SEARCH r USING COVERING INDEX requests_counts \(is_open=\?\)/);
      // Searching starts from the full-text index and looks requests up by id.
      const q3 = boardSql({ ...base, search: 'ventilator' }, Date.now());
      const p3 = plan(q3.sql, q3.p);
      expect(p3).toMatch(/SEARCH r USING INDEX sqlite_autoindex_requests_1 \(id=\?\)/);
      expect(p3).toMatch(/SCAN requests_fts VIRTUAL TABLE INDEX 0:M/);
    } finally {
      db.close();
    }
  });
});
