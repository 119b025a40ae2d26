/** robots.txt: everyone may crawl the public pages; the sitemap lists them. */
import type { APIRoute } from 'astro';
import { site } from '../lib/site/site.ts';

export const GET: APIRoute = () => {
  const sitemap = new URL('/sitemap-index.xml', site.siteUrl).toString();
  const body = ['User-agent: *', 'Allow: /', 'Disallow: /admin/', '', `Sitemap: ${sitemap}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
