import { describe, expect, it } from 'vitest';
import { snapshotCounts } from '../helpers/snapshot';
import { makeOrg, requestInput, step, withIncident } from '../request/fixtures';

const HEADER = 'organisation,discipline,town,contact_name,phone_24_7';

describe('the text rule at the backend and in imports', () => {
  it('refuses a log entry with a bidi override, naming the field and the character, and stores nothing', async () => {
    const t = await withIncident();
    const before = snapshotCounts(t.dataDir);
    const r = await t.raw('log.append', { incidentId: t.incidentId, category: 'General', text: 'Pay invoice\u202E 0001 \u202C' });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(JSON.stringify(r)).toMatch(/Entry text contains U\+202E \(right-to-left override\)/);
    expect(snapshotCounts(t.dataDir)).toEqual(before);
  });

  it('stores a pasted line with its trailing CR stripped', async () => {
    const t = await withIncident();
    const entry = await t.call('log.append', { incidentId: t.incidentId, category: 'General', text: 'Radio check ok\r\n' });
    expect(entry.text).toBe('Radio check ok');
  });

  it('reports a control character in a directory CSV cell as a row error naming the column and character', async () => {
    const t = await withIncident();
    const csv = [HEADER, 'Ware Clinic,Hospital,Ware,Ann\u0007 Low,413-555-0101', 'Palmer Home,Hospital,Pal\u2067mer,,'].join('\r\n');
    const p = await t.call('directory.importPreview', { csv });
    expect(p.canCommit).toBe(false);
    expect(p.rows.map((r) => r.errors.map((e) => `${e.column}: ${e.message}`))).toEqual([
      ['contact_name: Contact name contains U+0007 (bell) at character 4; remove it, it cannot be stored'],
      ['town: Town contains U+2067 (right-to-left isolate) at character 4; remove it, it cannot be stored'],
    ]);
  });

  it('refuses a status file carrying a bidi override, naming the line and the character, and imports nothing', async () => {
    const t = await withIncident();
    const before = snapshotCounts(t.dataDir);
    const csv = ['organisation,reported_at,beds_medsurg', 'Ware Clinic,2026-01-01 10:00,4', 'Palmer\u202E Home,2026-01-01 10:00,2'].join('\r\n');
    const r = await t.raw('status.importPreview', { format: 'csv', text: csv });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(JSON.stringify(r)).toMatch(/Line 3 of the file contains U\+202E \(right-to-left override\) at character 7/);
    expect(snapshotCounts(t.dataDir)).toEqual(before);
  });

  it('refuses an EDXL-RM message carrying a bidi override, naming the element, and imports nothing', async () => {
    const t = await withIncident();
    const ltc = await makeOrg(t, 'Hilltop Care Center', { discipline: 'long_term_care' });
    const { request } = await t.call('request.create', requestInput(t.incidentId, ltc, { lines: [{ quantity: 2, kind: 'Surge cot' }] }));
    await step(t, 'HCCDO', { action: 'submit', id: request.id });
    const { messages } = await t.call('edxl.exportRequest', { requestId: request.id, envelope: false });
    const xml = messages[0]!.xml.replace('Surge cot', 'Surge\u202Etoc');
    const before = snapshotCounts(t.dataDir);
    const r = await t.raw('edxl.importRequestResource', { xml, incidentId: t.incidentId });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(r.ok ? '' : r.error.message).toMatch(/^The message's Resource\/Name contains U\+202E \(right-to-left override\).*nothing was imported$/);
    expect(snapshotCounts(t.dataDir)).toEqual(before);
  });
});
