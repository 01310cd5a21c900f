import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../helpers/backend';
import { incidentFixture } from '../incident/fixtures';

const base = {
  title: 'Move ICU patients first',
  decision: 'Transfer the 12 ICU patients to St. Luke and Valley Regional before medical-surgical patients',
  options: [
    { text: 'Shelter in place on generator power', chosen: false },
    { text: 'Transfer ICU patients first', chosen: true },
  ],
  rationale: 'Generator fuel for 6 hours; ICU patients depend on power',
  authority: 'Coalition Response Plan, annex C (patient movement)',
};

describe('the decision log', () => {
  it('records who decided what, why, under which authority, with the situation at that moment', async () => {
    const { t, incident, period, signInAs } = await incidentFixture();
    const entry = await t.call('log.append', { incidentId: incident.id, category: 'Facility status', text: 'Mercy General generator at 6 hours of fuel' });
    const message = await t.call('message.record', { incidentId: incident.id, direction: 'in', via: 'phone', toName: 'Dana', toPosition: 'Duty Officer', fromName: 'Sam', fromPosition: 'Mercy IC', subject: 'ICU on generator', body: '12 ICU patients' });
    await t.call('log.proposeSignificant', { entryId: entry.id });
    await signInAs('IC', 'Irene Commander');
    const d = await t.call('decision.record', { incidentId: incident.id, ...base, links: [{ type: 'entry', id: entry.id }, { type: 'message', id: message.id }] });
    expect(d).toMatchObject({
      madeByName: 'Irene Commander',
      madeByPositionTitle: 'Incident Commander',
      operatorName: 'Irene Commander',
      options: base.options,
      supersedesId: null,
      supersededById: null,
      links: [
        { type: 'entry', id: entry.id, label: 'Mercy General generator at 6 hours of fuel' },
        { type: 'message', id: message.id, label: 'ICS 213: ICU on generator' },
      ],
    });
    expect(d.snapshot).toMatchObject({
      activationLevel: 'Full activation',
      currentPeriod: { id: period.id, number: 1 },
      logEntries: 1,
      logEntriesLastHour: 1,
      significantEvents: 0,
      pendingProposals: 1,
      messages: 1,
      decisionsInForce: 0,
    });
  });

  it('records a decision made by someone else, at an earlier time', async () => {
    const { t, incident, positions } = await incidentFixture();
    const at = Date.now() - 20 * 60_000;
    const d = await t.call('decision.record', { incidentId: incident.id, ...base, madeByName: 'Dr. Rivera', madeByPositionId: positions.get('MEDCARE')!.id, decidedAt: at });
    expect(d).toMatchObject({ madeByName: 'Dr. Rivera', madeByPositionTitle: 'Medical Care Branch Director', decidedAt: at, operatorName: 'Dana Duty' });
  });

  it('is superseded by a later decision, never edited; superseding twice is refused', async () => {
    const { t, incident } = await incidentFixture();
    const first = await t.call('decision.record', { incidentId: incident.id, ...base });
    const second = await t.call('decision.record', { incidentId: incident.id, ...base, title: 'Move all patients at once', supersedesId: first.id });
    const r = await t.raw('decision.record', { incidentId: incident.id, ...base, title: 'Third', supersedesId: first.id });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('"Move ICU patients first" was already superseded by "Move all patients at once"'), details: { supersededById: second.id } },
    });
    const { decision, chain } = await t.call('decision.get', { id: first.id });
    expect(decision).toEqual({ ...first, supersededById: second.id });
    expect(chain.map((c) => c.id)).toEqual([first.id, second.id]);
    expect((await t.call('decision.list', { incidentId: incident.id, includeSuperseded: false })).decisions.map((x) => x.id)).toEqual([second.id]);
    expect(second.snapshot.decisionsInForce).toBe(1);
    expect(await t.raw('decision.record', { incidentId: incident.id, ...base, extra: 'edit' })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('refuses more than one chosen option, links to another incident, and unknown links', async () => {
    const { t, incident } = await incidentFixture();
    const other = await t.call('incident.create', { name: 'Other', exercise: false, activationLevelId: incident.activationLevelId });
    const foreign = await t.call('log.append', { incidentId: other.incident.id, category: 'General', text: 'elsewhere' });
    expect(await t.raw('decision.record', { incidentId: incident.id, ...base, options: base.options.map((o) => ({ ...o, chosen: true })) })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'Mark at most one option as the one chosen' },
    });
    expect(await t.raw('decision.record', { incidentId: incident.id, ...base, links: [{ type: 'entry', id: foreign.id }] })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'Link 1: that entry belongs to another incident' },
    });
    expect(await t.raw('decision.record', { incidentId: incident.id, ...base, links: [{ type: 'message', id: foreign.id }] })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'Link 1: that message was not found' },
    });
  });

  it('cannot be altered in the store', async () => {
    const { t, incident } = await incidentFixture();
    const d = await t.call('decision.record', { incidentId: incident.id, ...base });
    await t.backend.close();
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    expect(() => db.prepare("UPDATE decisions SET rationale = 'changed' WHERE id = ?").run(d.id)).toThrow(/record of fact/);
    db.close();
    const again = await openBackend({ dataDir: t.dataDir });
    expect((await again.call('decision.get', { id: d.id })).decision.rationale).toBe(base.rationale);
  });
});

describe('the situation snapshot', () => {
  it('is taken as of the time the decision was made, not when it was typed in', async () => {
    const { t, incident, signInAs } = await incidentFixture();
    const now = Date.now();
    const at = now - 90 * 60_000;
    await t.call('log.append', { incidentId: incident.id, category: 'General', text: 'Before the decision', occurredAt: now - 100 * 60_000 });
    await t.call('log.append', { incidentId: incident.id, category: 'General', text: 'After the decision' });
    await t.call('message.record', { incidentId: incident.id, direction: 'in', via: 'phone', toName: 'Dana', toPosition: 'Duty Officer', fromName: 'Sam', fromPosition: 'Mercy IC', subject: 'Later', body: 'After the decision' });
    const earlier = await t.call('decision.record', { incidentId: incident.id, ...base, title: 'Later decision, recorded first' });
    await signInAs('HCCDO', 'Dana Duty');
    const d = await t.call('decision.record', { incidentId: incident.id, ...base, decidedAt: at });
    expect(d.snapshot).toMatchObject({ capturedAt: at, logEntries: 1, messages: 0, decisionsInForce: 0, currentPeriod: { number: 1 } });
    expect(earlier.snapshot).toMatchObject({ logEntries: 2, messages: 1 });
  });
});
