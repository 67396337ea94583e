import type { ReportBlock } from '../review-report/report-document.js';
import { newPdfDocument, PDF_BOLD as BOLD, PDF_FONT as FONT, pdfText, type Pdf } from '../documents/pdf-document.js';
import type { PlanDocument } from './plan-document.js';

const LINE = '#8c959f';
const GREY = '#59636e';

function table(doc: Pdf, columns: string[], rows: string[][]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const weight = columns.map((c, i) => Math.min(40, Math.max(8, c.length, ...rows.map((r) => (r[i] ?? '').length))));
  const total = weight.reduce((a, b) => a + b, 0);
  const widths = weight.map((w) => (w / total) * width);
  const pad = 3;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? BOLD : FONT).fontSize(8);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(pdfText(cell), { width: widths[i]! - 2 * pad })), 8) + 2 * pad;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!bold) drawRow(columns, true);
      doc.font(bold ? BOLD : FONT).fontSize(8);
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

function facts(doc: Pdf, items: Array<{ label: string; value: string }>): void {
  for (const fact of items) doc.font(BOLD).fontSize(10).text(`${pdfText(fact.label)}: `, { continued: true }).font(FONT).text(pdfText(fact.value));
  doc.moveDown(0.4);
}

function block(doc: Pdf, b: ReportBlock): void {
  doc.x = doc.page.margins.left;
  if (b.kind === 'heading') doc.moveDown(0.4).font(BOLD).fontSize(11).fillColor('black').text(pdfText(b.text)).moveDown(0.2);
  else if (b.kind === 'paragraph') doc.font(FONT).fontSize(10).text(pdfText(b.text)).moveDown(0.4);
  else if (b.kind === 'facts') facts(doc, b.items);
  else if (b.kind === 'list') doc.font(FONT).fontSize(10).text(b.items.map((i, n) => `${b.ordered ? `${n + 1}.` : '•'} ${pdfText(i)}`).join('\n')).moveDown(0.4);
  else table(doc, b.columns, b.rows);
}

/** The offline plan as an A4 landscape PDF (wide contact tables), returned whole: plans are small and the hash needs the bytes. */
export async function renderPlanPdf(plan: PlanDocument): Promise<Buffer> {
  const doc = newPdfDocument({ size: 'A4', layout: 'landscape', margin: 40, info: { Title: pdfText(plan.title), Author: 'Bulwark', Subject: 'Incident response plan (offline copy)' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.font(BOLD).fontSize(18).text(pdfText(plan.title));
  doc.font(FONT).fontSize(9).fillColor(GREY).text('Offline copy of the response plan. Check the plan version and export date against Bulwark when it is reachable.').fillColor('black').moveDown(0.5);
  facts(doc, plan.facts);
  for (const section of plan.sections) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    doc.x = doc.page.margins.left;
    doc.moveDown(0.6).font(BOLD).fontSize(14).fillColor('black').text(pdfText(section.title)).moveDown(0.3);
    for (const b of section.blocks) block(doc, b);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
