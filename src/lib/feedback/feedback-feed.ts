/**
 * The "you said, we did" Atom feed: each entry with what people said, what was done, its
 * status and links, newest first.
 */
import { escapeXml } from '../text/xml.ts';
import { atomFeed } from './atom.ts';
import { actionLabel, newestFirst, type FeedbackItem } from './feedback.ts';
import { feedbackStatuses } from '../../contract/vocabulary.ts';

export interface FeedbackFeedItem extends FeedbackItem {
  source: string;
  youSaid: string;
  weDid: string;
  links: { label: string; href: string }[];
}

export interface FeedbackFeedSite {
  name: string;
  localAuthority: string;
  siteUrl: string;
  contact: { email: string };
}

export const FEED_PATH = '/you-said-we-did/feed.xml';
export const PAGE_PATH = '/you-said-we-did/';
/** How many of the newest entries the feed carries. */
export const FEED_SIZE = 50;

/** Cuts text to at most `max` characters at a word boundary, adding "…" when it cuts. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  // Look one character further so a word that ends exactly at the limit is kept whole.
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut.slice(0, max - 1)).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** The id of an entry's block on the listing page, so the feed can link straight to it. */
export const entryAnchor = (id: string) => `entry-${id}`;

function entryHtml(item: FeedbackFeedItem, siteUrl: string): string {
  const e = escapeXml;
  const parts = [
    `<p><strong>You said:</strong> ${e(item.youSaid)}</p>`,
    `<p><strong>${e(actionLabel(item.status))}:</strong> ${e(item.weDid)}</p>`,
    `<p>Status: ${e(feedbackStatuses.label(item.status))}. Theme: ${e(item.theme)}. Source: ${e(item.source)}.</p>`,
  ];
  if (item.links.length) {
    parts.push(`<ul>${item.links.map((link) => `<li><a href="${e(new URL(link.href, siteUrl).toString())}">${e(link.label)}</a></li>`).join('')}</ul>`);
  }
  return parts.join('');
}

/** The whole feed as XML text. `today` is used for <updated> only when there are no entries. */
export function feedbackFeed(items: readonly FeedbackFeedItem[], site: FeedbackFeedSite, today: string): string {
  const page = new URL(PAGE_PATH, site.siteUrl).toString();
  return atomFeed({
    id: new URL(FEED_PATH, site.siteUrl).toString(),
    title: `You said, we did – ${site.name}`,
    subtitle: `What people told ${site.localAuthority} about the Local Offer, and what was done in response.`,
    self: new URL(FEED_PATH, site.siteUrl).toString(),
    alternate: page,
    author: { name: site.localAuthority, email: site.contact.email, uri: site.siteUrl },
    fallbackUpdated: today,
    entries: newestFirst(items)
      .slice(0, FEED_SIZE)
      .map((item) => ({
        id: `${page}#${entryAnchor(item.id)}`,
        title: `${item.theme}: ${shorten(item.youSaid, 120)}`,
        updated: item.date,
        link: `${page}#${entryAnchor(item.id)}`,
        summary: `${actionLabel(item.status)}: ${shorten(item.weDid, 200)} (${feedbackStatuses.label(item.status)})`,
        categories: [item.theme, feedbackStatuses.label(item.status)],
        contentHtml: entryHtml(item, site.siteUrl),
      })),
  });
}
