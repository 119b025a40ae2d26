/**
 * Finds links and resources on the built site that point at our own site but at nothing:
 * every href/src/poster/srcset to this origin must resolve to a built file, and every
 * #fragment to an element with that id.
 */

export interface BrokenLink {
  /** The page the link is on, such as "/services/". */
  page: string;
  /** The link as written. */
  link: string;
  reason: string;
}

/** What the checker needs to know about the built site. */
export interface BuiltSite {
  /** Whether a path (such as "/services/" or "/_astro/x.css") is a built file or folder index. */
  exists: (path: string) => boolean;
  /** Ids on a page, for #fragment links; undefined when the page is not HTML. */
  idsOn: (path: string) => Set<string> | undefined;
}

const ATTRIBUTE = /\s(?:href|src|poster|action|data-src)\s*=\s*"([^"]*)"/gi;
const SRCSET = /\ssrcset\s*=\s*"([^"]*)"/gi;
const ID = /\sid\s*=\s*"([^"]+)"/gi;

/** Element ids in an HTML document. */
export function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(ID)].map((m) => m[1]!));
}

function decodeEntities(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&#38;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/** Every link-like URL in an HTML document. */
export function linksIn(html: string): string[] {
  // Content of <script> and <template> is not markup with links; <pre>/<code> samples may show HTML as text.
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, (tag) => tag.replace(/>[\s\S]*<\/script>$/i, '></script>'));
  const links = [...markup.matchAll(ATTRIBUTE)].map((m) => decodeEntities(m[1]!));
  for (const m of markup.matchAll(SRCSET)) {
    for (const candidate of m[1]!.split(',')) links.push(decodeEntities(candidate.trim().split(/\s+/)[0] ?? ''));
  }
  return links.filter(Boolean);
}

/** Checks the links on one page. `origin` is the site's public origin (from siteUrl). */
export function brokenLinks(page: string, html: string, site: BuiltSite, origin: string): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const pageIds = idsIn(html);
  for (const link of linksIn(html)) {
    if (/^(mailto:|tel:|data:|blob:|javascript:)/i.test(link)) continue;
    let url: URL;
    try {
      url = new URL(link, `${origin}${page}`);
    } catch {
      broken.push({ page, link, reason: 'is not a valid address' });
      continue;
    }
    if (url.origin !== origin) continue;
    const path = decodeURIComponent(url.pathname);
    const samePage = url.pathname === new URL(page, origin).pathname;
    if (!site.exists(path)) {
      broken.push({ page, link, reason: `${path} is not on the built site` });
      continue;
    }
    if (url.hash.length > 1) {
      const id = decodeURIComponent(url.hash.slice(1));
      const ids = samePage ? pageIds : site.idsOn(path);
      if (ids && !ids.has(id)) broken.push({ page, link, reason: `there is no element with id "${id}" on ${path}` });
    }
  }
  return broken;
}
