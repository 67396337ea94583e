import { newPdfDocument, PDF_BOLD as BOLD, PDF_FONT as FONT, PDF_MONO as MONO, pdfText, type Pdf } from '../documents/pdf-document.js';
import type { EvidenceBlock, EvidenceDocument, EvidenceTableRow } from './evidence-document.js';

const MARGIN = 40;
const GREY = '#59636e';
const LINE = '#d0d7de';
const RED = '#cf222e';
const GREEN = '#1a7f37';
const PAD = 3;

const innerWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

function ensureRoom(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** The lines beneath a row: hashes in a small fixed-width font (64 hex digits fit one line), then the note. */
function belowText(row: EvidenceTableRow): { mono: string; note: string } {
  return { mono: (row.hashes ?? []).map((h) => `${h.label}: ${h.value}`).join('\n'), note: row.note ?? '' };
}

/**
 * Each column gets at least its longest word (numbers and names do not break mid-word, up to a
 * quarter of the width), then the room left in proportion to how much more its longest cell needs.
 */
function columnWidths(doc: Pdf, columns: string[], rows: EvidenceTableRow[], width: number): number[] {
  doc.font(BOLD).fontSize(8);
  const measure = (text: string) => doc.widthOfString(pdfText(text)) + 2 * PAD + 1;
  const natural: number[] = [];
  const least: number[] = [];
  columns.forEach((column, i) => {
    const cells = [column, ...rows.map((r) => r.cells[i] ?? '')];
    natural.push(Math.min(width * 0.4, Math.max(...cells.map(measure))));
    least.push(Math.min(width * 0.25, Math.max(...cells.flatMap((c) => c.split(/\s+/)).map(measure))));
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(natural) <= width) return natural.map((n) => (n / sum(natural)) * width);
  const spare = width - sum(least);
  if (spare <= 0) return least.map((l) => (l / sum(least)) * width);
  const wants = natural.map((n, i) => Math.max(0, n - least[i]!));
  return least.map((l, i) => l + (sum(wants) ? (wants[i]! / sum(wants)) * spare : spare / least.length));
}

function table(doc: Pdf, columns: string[], rows: EvidenceTableRow[]): void {
  const left = doc.page.margins.left;
  const width = innerWidth(doc);
  const widths = columnWidths(doc, columns, rows, width);

  const measure = (cells: string[], bold: boolean, row?: EvidenceTableRow) => {
    doc.font(bold ? BOLD : FONT).fontSize(8);
    const main = Math.max(...cells.map((cell, i) => doc.heightOfString(pdfText(cell), { width: widths[i]! - 2 * PAD })), 8) + 2 * PAD;
    let below = 0;
    if (row) {
      const { mono, note } = belowText(row);
      if (mono) below += doc.font(MONO).fontSize(6.5).heightOfString(pdfText(mono), { width: width - 2 * PAD }) + PAD;
      if (note) below += doc.font(FONT).fontSize(7.5).heightOfString(pdfText(note), { width: width - 2 * PAD }) + PAD;
      if (below) below += PAD;
    }
    return { main, below };
  };

  const drawRow = (cells: string[], bold: boolean, row?: EvidenceTableRow) => {
    const { main, below } = measure(cells, bold, row);
    if (doc.y + main + below > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!bold) drawRow(columns, true);
    }
    const top = doc.y;
    let x = left;
    doc.font(bold ? BOLD : FONT).fontSize(8);
    cells.forEach((cell, i) => {
      doc.rect(x, top, widths[i]!, main).strokeColor(LINE).lineWidth(0.5).stroke();
      doc.fillColor('black').text(pdfText(cell), x + PAD, top + PAD, { width: widths[i]! - 2 * PAD });
      x += widths[i]!;
    });
    if (row && below) {
      doc.rect(left, top + main, width, below).strokeColor(LINE).lineWidth(0.5).stroke();
      const { mono, note } = belowText(row);
      let y = top + main + PAD;
      if (mono) {
        doc.font(MONO).fontSize(6.5).fillColor('black').text(pdfText(mono), left + PAD, y, { width: width - 2 * PAD });
        y = doc.y + PAD;
      }
      if (note) doc.font(FONT).fontSize(7.5).fillColor(GREY).text(pdfText(note), left + PAD, y, { width: width - 2 * PAD }).fillColor('black');
    }
    doc.x = left;
    doc.y = top + main + below;
  };

  drawRow(columns, true);
  for (const row of rows) drawRow(row.cells, false, row);
  doc.moveDown(0.6);
}

function block(doc: Pdf, b: EvidenceBlock): void {
  const left = doc.page.margins.left;
  doc.x = left;
  switch (b.kind) {
    case 'heading':
      ensureRoom(doc, b.level === 2 ? 80 : 60);
      doc.moveDown(b.level === 2 ? 0.8 : 0.5).font(BOLD).fontSize(b.level === 2 ? 14 : 11).fillColor('black').text(pdfText(b.text));
      doc.moveDown(0.3);
      return;
    case 'paragraph':
      ensureRoom(doc, 14);
      doc.font(b.tone ? BOLD : FONT).fontSize(10).fillColor(b.tone === 'alert' ? RED : b.tone === 'ok' ? GREEN : 'black').text(pdfText(b.text)).fillColor('black');
      doc.moveDown(0.4);
      return;
    case 'facts':
      for (const fact of b.items) {
        ensureRoom(doc, 14);
        doc.font(BOLD).fontSize(9).text(`${pdfText(fact.label)}: `, { continued: true });
        if (fact.mono) doc.font(MONO).fontSize(8).text(pdfText(fact.value));
        else doc.font(FONT).fontSize(9).text(pdfText(fact.value));
      }
      doc.moveDown(0.4);
      return;
    case 'table':
      table(doc, b.columns, b.rows);
      return;
  }
}

/** The document as a PDF, streamed: pdfkit's readable stream, already ended, for the caller to pipe. */
export function renderEvidencePdf(report: EvidenceDocument): Pdf {
  const doc = newPdfDocument({ size: 'A4', layout: report.landscape ? 'landscape' : 'portrait', margin: MARGIN, info: { Title: pdfText(report.title), Author: 'Bulwark', Subject: report.subject } });
  doc.font(BOLD).fontSize(16).text(pdfText(report.title));
  doc.font(FONT).fontSize(9).fillColor(GREY).text(pdfText(report.subtitle)).fillColor('black');
  for (const b of report.blocks) block(doc, b);
  doc.end();
  return doc;
}
