/**
 * Atom 1.0 feeds (RFC 4287), written by hand so every required element is there: the feed's
 * id, title, updated and author, a self link, and each entry's id, title, updated and content.
 * All text is escaped, so nothing in content can break the XML.
 *
 * Why not the `feed` package (6.0, tried for issue 28): it writes every entry's title and summary
 * as type="html" in CDATA, so a reader would take "Tell us <when>" in a title as a tag and drop
 * it; it passes through control characters XML 1.0 forbids (one stray character in an editor's
 * text and readers reject the whole feed); it has no xml:lang, no link types and adds a
 * <generator>. Working around all that would keep our escaping and add two packages (feed and
 * xml-js) in place of these 90 lines.
 */
import { escapeXml } from '../text/xml.ts';

/** "2026-10-14" → "2026-10-14T00:00:00Z" (RFC 3339, as Atom requires); full timestamps pass through. */
export function atomDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : new Date(date).toISOString().replace(/\.000Z$/, 'Z');
}

export interface AtomEntry {
  /** A permanent IRI that never changes, even if the entry is edited. */
  id: string;
  title: string;
  /** YYYY-MM-DD or a full timestamp. */
  updated: string;
  /** Where the entry can be read on the site. */
  link: string;
  /** A short plain-text summary. */
  summary?: string;
  /** HTML (escaped into the feed as type="html"). */
  contentHtml: string;
  categories?: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own address. */
  self: string;
  /** The web page the feed belongs to. */
  alternate: string;
  author: { name: string; email?: string; uri?: string };
  entries: AtomEntry[];
  /** Used only when there are no entries, because Atom requires <updated>. */
  fallbackUpdated: string;
}

const element = (name: string, text: string, attributes = '') => `<${name}${attributes}>${escapeXml(text)}</${name}>`;
const attr = (name: string, value: string) => ` ${name}="${escapeXml(value)}"`;

/** The feed's <updated>: the latest entry's, so the feed only changes when an entry does. */
export function feedUpdated(entries: readonly Pick<AtomEntry, 'updated'>[], fallback: string): string {
  const dates = entries.map((e) => atomDate(e.updated)).sort();
  return dates.at(-1) ?? atomDate(fallback);
}

export function atomFeed(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  ${element('id', feed.id)}`,
    `  ${element('title', feed.title)}`,
    ...(feed.subtitle ? [`  ${element('subtitle', feed.subtitle)}`] : []),
    `  ${element('updated', feedUpdated(feed.entries, feed.fallbackUpdated))}`,
    `  <link${attr('rel', 'self')}${attr('type', 'application/atom+xml')}${attr('href', feed.self)}/>`,
    `  <link${attr('rel', 'alternate')}${attr('type', 'text/html')}${attr('href', feed.alternate)}/>`,
    '  <author>',
    `    ${element('name', feed.author.name)}`,
    ...(feed.author.email ? [`    ${element('email', feed.author.email)}`] : []),
    ...(feed.author.uri ? [`    ${element('uri', feed.author.uri)}`] : []),
    '  </author>',
  ];
  for (const entry of feed.entries) {
    lines.push(
      '  <entry>',
      `    ${element('id', entry.id)}`,
      `    ${element('title', entry.title)}`,
      `    ${element('updated', atomDate(entry.updated))}`,
      `    <link${attr('rel', 'alternate')}${attr('type', 'text/html')}${attr('href', entry.link)}/>`,
      ...(entry.categories ?? []).map((term) => `    <category${attr('term', term)}/>`),
      ...(entry.summary ? [`    ${element('summary', entry.summary)}`] : []),
      `    ${element('content', entry.contentHtml, attr('type', 'html'))}`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
