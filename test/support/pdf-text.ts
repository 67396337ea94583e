import { inflateSync } from 'node:zlib';

/** Pages of a pdfkit PDF: page objects, not the page tree ("/Type /Pages"). */
export const pdfPageCount = (pdf: Buffer): number => [...pdf.toString('latin1').matchAll(/\/Type \/Page\b(?!s)/g)].length;

interface PdfObject {
  dictionary: string;
  /** The stream's bytes, inflated when they were compressed. */
  stream: string | null;
}

/** Every `N 0 obj … endobj` of the file; streams are read by their /Length (compressed bytes may hold "endstream"). */
function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*(<<[\s\S]*?>>)\s*(stream\r?\n)?/g)) {
    let stream: string | null = null;
    const length = /\/Length (\d+)/.exec(m[2]!);
    if (m[3] && length) {
      const start = m.index! + m[0].length;
      const bytes = pdf.subarray(start, start + Number(length[1]));
      try {
        stream = (/\/FlateDecode/.test(m[2]!) ? inflateSync(bytes) : bytes).toString('latin1');
      } catch {
        stream = null;
      }
    }
    if (!objects.has(Number(m[1]))) objects.set(Number(m[1]), { dictionary: m[2]!, stream });
  }
  return objects;
}

/** A ToUnicode CMap as pdfkit writes it: `<start> <end> [<unicode> …]` ranges (and plain bfchar pairs, to be safe). */
function readCmap(cmap: string): Map<number, string> {
  const glyphs = new Map<number, string>();
  const text = (hex: string) => String.fromCharCode(...(hex.match(/[0-9a-fA-F]{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const range of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
    const start = parseInt(range[1]!, 16);
    [...range[3]!.matchAll(/<([0-9a-fA-F ]*)>/g)].forEach((entry, i) => glyphs.set(start + i, text(entry[1]!.replace(/ /g, ''))));
  }
  for (const pair of cmap.matchAll(/^<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]+)>$/gm)) glyphs.set(parseInt(pair[1]!, 16), text(pair[2]!));
  return glyphs;
}

/**
 * Just enough PDF reading for a test: the text pdfkit drew, as one run of words. Embedded fonts write
 * glyph ids, read back through each font's ToUnicode CMap; standard fonts write Windows-1252 bytes.
 */
export function pdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const fontsByName = new Map<string, Map<number, string> | null>();
  for (const { dictionary } of objects.values()) {
    const fonts = /\/Font\s*<<([^>]*)>>/.exec(dictionary);
    if (!fonts) continue;
    for (const ref of fonts[1]!.matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const font = objects.get(Number(ref[2]));
      const toUnicode = font && /\/ToUnicode (\d+) 0 R/.exec(font.dictionary);
      const cmap = toUnicode ? objects.get(Number(toUnicode[1]))?.stream : null;
      fontsByName.set(ref[1]!, cmap ? readCmap(cmap) : null);
    }
  }
  const runs: string[] = [];
  for (const { stream } of objects.values()) {
    if (!stream || !/ T[Jj]\b/.test(stream)) continue;
    let glyphs: Map<number, string> | null = null;
    for (const op of stream.matchAll(/\/(\w+) [\d.]+ Tf|\[(.*?)\] TJ/g)) {
      if (op[1]) {
        glyphs = fontsByName.get(op[1]) ?? null;
        continue;
      }
      const decode = (hex: string) =>
        glyphs ? (hex.match(/[0-9a-f]{4}/gi) ?? []).map((g) => glyphs!.get(parseInt(g, 16)) ?? '\ufffd').join('') : Buffer.from(hex, 'hex').toString('latin1');
      runs.push([...op[2]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => decode(h[1]!)).join(''));
    }
  }
  // Wrapped lines are separate operators: read the pages as one run of words.
  return runs.join(' ').replace(/\s+/g, ' ');
}
