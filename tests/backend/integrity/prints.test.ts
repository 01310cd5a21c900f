import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWitnessLine } from '../../../electron/backend/integrity/witnesses';
import { verifyStore } from '../../../electron/backend/integrity/verify';
import { incidentFixture } from '../incident/fixtures';
import { pdfPagesText } from '../export/pdf-text';
import { asAttacker } from './demo-store';

const pdfText = async (base64: string) => (await pdfPagesText(Buffer.from(base64, 'base64'))).join('\n');

describe('prints and exports as witnesses', () => {
  it('print the chain head signed as they are made in every footer and manifest; read back, it verifies the store', async () => {
    const { t, incident, period, positions } = await incidentFixture();
    const sitl = positions.get('SITL')!.id;
    await t.call('log.append', { incidentId: incident.id, positionId: sitl, category: 'Situation', text: 'Bed poll sent' });
    const r = await t.call('export.activityLog', { incidentId: incident.id, positionId: sitl, periodId: period.id });
    const head = r.manifest.chainHead!;
    expect(head.line).toMatch(/^Chain head \d+ · [0-9A-F]{4}( [0-9A-F]{4}){3} · key ([0-9A-F]{4} ){5}[0-9A-F]{4}$/);
    const text = await pdfText(r.base64);
    expect(text.replace(/\s+/g, ' ')).toContain(head.line.replace(/\s+/g, ' '));
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'), { readonly: true });
    try {
      expect(verifyStore(db, { witnesses: [parseWitnessLine(head.line)] }).problems).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('print a record that failed the integrity check marked as such, on the ICS 214 and in the timeline CSV', async () => {
    const { t, incident, period, positions } = await incidentFixture();
    const sitl = positions.get('SITL')!.id;
    const entry = await t.call('log.append', { incidentId: incident.id, positionId: sitl, category: 'Situation', text: 'Bed poll sent' });
    await t.call('log.append', { incidentId: incident.id, positionId: sitl, category: 'Situation', text: 'Untouched entry' });
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    asAttacker(db, ['log_entries'], () => db.prepare("UPDATE log_entries SET text = 'Bed poll never sent' WHERE id = ?").run(entry.id));
    db.close();
    expect((await t.call('integrity.verify', {})).ok).toBe(false);

    const text = (await pdfText((await t.call('export.activityLog', { incidentId: incident.id, positionId: sitl, periodId: period.id })).base64)).replace(/\s+/g, ' ');
    expect(text).toMatch(/\[Situation\] \[FAILED INTEGRITY CHECK: changed or removed outside the console\] Bed poll never sent/);
    expect(text).toContain('20:51 [Situation] Untouched entry'.slice(6));
    expect(text.match(/FAILED INTEGRITY CHECK/g)).toHaveLength(1);
    const csv = Buffer.from((await t.call('export.timelineCsv', { incidentId: incident.id, filters: {} })).base64, 'base64').toString('utf8');
    expect(csv).toContain('[FAILED INTEGRITY CHECK: changed or removed outside the console] Bed poll never sent');
  });
});
