import type { ReportBlock } from '../review-report/report-document.js';
import { escapeHtml } from '../review-report/render-html.js';
import type { PlanDocument } from './plan-document.js';

/** Print-friendly, readable on a phone, and nothing that needs a network: no fonts, images, links out or scripts. */
const STYLE = `
:root { color-scheme: light; }
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; max-width: 72rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.4rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #1f2328; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 0.3rem; }
.offline { border: 2px solid #9a6700; background: #fff8c5; padding: 0.5rem 0.8rem; border-radius: 4px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0.8rem 0; }
.meta dt, dl.facts dt { font-weight: 600; }
.meta dd, dl.facts dd { margin: 0; overflow-wrap: anywhere; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
nav ol { columns: 2; padding-left: 1.2rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #8c959f; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; white-space: pre-wrap; overflow-wrap: anywhere; }
th { background: #eaeef2; }
p { white-space: pre-wrap; }
.template { border-left: 3px solid #8c959f; padding-left: 0.8rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  nav { display: none; }
  h2 { break-after: avoid; }
  tr, .template { break-inside: avoid; }
  th { background: none; }
  .offline { border-width: 1px; background: none; }
}
`;

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'facts':
      return `<dl class="facts">${b.items.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return `<table><thead><tr>${b.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  }
}

/**
 * The offline plan: one HTML file that opens from disk with no server and no network. Tables get the
 * section's name as their accessible name, so a reader (or a test) finds "Escalation matrix" by name.
 */
export function renderPlanHtml(doc: PlanDocument): string {
  const sections = doc.sections.map((s) => {
    const blocks = s.blocks.map((b) => (b.kind === 'table' ? block(b).replace('<table>', `<table aria-label="${escapeHtml(s.title)}">`) : block(b)));
    const body = s.id === 'templates' ? groupTemplates(blocks) : blocks.join('\n');
    return `<section id="${s.id}" aria-labelledby="${s.id}-title">\n<h2 id="${s.id}-title">${escapeHtml(s.title)}</h2>\n${body}\n</section>`;
  });
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No network at all, even if someone adds a link by hand: the file stands alone.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    '<p class="offline">Offline copy of the response plan. It may be out of date: check the plan version and export date below against Bulwark when it is reachable.</p>',
    `<dl class="meta" aria-label="About this copy">${doc.facts.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl>`,
    `<nav aria-label="Contents"><ol>${doc.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join('')}</ol></nav>`,
    '</header>',
    '<main>',
    ...sections,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Each template (its heading, facts and body) in one box that print keeps on one page. */
function groupTemplates(blocks: string[]): string {
  const groups: string[] = [];
  for (const html of blocks) {
    if (html.startsWith('<h3>') || groups.length === 0) groups.push(html);
    else groups[groups.length - 1] += `\n${html}`;
  }
  return groups.map((g) => (g.startsWith('<h3>') ? `<div class="template">\n${g}\n</div>` : g)).join('\n');
}
