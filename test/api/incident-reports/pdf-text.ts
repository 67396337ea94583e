import { inflateSync } from 'node:zlib';

/** Pages of a pdfkit PDF: page objects, not the page tree ("/Type /Pages"). */
export const pdfPageCount = (pdf: Buffer): number => [...pdf.toString('latin1').matchAll(/\/Type \/Page\b(?!s)/g)].length;

/**
 * Just enough PDF reading for a test: inflate pdfkit's content streams and join the hex strings of
 * each TJ operator (the standard fonts write Windows-1252 codes), as one run of words.
 */
export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/\/Length (\d+)[^>]*>>\s*stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, start + Number(m[1]))).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[(.*?)\] TJ/g)) lines.push([...tj[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''));
  }
  return lines.join(' ').replace(/\s+/g, ' ');
}
