import type { Line } from './sections';
import { boundedRezip } from './safe-zip';

/** A DOCX unpacks to far less than this; more is a zip bomb or not a plan. */
const DOCX_LIMITS = { maxTotal: 64 * 1024 * 1024, maxEntries: 2000 };

// Only the parts that carry text and its structure are unpacked: images, embedded objects
// and fonts are never inflated, so they cannot be used to exhaust memory.
const TEXT_PARTS = /^(\[Content_Types\]\.xml|_rels\/\.rels|word\/(document|styles|numbering|footnotes|endnotes|comments)\.xml|word\/_rels\/document\.xml\.rels|docProps\/core\.xml)$/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (s: string) =>
  s
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : ' ';
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });

/**
 * The text of a Word document by paragraph, headings marked from its own heading styles.
 * External references (linked images, linked files) are never followed: mammoth's
 * externalFileAccess stays off, and only the text parts are unpacked at all.
 */
export async function docxLines(bytes: Uint8Array): Promise<Line[]> {
  const safe = boundedRezip(bytes, DOCX_LIMITS, (name) => TEXT_PARTS.test(name));
  const mammoth = (await import('mammoth')).default;
  const { value: html } = await mammoth.convertToHtml(
    { buffer: Buffer.from(safe) },
    { externalFileAccess: false, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
  );
  const lines: Line[] = [];
  for (const m of html.matchAll(/<(h[1-6]|p|li|td|th)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const text = decode(m[2]!).trim();
    if (text) lines.push({ text, page: null, heading: m[1]!.startsWith('h') });
  }
  return lines;
}
