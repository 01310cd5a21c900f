import { FormWriter } from '../export/pdf/form';
import type { Layout } from './content';

/** The situation report on the project's form engine: exercise banner on every page, demo marked at the top. */
export async function sitrepPdf(l: Layout, o: { footer: string; docTitle: string; author: string; createdAt: Date; exercise: boolean }): Promise<{ bytes: Uint8Array; pagesText: string[][] }> {
  const demoMark = l.marks.find((m) => m.startsWith('DEMO'));
  const f = await FormWriter.create({
    title: demoMark ? `${l.title} - DEMO DATA` : l.title,
    formName: 'SITREP',
    exercise: o.exercise,
    footer: demoMark ? `DEMO DATA - ${o.footer}` : o.footer,
    docTitle: o.docTitle,
    author: o.author,
    createdAt: o.createdAt,
  });
  if (demoMark) f.note(demoMark);
  f.row(l.header.slice(0, 2).map((h, i) => ({ n: i + 1, label: h.label, value: h.value })));
  f.row(l.header.slice(2).map((h, i) => ({ n: i + 3, label: h.label, value: h.value })));
  let n = l.header.length + 1;
  for (const s of l.sections) {
    f.gap(4);
    if (s.kind === 'text') f.row([{ n: n++, label: s.title, value: s.text }], 3);
    else {
      f.heading(n++, s.title);
      f.table(s.columns, s.rows, s.empty);
    }
  }
  f.gap();
  f.note(l.note);
  return { bytes: await f.finish(), pagesText: f.pagesText };
}
