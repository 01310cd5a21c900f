import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReadyBackend } from '../helpers/backend';
import { HOUR, incidentFixture } from './fixtures';

describe('incidents', () => {
  it('come from a template with its hazard, checklists, objectives and positions to staff', async () => {
    const { t, incident, period } = await incidentFixture();
    const { templates } = await t.call('incident.templates', {});
    const template = templates.find((x) => x.id === incident.templateId)!;
    expect(incident).toMatchObject({ status: 'open', exercise: false, hazardType: template.hazardType, activationLevelName: 'Full activation' });
    expect(period.number).toBe(1);
    expect(period.objectives.map((o) => o.text)).toEqual(template.objectives);
    expect(period.staffing.map((s) => s.positionCode).sort()).toEqual([...template.positionCodes].sort());
    expect(period.staffing.every((s) => s.holderName === null)).toBe(true);
    const { items } = await t.call('incident.checklists', { incidentId: incident.id });
    expect(items.length).toBe(template.checklists.reduce((n, c) => n + c.items.length, 0));
    expect(items.every((i) => !i.done && i.ticks.length === 0)).toBe(true);
  });

  it('can be created from scratch, with no period yet', async () => {
    const t = await openReadyBackend();
    const { levels } = await t.call('incident.levels', {});
    const { incident, period } = await t.call('incident.create', { name: 'Water main break', exercise: false, activationLevelId: levels[0]!.id });
    expect(period).toBeNull();
    expect(incident).toMatchObject({ templateId: null, hazardType: '', activationLevelName: 'Monitoring' });
    expect((await t.call('incident.get', { id: incident.id })).currentPeriod).toBeNull();
  });

  it('become the workstation’s active incident when created, and can be switched', async () => {
    const { t, incident, period } = await incidentFixture();
    const active = await t.call('incident.active', {});
    expect(active.incident?.id).toBe(incident.id);
    expect(active.currentPeriod?.id).toBe(period.id);
    const other = await incidentFixture();
    expect((await other.t.call('incident.setActive', { incidentId: null })).incidentId).toBeNull();
    expect((await other.t.call('incident.active', {})).incident).toBeNull();
  });

  it('keep several open at once', async () => {
    const { t } = await incidentFixture({ name: 'First' });
    const { levels } = await t.call('incident.levels', {});
    await t.call('incident.create', { name: 'Second', exercise: true, activationLevelId: levels[0]!.id });
    const { incidents } = await t.call('incident.list', { status: 'open' });
    expect(incidents.map((i) => i.name).sort()).toEqual(['First', 'Second']);
  });

  it('never change their exercise flag, even from outside the console', async () => {
    const { t, incident } = await incidentFixture({ exercise: true });
    const r = await t.raw('incident.update', { id: incident.id, exercise: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    await t.backend.close();
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    expect(() => db.prepare('UPDATE incidents SET exercise = 0 WHERE id = ?').run(incident.id)).toThrow(/exercise is fixed at creation/);
    db.close();
  });

  it('close with their open period, refuse closing twice, and reopen with a reason', async () => {
    const { t, incident, period } = await incidentFixture({ name: 'Heat wave' });
    const closed = await t.call('incident.close', { id: incident.id, note: 'Stood down' });
    expect(closed).toMatchObject({ status: 'closed', closingNote: 'Stood down' });
    const p = (await t.call('incident.periods', { incidentId: incident.id })).periods[0]!;
    expect(p).toMatchObject({ id: period.id, status: 'closed', endsAt: closed.closedAt });
    expect(await t.raw('incident.close', { id: incident.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('"Heat wave" is already closed') } });
    const reopened = await t.call('incident.reopen', { id: incident.id, reason: 'Second wave forecast' });
    expect(reopened).toMatchObject({ status: 'open', closedAt: null });
    expect(await t.raw('incident.reopen', { id: incident.id, reason: 'again' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuse a start time in the future', async () => {
    const t = await openReadyBackend();
    const { levels } = await t.call('incident.levels', {});
    const r = await t.raw('incident.create', { name: 'x', exercise: false, activationLevelId: levels[0]!.id, startedAt: Date.now() + 2 * HOUR });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('is in the future') } });
  });

  it('record a change of activation level in the audit trail', async () => {
    const { t, incident } = await incidentFixture();
    const { levels } = await t.call('incident.levels', {});
    await t.call('incident.update', { id: incident.id, activationLevelId: levels[0]!.id });
    const { entries } = await t.call('audit.recent', { limit: 5 });
    expect(entries.find((e) => e.action === 'incident.levelChanged')?.detail).toMatchObject({ from: 'Full activation', to: 'Monitoring' });
  });
});

describe('activation levels', () => {
  it('are seeded as Monitoring, Partial and Full activation with the same ids everywhere', async () => {
    const a = await openReadyBackend();
    const b = await openReadyBackend();
    const la = (await a.call('incident.levels', {})).levels;
    expect(la.map((l) => l.name)).toEqual(['Monitoring', 'Partial activation', 'Full activation']);
    expect((await b.call('incident.levels', {})).levels).toEqual(la);
    expect((await b.call('incident.templates', {})).templates.map((x) => x.id)).toEqual((await a.call('incident.templates', {})).templates.map((x) => x.id));
  });

  it('are the coalition’s to edit, with names kept unique', async () => {
    const t = await openReadyBackend();
    const added = await t.call('incident.saveLevel', { name: 'Enhanced monitoring', rank: 1, description: 'Duty officer plus planning' });
    expect((await t.call('incident.levels', {})).levels.map((l) => l.name)).toContain('Enhanced monitoring');
    expect(await t.raw('incident.saveLevel', { name: 'monitoring', rank: 5 })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('already an activation level named "Monitoring"') } });
    await t.call('incident.saveLevel', { id: added.id, name: 'Enhanced monitoring (24/7)', rank: 1 });
    expect((await t.call('incident.removeLevel', { id: added.id })).removed).toBe(true);
    expect((await t.call('incident.levels', {})).levels.map((l) => l.name)).not.toContain('Enhanced monitoring (24/7)');
  });

  it('cannot be removed while an open incident uses them', async () => {
    const { t, incident } = await incidentFixture({ name: 'Flood' });
    const r = await t.raw('incident.removeLevel', { id: incident.activationLevelId });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('open incident "Flood"') } });
  });
});

describe('integrity of an incident', () => {
  it('reports the incident’s own records only, and names a tampered one', async () => {
    const { t, incident } = await incidentFixture();
    const other = await t.call('incident.create', { name: 'Other', exercise: false, activationLevelId: incident.activationLevelId });
    const mine = await t.call('log.append', { incidentId: incident.id, category: 'General', text: 'mine' });
    const theirs = await t.call('log.append', { incidentId: other.incident.id, category: 'General', text: 'theirs' });
    expect(await t.call('incident.verify', { incidentId: incident.id })).toMatchObject({ ok: true, incidentRecords: 1 });
    await t.backend.close();
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    db.exec('DROP TRIGGER log_entries_no_update');
    db.prepare("UPDATE log_entries SET text = 'edited' WHERE id IN (?, ?)").run(mine.id, theirs.id);
    db.close();
    const { openBackend } = await import('../helpers/backend');
    const again = await openBackend({ dataDir: t.dataDir });
    const r = await again.call('incident.verify', { incidentId: incident.id });
    expect(r.ok).toBe(false);
    expect(r.problems.filter((p) => p.kind === 'altered')).toEqual([expect.objectContaining({ table: 'log_entries', rowId: mine.id })]);
    expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'guard', table: 'log_entries' })); // the dropped trigger
  });

  it('names a record of this incident deleted from the file, found through the timeline that still lists it', async () => {
    const { t, incident } = await incidentFixture();
    const other = await t.call('incident.create', { name: 'Other', exercise: false, activationLevelId: incident.activationLevelId });
    const mine = await t.call('log.append', { incidentId: incident.id, category: 'General', text: 'mine' });
    const theirs = await t.call('log.append', { incidentId: other.incident.id, category: 'General', text: 'theirs' });
    await t.backend.close();
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    db.exec('DROP TRIGGER log_entries_no_delete');
    db.prepare('DELETE FROM log_entries WHERE id IN (?, ?)').run(mine.id, theirs.id);
    db.close();
    const { openBackend } = await import('../helpers/backend');
    const again = await openBackend({ dataDir: t.dataDir });
    const r = await again.call('incident.verify', { incidentId: incident.id });
    expect(r.problems.filter((p) => p.kind === 'deleted')).toEqual([expect.objectContaining({ table: 'log_entries', rowId: mine.id })]);
  });
});
