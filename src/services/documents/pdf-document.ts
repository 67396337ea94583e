import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * Every PDF Bulwark writes embeds DejaVu (Sans Condensed, close to Helvetica's width, and Sans Mono for
 * hashes), so names and places in Polish, Czech, Greek, Cyrillic and the rest of Europe print as written
 * in reports that go to regulators and courts. pdfkit keeps only the glyphs a document uses.
 */
export const PDF_FONT = 'Bulwark-Regular';
export const PDF_BOLD = 'Bulwark-Bold';
export const PDF_MONO = 'Bulwark-Mono';

const require = createRequire(import.meta.url);
const FONT_FILES: Record<string, string> = {
  [PDF_FONT]: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf'),
  [PDF_BOLD]: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf'),
  [PDF_MONO]: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf'),
};

export type Pdf = InstanceType<typeof PDFDocument>;

/** A pdfkit document with Bulwark's fonts registered and the regular one selected. */
export function newPdfDocument(options: ConstructorParameters<typeof PDFDocument>[0]): Pdf {
  const doc = new PDFDocument(options);
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
  doc.font(PDF_FONT);
  return doc;
}

/** Text as a PDF line takes it: one kind of line break, no control characters (they have no glyph). */
export const pdfText = (text: string): string =>
  [...text.replace(/\r\n?/g, '\n')].map((c) => (c === '\n' || !isControl(c.codePointAt(0)!) ? c : ' ')).join('');

const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code < 0xa0);
