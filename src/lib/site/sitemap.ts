/**
 * The sitemap for search engines (the sitemaps.org protocol, 0.9): `sitemap-index.xml`, which
 * robots.txt names, lists `sitemap-0.xml`, `sitemap-1.xml` and so on, each with at most 45,000
 * page addresses (the protocol allows 50,000), sorted as people read them ("page 2" before
 * "page 10").
 *
 * The site's own, in place of @astrojs/sitemap, which wrote the same files but compared every two
 * addresses with a new `localeCompare` collation: half a second of every build at 5,000 services,
 * an editor's one-edit rebuild included (docs/performance.md). One collator sorts them here.
 */
import { escapeXml } from '../text/xml.ts';

export const SITEMAP_INDEX = 'sitemap-index.xml';
export const SITEMAP_PAGE_LIMIT = 45_000;

/**
 * Whether a built page belongs in the sitemap, from its path ("services/portage/"): not the
 * editor (/admin/), not the error page, and not the step-by-step finder's pages (every
 * combination of need, age and place: thousands in a big directory, each a subset of the browse
 * pages, so not for search engines).
 */
export function inSitemap(pathname: string): boolean {
  const path = `/${pathname.replace(/^\/+/, '')}`;
  return !path.startsWith('/admin/') && !path.startsWith('/services/find/') && !/^\/(?:404|500)(?:\.html|\/)?$/.test(path);
}

const urlset = (urls: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((url) => `<url><loc>${escapeXml(url)}</loc></url>`).join('')}</urlset>`;

const sitemapIndex = (urls: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((url) => `<sitemap><loc>${escapeXml(url)}</loc></sitemap>`).join('')}</sitemapindex>`;

/**
 * The sitemap's files for the built pages' paths, each as a file name in dist/ and its XML. The
 * addresses are on the site's host, as the pages are (the site is served from its root).
 */
export function sitemapFiles(siteUrl: string, pathnames: readonly string[], limit = SITEMAP_PAGE_LIMIT): { name: string; xml: string; pages: number }[] {
  const root = new URL('/', siteUrl);
  const collator = new Intl.Collator('en', { numeric: true });
  const urls = [...new Set(pathnames.filter(inSitemap).map((pathname) => new URL(pathname.replace(/^\/+/, ''), root).href))].sort(collator.compare);
  const parts: string[][] = [];
  for (let i = 0; i < urls.length; i += limit) parts.push(urls.slice(i, i + limit));
  if (parts.length === 0) return [];
  const files = parts.map((part, i) => ({ name: `sitemap-${i}.xml`, xml: urlset(part), pages: part.length }));
  return [{ name: SITEMAP_INDEX, xml: sitemapIndex(files.map((file) => new URL(file.name, root).href)), pages: urls.length }, ...files];
}
