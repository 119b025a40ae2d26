/**
 * Markdown from JSON fields, rendered safely: raw HTML is escaped (shown as text, never run)
 * and links may only be http(s), mailto, tel or site-relative.
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const SAFE_LINK = /^(https?:|mailto:|tel:|\/(?!\/)|#)/i;
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

// Links that leave the site say so for screen reader and sighted users alike.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = String(token.attrGet('href') ?? '');
  if (/^https?:/i.test(href)) token.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Renders block Markdown (paragraphs, lists, links) to safe HTML. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** Renders one line of Markdown without a wrapping paragraph. */
export function renderInlineMarkdown(source: string): string {
  return md.renderInline(source);
}

/** Markdown to plain text, for summaries, meta descriptions and search. */
export function markdownToText(source: string): string {
  return renderMarkdown(source)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
