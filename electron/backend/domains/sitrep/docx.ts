import type { Layout } from './content';

/**
 * The situation report as a Word document planners can edit (the `docx` package, loaded
 * on first use like pdf-lib). Exercise and demo marks are in the header and footer of
 * every page, as on the PDF.
 */
export async function sitrepDocx(l: Layout, o: { footer: string; docTitle: string; author: string }): Promise<Uint8Array> {
  const d = await import('docx');
  const marks = l.marks.join('   ');
  const para = (text: string, opts: { bold?: boolean; size?: number; color?: string } = {}) =>
    new d.Paragraph({ children: [new d.TextRun({ text, bold: opts.bold ?? false, size: opts.size ?? 20, ...(opts.color ? { color: opts.color } : {}) })] });
  const lines = (text: string) => text.split('\n').map((t) => para(t));
  const cell = (text: string, width: number, header = false) =>
    new d.TableCell({
      width: { size: width, type: d.WidthType.PERCENTAGE },
      children: text.split('\n').map((t) => para(t, { bold: header, size: header ? 18 : 18 })),
      ...(header ? { shading: { type: d.ShadingType.CLEAR, color: 'auto', fill: 'E0E0E0' } } : {}),
    });
  const children: (InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>)[] = [];
  if (marks) children.push(para(marks, { bold: true, color: 'C00000', size: 24 }));
  children.push(new d.Paragraph({ heading: d.HeadingLevel.TITLE, children: [new d.TextRun({ text: l.title, bold: true })] }));
  for (const h of l.header) children.push(new d.Paragraph({ children: [new d.TextRun({ text: `${h.label}: `, bold: true, size: 20 }), new d.TextRun({ text: h.value, size: 20 })] }));
  for (const s of l.sections) {
    children.push(new d.Paragraph({ heading: d.HeadingLevel.HEADING_2, children: [new d.TextRun({ text: s.title })] }));
    if (s.kind === 'text') {
      children.push(...lines(s.text));
      continue;
    }
    if (!s.rows.length) {
      children.push(para(s.empty));
      continue;
    }
    const total = s.columns.reduce((a, c) => a + c.width, 0);
    const pct = s.columns.map((c) => Math.round((c.width / total) * 100));
    children.push(
      new d.Table({
        width: { size: 100, type: d.WidthType.PERCENTAGE },
        rows: [
          new d.TableRow({ tableHeader: true, children: s.columns.map((c, i) => cell(c.label, pct[i]!, true)) }),
          // A row is kept on one page, as on the PDF.
          ...s.rows.map((r) => new d.TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, pct[i]!)) })),
        ],
      }),
    );
  }
  children.push(para(l.note, { size: 16 }));
  const doc = new d.Document({
    creator: o.author || 'Coalition EOC Console',
    title: o.docTitle,
    description: marks || 'Situation report',
    sections: [
      {
        headers: { default: new d.Header({ children: [para(marks || l.title, { bold: true, color: marks ? 'C00000' : '000000', size: 18 })] }) },
        footers: { default: new d.Footer({ children: [para(`${marks ? `${marks} - ` : ''}${o.footer}`, { size: 14 })] }) },
        children,
      },
    ],
  });
  return new Uint8Array(await d.Packer.toBuffer(doc));
}
