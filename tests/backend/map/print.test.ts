import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { tinyPng } from './archives';
import { incidentFixture } from '../incident/fixtures';

describe('printing the map view', () => {
  it('makes one Letter page around the drawn view, marked exercise, and audits it', async () => {
    const f = await incidentFixture({ exercise: true, name: 'Ice storm drill' });
    for (const orientation of ['landscape', 'portrait'] as const) {
      const r = await f.t.call('map.printPdf', { title: 'Common operating picture', orientation, pngBase64: tinyPng(9).toString('base64'), incidentId: f.incident.id });
      expect(r.fileName).toMatch(/^EXERCISE-map-\d{4}-\d{2}-\d{2}-\d{4}Z\.pdf$/);
      const doc = await PDFDocument.load(Buffer.from(r.base64, 'base64'));
      expect(doc.getPageCount()).toBe(1);
      const { width, height } = doc.getPage(0).getSize();
      expect([width, height]).toEqual(orientation === 'landscape' ? [792, 612] : [612, 792]);
      expect(doc.getTitle()).toBe('Common operating picture');
      expect(doc.getSubject()).toMatch(/^EXERCISE - Map of Ice storm drill, printed /);
      const { entries } = await f.t.call('audit.recent', { limit: 1 });
      expect(entries[0]).toMatchObject({ action: 'map.printed', detail: { sha256: r.sha256, orientation } });
    }
  });

  it('refuses an image that is not a PNG', async () => {
    const f = await incidentFixture();
    expect(await f.t.raw('map.printPdf', { title: 'x', orientation: 'portrait', pngBase64: Buffer.from('GIF89a....').toString('base64') })).toMatchObject({ ok: false, error: { code: 'validation', message: 'The printed view must be a PNG image' } });
  });
});
