import type { ReportBlock, ReportDocument } from './report-document.js';

/** Backslash-escapes what Markdown would read as markup, so people's text stays text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}
const oneLine = (text: string) => escapeMarkdown(text.replace(/\s*\r?\n\s*/g, ' '));

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${oneLine(b.text)}`;
    case 'paragraph':
      return b.text.split(/\r?\n\s*\r?\n/).map((p) => escapeMarkdown(p.trim())).join('\n\n');
    case 'facts':
      return b.items.map((f) => `- **${escapeMarkdown(f.label)}:** ${oneLine(f.value)}`).join('\n');
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${oneLine(item)}`).join('\n');
    case 'table':
      return [`| ${b.columns.map(oneLine).join(' | ')} |`, `|${b.columns.map(() => ' --- |').join('')}`, ...b.rows.map((r) => `| ${r.map(oneLine).join(' | ')} |`)].join('\n');
  }
}

export function renderMarkdown(doc: ReportDocument): string {
  return [`# ${oneLine(doc.title)}`, `_${oneLine(doc.subtitle)}_`, ...doc.blocks.map(block)].join('\n\n') + '\n';
}
