import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOUR, incidentFixture } from '../incident/fixtures';
import { snapshotCounts } from '../helpers/snapshot';
import { openReadyBackend } from '../helpers/backend';

describe('the ICS 214 activity log', () => {
  it('records an entry in the operator’s own log, now, typed directly', async () => {
    const { t, incident, positions } = await incidentFixture();
    const before = Date.now();
    const e = await t.call('log.append', { incidentId: incident.id, category: 'Situation', text: 'Mercy General on generator power' });
    expect(e).toMatchObject({
      positionId: positions.get('HCCDO')!.id,
      positionTitle: 'Coalition Duty Officer',
      operatorName: 'Dana Duty',
      operatorPositionTitle: 'Coalition Duty Officer',
      source: 'direct',
      transcribed: false,
      correctsId: null,
      correctedById: null,
      significance: 'none',
    });
    expect(e.occurredAt).toBeGreaterThanOrEqual(before);
    expect(e.recordedAt).toBe(e.occurredAt);
  });

  it('files each entry under the position signed in at the time: after a handover the next, after sign-out none', async () => {
    const { t, incident, positions } = await incidentFixture();
    const first = await t.call('log.append', { incidentId: incident.id, category: 'Situation', text: 'Shift starts' });
    expect(first).toMatchObject({ positionId: positions.get('HCCDO')!.id, operatorName: 'Dana Duty' });
    await t.call('session.signIn', { operatorName: 'Sam Situation', positionId: positions.get('SITL')!.id });
    const second = await t.call('log.append', { incidentId: incident.id, category: 'Situation', text: 'Handover taken' });
    expect(second).toMatchObject({ positionId: positions.get('SITL')!.id, positionCode: 'SITL', operatorName: 'Sam Situation', operatorPositionTitle: 'Situation Unit Leader' });
    await t.call('session.signOut', {});
    expect(await t.raw('log.append', { incidentId: incident.id, category: 'Situation', text: 'Nobody on duty' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers an append with the entry exactly as it reads back, for its own position and for another given', async () => {
    const { t, incident, positions } = await incidentFixture();
    const own = await t.call('log.append', { incidentId: incident.id, category: 'Situation', text: 'Mercy General on generator power' });
    expect((await t.call('log.get', { id: own.id })).entry).toEqual(own);
    const other = await t.call('log.append', {
      incidentId: incident.id,
      positionId: positions.get('PIO')?.id ?? [...positions.values()].find((p) => p.code !== 'HCCDO')!.id,
      category: 'Communications',
      text: 'St. Luke reports 6 ICU beds',
      occurredAt: Date.now() - 40 * 60_000,
      source: 'radio',
      heardFrom: '  St. Luke charge nurse  ',
    });
    expect((await t.call('log.get', { id: other.id })).entry).toEqual(other);
  });

  it('marks an entry transcribed from radio with the time it actually happened', async () => {
    const { t, incident } = await incidentFixture();
    const said = Date.now() - 40 * 60_000;
    const e = await t.call('log.append', { incidentId: incident.id, category: 'Communications', text: 'St. Luke reports 6 ICU beds', occurredAt: said, source: 'radio' });
    expect(e).toMatchObject({ occurredAt: said, source: 'radio', transcribed: true });
    expect(e.recordedAt).toBeGreaterThan(said);
  });

  it('marks a late entry as transcribed even when typed by the person who did it', async () => {
    const { t, incident } = await incidentFixture();
    const e = await t.call('log.append', { incidentId: incident.id, category: 'General', text: 'Called the state duty officer', occurredAt: Date.now() - 15 * 60_000 });
    expect(e).toMatchObject({ source: 'direct', transcribed: true });
  });

  it('writes into another position’s log when asked', async () => {
    const { t, incident, positions } = await incidentFixture();
    const e = await t.call('log.append', { incidentId: incident.id, positionId: positions.get('SITL')!.id, category: 'Situation', text: 'Bed poll sent' });
    expect(e.positionCode).toBe('SITL');
    expect(e.operatorPositionTitle).toBe('Coalition Duty Officer');
  });

  it('refuses a time in the future and says what is wrong', async () => {
    const { t, incident } = await incidentFixture();
    const r = await t.raw('log.append', { incidentId: incident.id, category: 'General', text: 'x', occurredAt: Date.now() + 2 * HOUR });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/is in the future; it is now .* Check the date and time/) } });
  });

  it('refuses entries in a closed incident and names it', async () => {
    const { t, incident } = await incidentFixture({ name: 'Ice storm' });
    await t.call('incident.close', { id: incident.id });
    const r = await t.raw('log.append', { incidentId: incident.id, category: 'General', text: 'late' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('Incident "Ice storm" is closed') } });
  });

  it('imports a paper log all at once, marked with its source', async () => {
    const { t, incident } = await incidentFixture();
    const at = Date.now() - 3 * HOUR;
    const r = await t.call('log.import', {
      incidentId: incident.id,
      source: 'paper',
      entries: [
        { occurredAt: at, category: 'General', text: 'EOC opened' },
        { occurredAt: at, category: 'General', text: 'Same minute, second line' },
        { occurredAt: at + 60_000, category: 'Staffing', text: 'Logistics chief arrived' },
      ],
    });
    expect(r.imported).toBe(3);
    const { entries } = await t.call('log.list', { incidentId: incident.id });
    expect(entries.map((e) => e.text)).toEqual(['EOC opened', 'Same minute, second line', 'Logistics chief arrived']);
    expect(entries.every((e) => e.source === 'paper' && e.transcribed)).toBe(true);
  });

  it('imports nothing when one entry is wrong', async () => {
    const { t, incident, dataDirCounts } = await withCounts();
    const before = dataDirCounts();
    const r = await t.raw('log.import', {
      incidentId: incident.id,
      source: 'paper',
      entries: [
        { occurredAt: Date.now() - HOUR, category: 'General', text: 'fine' },
        { occurredAt: Date.now() + 3 * HOUR, category: 'General', text: 'typo in the date' },
      ],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining("Entry 2's time") } });
    expect(dataDirCounts()).toEqual(before);
  });

  it('refuses an import that claims to be typed directly', async () => {
    const { t, incident } = await incidentFixture();
    const r = await t.raw('log.import', { incidentId: incident.id, source: 'direct', entries: [{ occurredAt: Date.now(), category: 'x', text: 'y' }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('Imported entries need their source') } });
  });

  async function withCounts() {
    const f = await incidentFixture();
    return { ...f, dataDirCounts: () => snapshotCounts(f.t.dataDir) };
  }
});

describe('corrections', () => {
  it('never change the original: the correction is a new entry and both stay visible', async () => {
    const { t, incident } = await incidentFixture();
    const original = await t.call('log.append', { incidentId: incident.id, category: 'Situation', text: 'Mercy General evacuating 45 patients' });
    const { original: after, correction } = await t.call('log.correct', { entryId: original.id, text: 'Mercy General evacuating 54 patients' });

    expect(after).toEqual({ ...original, correctedById: correction.id });
    expect(correction).toMatchObject({ correctsId: original.id, text: 'Mercy General evacuating 54 patients', occurredAt: original.occurredAt, category: 'Situation' });

    const { entries } = await t.call('log.list', { incidentId: incident.id });
    expect(entries.map((e) => e.text)).toEqual(['Mercy General evacuating 45 patients', 'Mercy General evacuating 54 patients']);
    const { chain } = await t.call('log.get', { id: correction.id });
    expect(chain.map((e) => e.id)).toEqual([original.id, correction.id]);
    const page = await t.call('timeline.page', { incidentId: incident.id, filters: { kinds: ['entry'] } });
    expect(page.items.find((i) => i.id === original.id)).toMatchObject({ replaced: true, summary: 'Mercy General evacuating 45 patients' });
    expect(page.items.find((i) => i.id === correction.id)).toMatchObject({ replaced: false, refId: original.id });

    // And the stored row is byte for byte what was first written.
    await t.backend.close();
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'), { readonly: true });
    const row = db.prepare('SELECT text, category, occurred_at, recorded_at FROM log_entries WHERE id = ?').get(original.id);
    db.close();
    expect(row).toEqual({ text: original.text, category: 'Situation', occurred_at: original.occurredAt, recorded_at: original.recordedAt });
  });

  it('refuse a second correction of the same entry: the correction is corrected instead', async () => {
    const { t, incident } = await incidentFixture();
    const e = await t.call('log.append', { incidentId: incident.id, category: 'General', text: 'first' });
    const { correction } = await t.call('log.correct', { entryId: e.id, text: 'second' });
    const r = await t.raw('log.correct', { entryId: e.id, text: 'third' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('already corrected'), details: { correctedById: correction.id } } });
    const { correction: again } = await t.call('log.correct', { entryId: correction.id, text: 'third' });
    const { chain } = await t.call('log.get', { id: e.id });
    expect(chain.map((c) => c.text)).toEqual(['first', 'second', 'third']);
    expect(again.correctsId).toBe(correction.id);
  });

  it('refuse a correction identical to the entry', async () => {
    const { t, incident } = await incidentFixture();
    const e = await t.call('log.append', { incidentId: incident.id, category: 'General', text: 'same' });
    const r = await t.raw('log.correct', { entryId: e.id, text: 'same' });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('same as the entry') } });
  });

  it('can fix the time and keep the source of a transcribed entry', async () => {
    const { t, incident } = await incidentFixture();
    const e = await t.call('log.append', { incidentId: incident.id, category: 'Communications', text: 'Radio check', occurredAt: Date.now() - HOUR, source: 'radio' });
    const { correction } = await t.call('log.correct', { entryId: e.id, text: 'Radio check', occurredAt: e.occurredAt - 10 * 60_000 });
    expect(correction).toMatchObject({ source: 'radio', transcribed: true, occurredAt: e.occurredAt - 10 * 60_000 });
  });

  it('a correction made later is a correction, not a late entry: it keeps the original’s mark', async () => {
    let now = Date.now();
    const t = await openReadyBackend({ clock: () => now });
    const { levels } = await t.call('incident.levels', {});
    const { incident } = await t.call('incident.create', { name: 'Ice storm', exercise: false, activationLevelId: levels[0]!.id });
    const e = await t.call('log.append', { incidentId: incident.id, category: 'General', text: 'Shelter opened at 14:00' });
    now += 40 * 60_000;
    const { correction } = await t.call('log.correct', { entryId: e.id, text: 'Shelter opened at 14:10' });
    expect(correction).toMatchObject({ source: 'direct', transcribed: false });
    const page = await t.call('timeline.page', { incidentId: incident.id, filters: { kinds: ['entry'] } });
    expect(page.items.find((i) => i.id === correction.id)).toMatchObject({ transcribed: false, refId: e.id });
  });
});
