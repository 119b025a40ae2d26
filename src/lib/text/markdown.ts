/**
 * Markdown from JSON fields, rendered safely: raw HTML is escaped (shown as text, never run)
 * and links may only be http(s), mailto, tel or site-relative.
 */
import MarkdownIt from 'markdown-it';
import { splitPhoneNumbers } from './phone-numbers.ts';

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

// Every UK phone number in a text becomes a tel: link, so a parent on a phone can tap it
// (GOV.UK contact pattern). Runs after linkify; text already inside a link is left alone.
md.core.ruler.push('phone_links', (state) => {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const children: typeof block.children = [];
    let linkDepth = 0;
    for (const token of block.children) {
      if (token.type === 'link_open') linkDepth++;
      if (token.type === 'link_close') linkDepth--;
      const segments = token.type === 'text' && linkDepth === 0 ? splitPhoneNumbers(token.content) : [];
      if (segments.length <= 1 && segments[0]?.kind !== 'phone') {
        children.push(token);
        continue;
      }
      for (const segment of segments) {
        if (segment.kind === 'phone') {
          const open = new state.Token('link_open', 'a', 1);
          open.attrs = [['href', segment.href]];
          const text = new state.Token('text', '', 0);
          text.content = segment.text;
          children.push(open, text, new state.Token('link_close', 'a', -1));
        } else {
          const text = new state.Token('text', '', 0);
          text.content = segment.text;
          children.push(text);
        }
      }
    }
    block.children = children;
  }
});

const rendered = new Map<string, string>();
/**
 * Renders block Markdown (paragraphs, lists, links) to safe HTML. A service's texts are rendered
 * for its page and again for its open data record, and an organisation's for each of its
 * services: each text is rendered once per build.
 */
export function renderMarkdown(source: string): string {
  let html = rendered.get(source);
  if (html === undefined) {
    html = md.render(source);
    rendered.set(source, html);
  }
  return html;
}

/** Renders one line of Markdown without a wrapping paragraph. */
export function renderInlineMarkdown(source: string): string {
  return md.renderInline(source);
}

/** The characters renderMarkdown writes as entities, back as themselves. */
const decodeEntities = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Markdown to plain text on one line, for summaries, meta descriptions and search. */
export function markdownToText(source: string): string {
  return decodeEntities(renderMarkdown(source).replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Markdown to plain text that keeps its shape, for open data whose fields hold text, not HTML:
 * paragraphs and headings separated by a blank line, each list item on a line of its own
 * starting "- ", and a line break kept as one.
 */
export function markdownToParagraphs(source: string): string {
  const text = renderMarkdown(source)
    .replace(/\n/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<\/(?:p|h[1-6]|blockquote|pre|ul|ol|table|tr)>/gi, '\n\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
