import { createHash } from 'node:crypto';
import { invalid } from '../../errors';
import { loadPdfLib } from '../export/pdf/pdf-lib';

/** US Letter in PDF points (1/72 inch). */
const LETTER = { short: 612, long: 792 };

/**
 * The printed view: one Letter page holding the page image the map screen drew (map,
 * title, legend in words, scale bar, north arrow, date and time, exercise and demo
 * marking), scaled to the page. The words are also the document's title and subject, so
 * a file listing says what the print is without opening it.
 */
export async function buildMapPdf(input: { title: string; orientation: 'landscape' | 'portrait'; png: Uint8Array; subject: string; generatedAt: number }): Promise<{ bytes: Uint8Array; sha256: string }> {
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (input.png.length < 8 || PNG.some((b, i) => input.png[i] !== b)) throw invalid('The printed view must be a PNG image');
  const { PDFDocument } = await loadPdfLib();
  const doc = await PDFDocument.create();
  const [w, h] = input.orientation === 'landscape' ? [LETTER.long, LETTER.short] : [LETTER.short, LETTER.long];
  const page = doc.addPage([w, h]);
  let image;
  try {
    image = await doc.embedPng(input.png);
  } catch {
    throw invalid('The printed view could not be read as a PNG image');
  }
  const scale = Math.min(w / image.width, h / image.height);
  const iw = image.width * scale;
  const ih = image.height * scale;
  page.drawImage(image, { x: (w - iw) / 2, y: (h - ih) / 2, width: iw, height: ih });
  doc.setTitle(input.title);
  doc.setSubject(input.subject);
  doc.setCreator('Coalition EOC Console');
  doc.setCreationDate(new Date(input.generatedAt));
  const bytes = await doc.save();
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
