import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { useMemo } from 'react';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Raw HTML in markdown is shown as text, not rendered: responders paste phishing mails and web
 * payloads into notes and need to read them, not have them run. DOMPurify then removes anything
 * unsafe the markdown itself can produce (javascript: links and the like).
 */
const markdown = new Marked({ gfm: true, breaks: true, async: false, renderer: { html: ({ text }) => escapeHtml(text) } });

// Links leave the app in a new tab and never pass the opener or referrer along.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.getAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
});

/** Markdown to HTML that is safe to insert into the page. */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source) as string;
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'button', 'textarea', 'select'], FORBID_ATTR: ['style'] });
}

/** Renders user-written markdown (summaries, notes) sanitised; an empty text shows the fallback. */
export function Markdown({ source, fallback, className }: { source: string; fallback?: React.ReactNode; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  if (!source.trim()) return <>{fallback ?? null}</>;
  return <div className={className ? `markdown ${className}` : 'markdown'} dangerouslySetInnerHTML={{ __html: html }} />;
}
