import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { migrations } from '../../../electron/backend/db/migrations';
import { Writer } from '../../../electron/backend/db/writer';
import { activityText } from '../../../electron/backend/domains/export/ics214';
import { verifyStore } from '../../../electron/backend/integrity/verify';
import { CANONICAL_FORMS } from '../../../shared/domain/canonical-forms';
import { tempDir } from '../helpers/backend';
import { HOUR, incidentFixture } from '../incident/fixtures';

describe('who a radio or phone entry was heard from', () => {
  it('is kept apart from what was said, shown on the timeline, found by its name, printed on the ICS 214 and kept by a correction', async () => {
    const { t, incident } = await incidentFixture();
    const at = Date.now() - HOUR;
    await t.call('log.import', {
      incidentId: incident.id,
      source: 'radio',
      entries: [
        { occurredAt: at, category: 'Situation', text: 'En route to Baystate with two patients', heardFrom: '  Medic 12 ' },
        { occurredAt: at + 60_000, category: 'General', text: 'Radio check, all stations', heardFrom: '' },
      ],
    });
    const { entries } = await t.call('log.list', { incidentId: incident.id });
    const medic = entries.find((e) => e.text.startsWith('En route'))!;
    expect(medic).toMatchObject({ heardFrom: 'Medic 12', text: 'En route to Baystate with two patients', source: 'radio' });
    // Blank is nobody, not an empty name.
    expect(entries.find((e) => e.text.startsWith('Radio check'))!.heardFrom).toBeNull();

    const page = await t.call('timeline.page', { incidentId: incident.id, filters: { text: 'medic' } });
    expect(page.items.map((i) => i.summary)).toEqual(['From Medic 12: En route to Baystate with two patients']);
    expect(activityText(page.items[0]!, new Map(), 'America/New_York')).toContain('[Situation] From Medic 12: En route');

    const { correction } = await t.call('log.correct', { entryId: medic.id, text: 'En route to Mercy with two patients' });
    expect(correction.heardFrom).toBe('Medic 12');

    const typed = await t.call('log.append', { incidentId: incident.id, category: 'General', text: 'Told Medic 12 to divert', source: 'radio', heardFrom: 'Dispatch' });
    expect(typed.heardFrom).toBe('Dispatch');
  });

  it('refuses a name too long or with control characters, and records nothing', async () => {
    const { t, incident } = await incidentFixture();
    const before = (await t.call('log.list', { incidentId: incident.id })).entries.length;
    for (const heardFrom of ['x'.repeat(81), 'Medic\u000012', 'Medic \u202e21']) {
      const r = await t.raw('log.import', { incidentId: incident.id, source: 'radio', entries: [{ occurredAt: Date.now() - HOUR, category: 'General', text: 'ok', heardFrom }] });
      expect(r, JSON.stringify(heardFrom)).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('Heard from') } });
    }
    expect((await t.call('log.list', { incidentId: incident.id })).entries).toHaveLength(before);
  });

  it('is a new version of the entries’ canonical form: links hashed before the column still verify, new ones cover it', () => {
    const heard = migrations.find((m) => m.name === 'heard-from')!;
    const db = new Database(path.join(tempDir(), 'eoc.sqlite'));
    migrate(db, migrations.slice(0, heard.version - 1));
    const actor = { workstationId: 'ws-1', operatorName: 'Dana Duty', positionTitle: 'Coalition Duty Officer' };
    const entry = { occurred_at: 1_000, incident_id: 'inc-1', position_id: 'pos-1', category: 'General', text: 'before', source: 'radio', transcribed: 1, corrects_id: null };
    const forms = { ...CANONICAL_FORMS, log_entries: CANONICAL_FORMS.log_entries!.slice(0, -1) };
    new Writer(db, 'ws-1', () => 5_000, { forms }).transaction((tx) => tx.appendFact('log_entries', entry), actor);

    migrate(db);
    const newId = new Writer(db, 'ws-1', () => 6_000).transaction((tx) => tx.appendFact('log_entries', { ...entry, text: 'after', heard_from: 'Medic 12' }), actor).result;
    expect(verifyStore(db).problems).toEqual([]);
    const versions = db.prepare("SELECT canon_version AS v FROM fact_chain WHERE table_name = 'log_entries' ORDER BY seq").pluck().all();
    const newest = CANONICAL_FORMS.log_entries!.length;
    expect(versions).toEqual([newest - 1, newest]);

    // The name is covered by the chain: changed outside the console (its guard dropped, which
    // is reported too), the entry is found and named.
    db.exec('DROP TRIGGER log_entries_no_update');
    db.prepare("UPDATE log_entries SET heard_from = 'Medic 21' WHERE id = ?").run(newId);
    const altered = verifyStore(db).problems.filter((p) => p.kind === 'altered');
    expect(altered).toEqual([expect.objectContaining({ table: 'log_entries', rowId: newId })]);
    db.close();
  });
});
