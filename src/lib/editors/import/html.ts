/**
 * Text from feeds as councils publish it: descriptions in HTML with entities (`&amp;`, `&nbsp;`),
 * sometimes with scripts, event attributes or `javascript:` links. This turns it into Markdown
 * (the format our description fields hold) and plain text (names, summaries), using the unified
 * HTML and Markdown syntax trees rather than regular expressions, so nothing a browser would read
 * as a tag or an entity is left behind as text.
 */
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Nodes as HastNodes } from 'hast';
import type { Nodes as MdastNodes, Parent as MdastParent } from 'mdast';

/** Links our Markdown renderer keeps; anything else (javascript:, data:, vbscript:) is unwrapped to its text. */
const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

/** Does this text hold HTML at all (a tag, a comment or an entity)? Plain text is left exactly as written. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][^>]*>|<!--|&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/i.test(text);
}

/** Elements whose content is never text for people: dropped with everything inside them. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'head', 'title', 'meta', 'link', 'svg', 'math', 'form', 'button', 'select', 'textarea', 'input']);

function stripHast(node: HastNodes): void {
  if (!('children' in node)) return;
  node.children = node.children.filter((child) => !(child.type === 'element' && DROPPED.has(child.tagName)) && child.type !== 'comment') as typeof node.children;
  for (const child of node.children) stripHast(child as HastNodes);
}

/** Unwraps unsafe links and drops images (pictures in a description have no alt text we can trust, and are often data: URLs). */
function cleanMdast(node: MdastNodes): void {
  if (!('children' in node)) return;
  const parent = node as MdastParent;
  const children: MdastNodes[] = [];
  for (const child of parent.children as MdastNodes[]) {
    if (child.type === 'image' || child.type === 'imageReference' || child.type === 'html') continue;
    // Tables and struck-out text need Markdown extensions our renderer may not share: a table becomes one paragraph a row.
    if (child.type === 'table') {
      for (const row of child.children) {
        const cells: MdastNodes[] = [];
        row.children.forEach((cell, i) => {
          if (i > 0) cells.push({ type: 'text', value: ' · ' });
          cells.push(...(cell.children as MdastNodes[]));
        });
        const paragraph = { type: 'paragraph', children: cells } as MdastNodes;
        cleanMdast(paragraph);
        children.push(paragraph);
      }
      continue;
    }
    if (child.type === 'delete' || child.type === 'footnoteReference' || child.type === 'footnoteDefinition') {
      if ('children' in child) {
        cleanMdast(child);
        children.push(...(child.children as MdastNodes[]));
      }
      continue;
    }
    if (child.type === 'link') {
      // "http:// https://www.example.org/" (a typing slip in a feed): the address inside it.
      const url = child.url.trim();
      const inner = /\s/.test(url) ? /https?:\/\/\S+$/i.exec(url)?.[0] : url;
      if (!inner || !SAFE_LINK.test(inner) || !URL.canParse(inner)) {
        cleanMdast(child);
        children.push(...(child.children as MdastNodes[]));
        continue;
      }
      child.url = inner;
      // A link with no words (an icon in the feed) gets its address as its words: a screen reader reads them.
      if (!plainOf(child).trim()) child.children = [{ type: 'text', value: inner.replace(/^(mailto|tel):/i, '') }];
    }
    // A heading with no words says nothing, and fails accessibility checks: left out.
    if (child.type === 'heading' && !plainOf(child).trim()) continue;
    cleanMdast(child);
    children.push(child);
  }
  parent.children = children as MdastParent['children'];
}

/** The words of a node, for telling whether it has any. */
function plainOf(node: MdastNodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? (node.children as MdastNodes[]).map(plainOf).join('') : '';
}

/**
 * The page's own heading is the service name: the description's headings start one level below
 * it, and each is at most one level below the one before (a feed's <h2> then <h4> would skip a
 * level, which screen reader users navigate by).
 */
function demoteHeadings(root: MdastNodes): void {
  const headings: { depth: number }[] = [];
  const walk = (node: MdastNodes) => {
    if (node.type === 'heading') headings.push(node);
    if ('children' in node) for (const child of node.children as MdastNodes[]) walk(child);
  };
  walk(root);
  if (!headings.length) return;
  const shift = 2 - Math.min(...headings.map((h) => h.depth));
  let previous = 1;
  for (const heading of headings) {
    heading.depth = Math.min(6, Math.max(2, heading.depth + shift), previous + 1) as 2;
    previous = heading.depth;
  }
}

/** Non-breaking and zero-width spaces, which feeds use for layout, become ordinary spaces. */
const tidySpaces = (text: string) => text.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/[\u200b\u200c\u200d\ufeff]/g, '');

/**
 * HTML (or plain text) as Markdown. Headings, paragraphs, lists, emphasis and safe links are kept;
 * scripts, styles, event attributes, images and `javascript:` links are not.
 */
export function htmlToMarkdown(value: string): string {
  return descriptionFrom(value).markdown;
}

/**
 * A description from a feed or a spreadsheet cell (HTML, Markdown or plain text): its Markdown,
 * and the plain text of its first paragraph (its lead), which the summary is made from. The lead
 * is never a heading ("About us"), and ends at a blank line made of two line breaks.
 */
export function descriptionFrom(value: string): { markdown: string; lead: string } {
  if (!looksLikeHtml(value)) {
    const markdown = tidySpaces(value).replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
    let lead = '';
    for (const block of markdown.split(/\n\s*\n/)) {
      if (/^#{1,6}\s/.test(block.trim())) continue;
      if ((lead = markdownToPlain(block))) break;
    }
    return { markdown, lead };
  }
  const hast = fromHtml(value, { fragment: true });
  stripHast(hast);
  const mdast = toMdast(hast) as MdastNodes;
  cleanMdast(mdast);
  demoteHeadings(mdast);
  const markdown = toMarkdown(mdast, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-' });
  return {
    markdown: tidySpaces(markdown)
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    lead: leadOf(mdast),
  };
}

/** The text of the first paragraph that says anything, read from the tree (so no Markdown escapes). */
function leadOf(root: MdastNodes): string {
  let lead = '';
  const visit = (node: MdastNodes) => {
    if (lead) return;
    if (node.type === 'paragraph') {
      lead = paragraphText(node);
      return;
    }
    if (node.type === 'heading' || node.type === 'code') return;
    if ('children' in node) for (const child of node.children as MdastNodes[]) visit(child);
  };
  visit(root);
  return lead;
}

/** A paragraph's words; one line break is a space, two in a row end it (feeds write paragraphs as <br><br>). */
function paragraphText(paragraph: MdastNodes): string {
  const parts: string[] = [];
  let breaks = 0;
  const walk = (node: MdastNodes): boolean => {
    if (node.type === 'break') {
      if (++breaks >= 2 && parts.join('').trim()) return false;
      parts.push(' ');
      return true;
    }
    if (node.type === 'text' || node.type === 'inlineCode') {
      if (node.value.trim()) breaks = 0;
      parts.push(node.value);
      return true;
    }
    if ('children' in node) for (const child of node.children as MdastNodes[]) if (!walk(child)) return false;
    return true;
  };
  walk(paragraph);
  return tidySpaces(parts.join('')).replace(/\s+/g, ' ').trim();
}

/** HTML (or plain text) as one line of plain text: for names, summaries and other plain fields. */
export function htmlToText(value: string): string {
  if (!looksLikeHtml(value)) return tidySpaces(value).replace(/\s+/g, ' ').trim();
  const hast = fromHtml(value.replace(/<br\s*\/?>/gi, ' ').replace(/<\/(p|div|li|h[1-6])>/gi, '</$1> '), { fragment: true });
  stripHast(hast);
  const parts: string[] = [];
  const walk = (node: HastNodes) => {
    if (node.type === 'text') parts.push(node.value);
    else if ('children' in node) for (const child of node.children) walk(child as HastNodes);
  };
  walk(hast);
  return tidySpaces(parts.join('')).replace(/\s+/g, ' ').trim();
}

/** Markdown back to plain text, for the summary made from an imported description. */
export function markdownToPlain(markdown: string): string {
  // Escaped characters (\* \_) are set aside first, so they are never read as emphasis.
  const escaped: string[] = [];
  return markdown
    .replace(/\\\r?\n/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>&|~])/g, (_, character: string) => `\uE000${escaped.push(character) - 1}\uE001`)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/(\*\*|__|\*|_)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/\uE000(\d+)\uE001/g, (_, index: string) => escaped[Number(index)]!)
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The first sentence of a text, at most `max` characters, cut at a word: the summary shown on
 * cards and in search results.
 */
export function firstSentence(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(clean)?.[1] ?? clean;
  return sentence.length <= max ? sentence : `${sentence.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
