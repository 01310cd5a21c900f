import { describe, expect, it } from 'vitest';
import { FormWriter } from '../../../electron/backend/domains/export/pdf/form';
import { incidentFixture } from '../incident/fixtures';
import { pdfPagesText } from './pdf-text';

const form = () =>
  FormWriter.create({ title: 'TABLE TEST', formName: 'TEST', exercise: true, footer: 'footer', docTitle: 'Table test', author: 'test', createdAt: new Date(0), marks: ['DEMO DATA - FICTIONAL COALITION, NOT A REAL RECORD'] });

/** A row of 1 to 9 lines whose first and last lines name it: both must be on one page. */
const rowOf = (k: number) => [`T${k}`, [`Row${k}first`, ...Array.from({ length: k % 9 }, (_, j) => `filler ${j}`), `Row${k}last`].join('\n')];

/** The page (0-based) a drawn string is on, from the strings the writer keeps per page. */
const pageOf = (pages: string[][], s: string) => pages.findIndex((p) => p.some((x) => x.split(' ').includes(s)));

describe('tables on the shared form engine', () => {
  it('never split a row that fits on a page: it starts the next page, under the header repeated', async () => {
    const f = await form();
    f.note('A note above the table, so the table starts part-way down the page.');
    f.table(
      [
        { label: 'Time', width: 1 },
        { label: 'Entry', width: 5 },
      ],
      Array.from({ length: 120 }, (_, k) => rowOf(k)),
    );
    expect(f.pagesText.length).toBeGreaterThan(3);
    for (let k = 0; k < 120; k++) expect(pageOf(f.pagesText, `Row${k}last`), `row ${k}`).toBe(pageOf(f.pagesText, `Row${k}first`));
    f.pagesText.forEach((p, i) => expect(p, `page ${i + 1}`).toContain('Entry'));
  });

  it('never leaves the header alone at the foot of a page, and continues a row taller than a page', async () => {
    const f = await form();
    const lines = (n: number, tag: string) => Array.from({ length: n }, (_, j) => `${tag}${j}`).join('\n');
    // Fill the first page to a few lines above its foot.
    f.table([{ label: 'Filler', width: 1 }], [[lines(52, 'f')]]);
    f.table([{ label: 'Second', width: 1 }], [[lines(6, 'x')]]);
    // Too little room left for its first row: header and row start the next page together.
    expect(pageOf(f.pagesText, 'x0')).toBe(1);
    expect(pageOf(f.pagesText, 'Second')).toBe(1);
    expect(pageOf(f.pagesText, 'x5')).toBe(1);
    f.table([{ label: 'Long', width: 1 }], [[lines(150, 'y')]]);
    expect(pageOf(f.pagesText, 'y149')).toBeGreaterThan(pageOf(f.pagesText, 'y0'));
  });

  it('never leave a section heading alone at the foot of a page: it goes with the table or block under it', async () => {
    const lines = (n: number, tag: string) => Array.from({ length: n }, (_, j) => `${tag}${j}`).join('\n');
    // The filler ends at every height near the foot of the first page in turn.
    for (let n = 40; n <= 58; n++) {
      const f = await form();
      f.table([{ label: 'Filler', width: 1 }], [[lines(n, 'f')]]);
      f.heading(9, 'Ninth section');
      f.table([{ label: 'Second', width: 1 }], [[lines(4, 'x')]]);
      f.heading(10, 'Tenth section');
      f.row([{ label: 'Block', value: lines(3, 'b') }]);
      expect(pageOf(f.pagesText, 'Ninth'), `${n} lines`).toBe(pageOf(f.pagesText, 'x0'));
      expect(pageOf(f.pagesText, 'Tenth'), `${n} lines`).toBe(pageOf(f.pagesText, 'b0'));
    }
  });

  it('never cut a word or a date in a narrow column while the page is wide enough, and wrap a long label', async () => {
    const f = await form();
    const widths = [2, 2.4, 3, 1.2, 1.8, 1.4, 1.1, 1.1, 1.2];
    const labels = ['Capability', 'Issue', 'Corrective action', 'Capability element', 'Primary responsible organization', 'Organization POC', 'Start date', 'Completion date', 'Status'];
    f.table(
      labels.map((label, i) => ({ label, width: widths[i]!, fit: i >= 6 })),
      [['3 Patient Movement and Distribution', 'Transport for dialysis patients', 'Name one dispatcher', 'Communications', 'Pioneer Valley Coalition', 'Cameron Holbrook', '2026-12-06', '2027-01-20', 'In progress\nOVERDUE']],
    );
    const drawn = f.pagesText[0]!;
    for (const whole of ['Distribution', 'Communications', 'Holbrook', '2026-12-06', '2027-01-20', 'In progress', 'OVERDUE']) expect(drawn.some((x) => x.split(' ').includes(whole) || x === whole), whole).toBe(true);
    // The long label is drawn on more than one line, inside its column.
    expect(drawn).not.toContain('Primary responsible organization');
    expect(drawn.filter((x) => ['Primary', 'responsible', 'organization'].some((w) => x.split(' ').includes(w))).length).toBeGreaterThan(1);
  });

  it('keep each ICS 214 activity whole on one page of the exported PDF', async () => {
    const { t, incident, period, positions } = await incidentFixture();
    const sitl = positions.get('SITL')!;
    const filler = (n: number) => Array.from({ length: n }, (_, j) => `word${j}`).join(' ');
    for (let i = 0; i < 60; i++) {
      await t.call('log.append', { incidentId: incident.id, positionId: sitl.id, category: 'Situation', text: `Begin${i} ${filler(8 + (i % 7) * 14)} End${i}` });
    }
    const r = await t.call('export.activityLog', { incidentId: incident.id, positionId: sitl.id, periodId: period.id });
    const pages = (await pdfPagesText(Buffer.from(r.base64, 'base64'))).map((p) => p.split(/\s+/));
    expect(pages.length).toBeGreaterThan(2);
    const on = (w: string) => pages.findIndex((p) => p.includes(w));
    for (let i = 0; i < 60; i++) {
      expect(on(`Begin${i}`), `entry ${i}`).toBeGreaterThanOrEqual(0);
      expect(on(`End${i}`), `entry ${i}`).toBe(on(`Begin${i}`));
    }
  });
});
