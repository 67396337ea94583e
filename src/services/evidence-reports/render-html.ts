import { escapeHtml } from '../review-report/render-html.js';
import type { EvidenceBlock, EvidenceDocument, EvidenceFact } from './evidence-document.js';

const STYLE = `
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2rem; margin-top: 1.8rem; }
h3 { font-size: 1rem; margin-top: 1.4rem; }
.subtitle { color: #59636e; margin-top: 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.85em; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: 0.88rem; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; white-space: nowrap; }
td.long { overflow-wrap: anywhere; }
tr.hashes td { border-top: none; background: #fbfbfc; }
p { white-space: pre-wrap; }
.ok { color: #1a7f37; font-weight: 600; }
.alert { color: #cf222e; font-weight: 600; border: 1px solid #cf222e; padding: 0.4rem 0.6rem; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; } tr { break-inside: avoid; } }
`;

const value = (f: EvidenceFact): string => (f.mono ? `<code>${escapeHtml(f.value)}</code>` : escapeHtml(f.value));

function block(b: EvidenceBlock): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p${b.tone ? ` class="${b.tone}"` : ''}>${escapeHtml(b.text)}</p>`;
    case 'facts':
      return `<dl>${b.items.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${value(f)}</dd>`).join('')}</dl>`;
    case 'table': {
      const span = b.columns.length;
      const rows = b.rows.map((r) => {
        // Only cells with a very long word (a signature's digest) may break anywhere; the rest wrap at spaces.
        const main = `<tr>${r.cells.map((c) => `<td${/\S{25,}/.test(c) ? ' class="long"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`;
        const below = [...(r.hashes ?? []).map((h) => `${escapeHtml(h.label.trim())}: ${value({ ...h, mono: true })}`), ...(r.note ? [escapeHtml(r.note)] : [])];
        return below.length ? `${main}<tr class="hashes"><td colspan="${span}">${below.join('<br>')}</td></tr>` : main;
      });
      return `<table><thead><tr>${b.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
    }
  }
}

/** One self-contained page: inline CSS, no scripts, no external resources; everything people wrote is escaped. */
export function renderEvidenceHtml(doc: EvidenceDocument): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`,
    ...doc.blocks.map(block),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
