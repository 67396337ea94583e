import { newPdfDocument, PDF_BOLD as BOLD, PDF_FONT as FONT, pdfText, type Pdf } from '../documents/pdf-document.js';
import type { ReportBlock, ReportDocument } from './report-document.js';

const MARGIN = 50;
const GREY = '#59636e';
const LINE = '#d0d7de';

function ensureRoom(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function table(doc: Pdf, columns: string[], rows: string[][]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  // Columns share the width by how much they hold (capped, so one long column cannot starve the rest).
  const weight = columns.map((c, i) => Math.min(60, Math.max(8, c.length, ...rows.map((r) => (r[i] ?? '').length))));
  const total = weight.reduce((a, b) => a + b, 0);
  const widths = weight.map((w) => (w / total) * width);
  const pad = 3;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? BOLD : FONT).fontSize(9);
    const heights = cells.map((cell, i) => doc.heightOfString(pdfText(cell), { width: widths[i]! - 2 * pad }));
    const height = Math.max(...heights, 9) + 2 * pad;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!bold) drawRow(columns, true);
      doc.font(bold ? BOLD : FONT).fontSize(9);
    }
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc.rect(x, top, widths[i]!, height).strokeColor(LINE).lineWidth(0.5).stroke();
      doc.fillColor('black').text(pdfText(cell), x + pad, top + pad, { width: widths[i]! - 2 * pad });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = top + height;
  };
  drawRow(columns, true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.6);
}

function block(doc: Pdf, b: ReportBlock): void {
  const left = doc.page.margins.left;
  doc.x = left;
  switch (b.kind) {
    case 'heading':
      ensureRoom(doc, 60);
      doc.moveDown(b.level === 2 ? 0.8 : 0.4).font(BOLD).fontSize(b.level === 2 ? 14 : 11).fillColor('black').text(pdfText(b.text));
      doc.moveDown(0.3);
      return;
    case 'paragraph':
      doc.font(FONT).fontSize(10).fillColor('black').text(pdfText(b.text));
      doc.moveDown(0.4);
      return;
    case 'facts':
      for (const fact of b.items) {
        ensureRoom(doc, 14);
        doc.font(BOLD).fontSize(10).text(`${pdfText(fact.label)}: `, { continued: true }).font(FONT).text(pdfText(fact.value));
      }
      doc.moveDown(0.4);
      return;
    case 'list':
      doc.font(FONT).fontSize(10);
      b.items.forEach((item, i) => {
        ensureRoom(doc, 14);
        doc.text(`${b.ordered ? `${i + 1}.` : '•'} ${pdfText(item)}`, left + 10, doc.y, { indent: 0 });
      });
      doc.x = left;
      doc.moveDown(0.4);
      return;
    case 'table':
      table(doc, b.columns, b.rows);
      return;
  }
}

/**
 * The report as a PDF, streamed: the answer is pdfkit's readable stream, already ended, which the
 * caller pipes to the HTTP response or a file.
 */
export function renderPdf(report: ReportDocument): Pdf {
  const doc = newPdfDocument({ size: 'A4', margin: MARGIN, info: { Title: pdfText(report.title), Author: 'Bulwark', Subject: report.subject ?? 'Post-incident review' } });
  doc.font(BOLD).fontSize(18).text(pdfText(report.title));
  doc.font(FONT).fontSize(10).fillColor(GREY).text(pdfText(report.subtitle)).fillColor('black');
  for (const b of report.blocks) block(doc, b);
  doc.end();
  return doc;
}
